import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { parseRubric } from '../../src/engine/rubric-load';
import type { Rubric } from '../../src/engine/rubric-types';

export const bundledPath = join(__dirname, '..', '..', 'rubric', 'changning-2023.yaml');
export const bundledText = (): string => readFileSync(bundledPath, 'utf8');
export const loadBundled = (): Rubric => parseRubric(bundledText(), bundledPath);
/** A fresh, mutable copy of the bundled rubric's raw data, for planting defects. */
export const rawBundled = (): any => parse(bundledText());
