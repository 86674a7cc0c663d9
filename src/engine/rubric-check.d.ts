export interface RubricProblem {
  path: string;
  /** Chinese, with the English in brackets. */
  message: string;
  /** English only (--lang en). */
  en?: string;
  /** The path in English where it is worded (a YAML line number). */
  pathEn?: string;
}

/** `{ rubric }` (parsed, schema-checked data) or `{ problems }` with the path of each. */
export function checkRubric(text: string, schema: object): { rubric: unknown; problems?: undefined } | { rubric?: undefined; problems: RubricProblem[] };
/** `file: path: message` lines; `lang` 'en' prints English only. */
export function formatProblems(file: string, problems: readonly RubricProblem[], lang?: 'zh' | 'en'): string;
/** `/categories/2/items/5/clauses/0/max` → `categories[2].items[5].clauses[0].max` */
export function toDottedPath(pointer: string): string;
