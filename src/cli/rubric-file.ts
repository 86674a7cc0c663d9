import { readFileSync } from 'fs';
import { lintRubric, type LintFinding } from '../engine/lint';
import { formatProblems } from '../engine/rubric-check';
import { parseRubric, RubricFileError } from '../engine/rubric-load';
import type { Rubric } from '../engine/rubric-types';
import { checkedRubric } from './checked-rubrics';
import { bundledRubricPath } from './paths';

/** Thrown when input cannot be read at all (exit code 2). `message` is Chinese with the English after it. */
export class UnreadableInputError extends Error {
  constructor(
    message: string,
    readonly en: string = message,
  ) {
    super(message);
    this.name = 'UnreadableInputError';
  }
}

function readRubricBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在 (file not found)' : code === 'EISDIR' ? '这是一个文件夹 (is a directory)' : (err as Error).message;
    const whyEn = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    throw new UnreadableInputError(`无法读取评分标准文件 ${file}: ${why}`, `Cannot read the rubric file ${file}: ${whyEn}`);
  }
}

/** Read and check a rubric file (the bundled one when no path is given). */
export function loadRubricFile(file: string = bundledRubricPath()): Rubric {
  return parseRubric(readRubricBytes(file).toString('utf8'), file);
}

/** The rubric parses but `lint` finds errors in it (duplicate ids, sums that do not add up): not used. */
export class RubricLintError extends Error {
  constructor(
    readonly file: string,
    readonly zh: readonly LintFinding[],
    readonly en: readonly LintFinding[],
  ) {
    super(zh.map((f) => `${file}: ${f.path}: ${f.code} ${f.message}`).join('\n'));
    this.name = 'RubricLintError';
  }
}

/**
 * The rubric validate, eval and template use: readable, valid by the schema, and without a lint error —
 * a sheet scored against sums that do not add up would be scored wrong without a word. A file the build
 * already checked (the same bytes) is taken from its record.
 */
export function loadUsableRubric(file?: string): Rubric {
  const path = file ?? bundledRubricPath();
  return checkedRubric(readRubricBytes(path)) ?? checkUsableRubric(path);
}

/** loadUsableRubric's full check, never a record: what the build runs to write the records. */
export function checkUsableRubric(path: string): Rubric {
  const rubric = loadRubricFile(path);
  const errors = (locale: 'zh-CN' | 'en') => lintRubric(rubric, locale).findings.filter((f) => f.severity === 'error');
  const zh = errors('zh-CN');
  if (zh.length > 0) throw new RubricLintError(path, zh, errors('en'));
  return rubric;
}

/** The words for a rubric that cannot be used, or undefined when `err` is something else. */
export function rubricErrorText(err: unknown, lang: 'zh' | 'en'): string | undefined {
  if (err instanceof UnreadableInputError) return lang === 'en' ? err.en : `${err.message}\n${err.en}`;
  if (err instanceof RubricFileError) {
    const en = `The rubric file is invalid; fix these and run again:\n${formatProblems(err.file, err.problems, 'en')}`;
    return lang === 'en' ? en : `评分标准文件有误，请修改后再运行：\n${formatProblems(err.file, err.problems)}`;
  }
  if (err instanceof RubricLintError) {
    const lines = (findings: readonly LintFinding[]) => findings.map((f) => `  ${err.file}: ${f.path}: ${f.code} ${f.message}`).join('\n');
    const en = `The rubric has errors that \`lint\` reports; it is not used until they are fixed:\n${lines(err.en)}`;
    return lang === 'en' ? en : `评分标准文件有 lint 报告的错误，改正前不能使用：\n${lines(err.zh)}\n${en}`;
  }
  return undefined;
}

export { RubricFileError };
