/** Shared by the CLI tests: the bundled rubric, an in-memory CliIO, and paths to the committed examples. */
import { join } from 'path';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { loadRubricFile } from '../../src/cli/rubric-file';
import type { Rubric } from '../../src/engine/rubric-types';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLE_DIRTY = join(ROOT, 'examples', '江苏路街道-2023-自评表.xlsx');
export const EXAMPLE_CLEAN = join(ROOT, 'examples', 'clean-2023-自评表.xlsx');

let cached: Rubric | undefined;
export const bundledRubric = (): Rubric => (cached ??= loadRubricFile());

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process through main(argv, io), capturing stdout and stderr. */
export async function run(...argv: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), exit: () => undefined };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
