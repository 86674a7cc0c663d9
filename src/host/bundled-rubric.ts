/**
 * The rubric the add-in and the playground ship with. scripts/webpack/rubric-loader.js parses it and
 * checks it against rubric/schema.json when the bundle is built (a rubric that fails the check fails
 * the build), so the browser gets the checked object and carries neither a YAML parser nor Ajv.
 * The CLI instead reads a rubric file at run time (src/cli/rubric-file.ts), for --rubric.
 */
import type { FunctionContext } from '../engine/functions/catalog';
import type { Rubric } from '../engine/rubric-types';
// Resolved by webpack (and Jest) to package.json's config.rubric, or RUBRIC_FILE: scripts/bundled-rubric-file.js.
import rubric from 'bundled-rubric.yaml';

export function bundledRubric(): Rubric {
  return rubric;
}

/** What the custom functions need from the rubric. */
export const bundledContext: FunctionContext = { rubric: bundledRubric };
