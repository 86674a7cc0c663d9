/**
 * Run by every CLI build (scripts/ensure-cli-built.js, `npm run build:cli`): checks the rubric files the package
 * ships and records the usable ones for a fast start-up (src/cli/checked-rubrics.ts).
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { writeCheckedRubrics } from '../src/cli/checked-rubrics';
import { packageRoot } from '../src/cli/paths';
import { checkUsableRubric } from '../src/cli/rubric-file';

const dir = join(packageRoot(), 'rubric');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(dir, f));
writeCheckedRubrics(files, checkUsableRubric);
