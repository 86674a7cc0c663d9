/** Types for scripts/webpack/rubric-loader.js (plain Node: webpack loads it without compiling it). */
import type { LoaderContext } from 'webpack';

export interface RubricProblem {
  path: string;
  message: string;
}

/** `{ rubric }` (the parsed, schema-checked data) or `{ problems }`, as parseRubric would report them. */
export function checkRubric(text: string): { rubric: unknown; problems?: undefined } | { rubric?: undefined; problems: RubricProblem[] };
/** `file: path: message` lines, as RubricFileError formats them. */
export function formatProblems(file: string, problems: readonly RubricProblem[]): string;

declare function rubricLoader(this: LoaderContext<unknown>, text: string): string;
export default rubricLoader;
