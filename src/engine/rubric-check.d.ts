export interface RubricProblem {
  path: string;
  message: string;
}

/** `{ rubric }` (parsed, schema-checked data) or `{ problems }` with the path of each. */
export function checkRubric(text: string, schema: object): { rubric: unknown; problems?: undefined } | { rubric?: undefined; problems: RubricProblem[] };
/** `file: path: message` lines. */
export function formatProblems(file: string, problems: readonly RubricProblem[]): string;
/** `/categories/2/items/5/clauses/0/max` → `categories[2].items[5].clauses[0].max` */
export function toDottedPath(pointer: string): string;
