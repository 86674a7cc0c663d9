import { readFileSync } from 'fs';
import { parseRubric, RubricFileError } from '../engine/rubric-load';
import type { Rubric } from '../engine/rubric-types';
import { bundledRubricPath } from './paths';

/** Thrown when input cannot be read at all (exit code 2). */
export class UnreadableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableInputError';
  }
}

/** Read and check a rubric file (the bundled one when no path is given). */
export function loadRubricFile(file: string = bundledRubricPath()): Rubric {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在 (file not found)' : code === 'EISDIR' ? '这是一个文件夹 (is a directory)' : (err as Error).message;
    throw new UnreadableInputError(`无法读取评分标准文件 ${file}: ${why}`);
  }
  return parseRubric(text, file);
}

export { RubricFileError };
