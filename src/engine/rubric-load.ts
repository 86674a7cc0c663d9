import schema from '../../rubric/schema.json';
import { checkRubric, formatProblems, type RubricProblem } from './rubric-check';
import type { Rubric } from './rubric-types';

export { toDottedPath } from './rubric-check';

/** A rubric file that cannot be used: names the file, the path inside it and what is wrong. */
export class RubricFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RubricProblem[],
  ) {
    super(formatProblems(file, problems));
    this.name = 'RubricFileError';
  }
}

/** Parse and check a rubric file's text. Throws RubricFileError; never returns a half-valid rubric. */
export function parseRubric(text: string, file: string): Rubric {
  const verdict = checkRubric(text, schema);
  if (verdict.problems) throw new RubricFileError(file, verdict.problems);
  return verdict.rubric as Rubric;
}
