/**
 * The rubric the pane and the ribbon ship with. Parsed from the bundled YAML without the JSON-Schema
 * check parseRubric adds: this file is fixed at build time and schema-checked by the test suite
 * (tests/rubric/schema.test.ts, tests/taskpane/pane-rubric.test.ts), and Ajv would add about 40 KB
 * gzip to the pane's bundle for a check that can never fail at run time.
 */
import { parse } from 'yaml';
import type { Rubric } from '../engine/rubric-types';
import rubricText from '../../rubric/changning-2023.yaml';

let parsed: Rubric | undefined;

export function paneRubric(): Rubric {
  parsed ??= parse(rubricText) as Rubric;
  return parsed;
}
