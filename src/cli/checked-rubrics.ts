/**
 * Rubrics already checked at build time. Checking a rubric (YAML parse, the JSON Schema through Ajv, lint) is
 * about a third of a one-file `validate`'s start-up, and the answer depends only on the file's bytes and on this
 * build's code: so the build checks the rubric files it ships and records each usable one under the SHA-256 of its
 * bytes. A run whose rubric has exactly those bytes reads the record instead; any other file (a changed byte, a
 * `--rubric` of the user's own) is checked in full as before. The records sit in the compiled tree and are
 * rewritten by every build, so they never outlive the checker that wrote them; run from source (Jest) there are none.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Rubric } from '../engine/rubric-types';

/** dist-cli/rubric-checked when compiled (this file is dist-cli/src/cli/checked-rubrics.js). */
export const CHECKED_DIR = join(__dirname, '..', '..', 'rubric-checked');

const keyOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The rubric recorded for exactly these bytes, or undefined. */
export function checkedRubric(bytes: Uint8Array, dir: string = CHECKED_DIR): Rubric | undefined {
  const record = join(dir, `${keyOf(bytes)}.json`);
  if (!existsSync(record)) return undefined;
  try {
    return JSON.parse(readFileSync(record, 'utf8')) as Rubric;
  } catch {
    return undefined; // an unreadable record only costs the full check
  }
}

/**
 * Replace the records with one per usable rubric in `files`; `check` is the full check (it throws for a rubric
 * that cannot be used, and such a file gets no record). Returns the files recorded.
 */
export function writeCheckedRubrics(files: readonly string[], check: (file: string) => Rubric, dir: string = CHECKED_DIR): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const recorded: string[] = [];
  for (const file of files) {
    let rubric: Rubric;
    try {
      rubric = check(file);
    } catch {
      continue;
    }
    writeFileSync(join(dir, `${keyOf(readFileSync(file))}.json`), JSON.stringify(rubric));
    recorded.push(file);
  }
  return recorded;
}
