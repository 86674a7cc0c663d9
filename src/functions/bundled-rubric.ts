/**
 * The rubric the add-in ships with, bundled as text and parsed (schema-checked) once, on first use,
 * so a custom function that needs no rubric never pays for parsing it.
 */
import { parseRubric } from '../engine/rubric-load';
import type { Rubric } from '../engine/rubric-types';
import type { FunctionContext } from '../engine/functions/catalog';
import rubricText from '../../rubric/changning-2023.yaml';

export const BUNDLED_RUBRIC_FILE = 'rubric/changning-2023.yaml';

let parsed: Rubric | undefined;

export function bundledRubric(): Rubric {
  parsed ??= parseRubric(rubricText, BUNDLED_RUBRIC_FILE);
  return parsed;
}

export const bundledContext: FunctionContext = { rubric: bundledRubric };
