/**
 * One workbook from disk to a ValidationResult: read the bytes (read-only), open them with the streaming
 * reader, pick the sheet, validate. Every way a file can be unusable ends as a WorkbookReadError for that file.
 */
import { readFileSync, statSync } from 'fs';
import { findUnitName } from '../../engine/locate/unit-name';
import type { Locale } from '../../engine/messages';
import type { Rubric } from '../../engine/rubric-types';
import { validateSheet, type SheetCheck, type ValidationResult } from '../../engine/validate/validate-sheet';
import { readErrors, WorkbookReadError } from './read-errors';
import { pickSheet } from './pick-sheet';
import { isCsvInput, pickCsvSheet } from './read-csv';
import type { CsvEncoding } from '../../xlsx/csv-sheet';
import { loadWorkbook } from './read-workbook';
import type { ReadLimits } from '../../xlsx/read-limits';

/** A self-assessment workbook is a few hundred KB; beyond this it is something else (or full of photos). */
export const MAX_FILE_MB = 50;

export interface CheckOptions {
  rubric: Rubric;
  /** Worksheet name (--sheet); otherwise the first sheet holding the rubric table. */
  sheet?: string;
  locale?: Locale;
  extraChecks?: SheetCheck[];
  /** Read limits (tests pass small ones); READ_LIMITS by default. */
  limits?: ReadLimits;
}

export type CheckResult =
  | {
      file: string;
      ok: true;
      bytes: Buffer;
      result: ValidationResult;
      unit: string | null;
      parseMs: number;
      validateMs: number;
      /** Set when the file was a CSV export: the encoding it was read in. */
      csv?: CsvEncoding;
    }
  | { file: string; ok: false; error: WorkbookReadError };

/** The file's bytes; the file is opened for reading only. */
export function readInputFile(file: string): Buffer {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw readErrors.unreadable(file, '这是一个文件夹', 'it is a directory');
    size = st.size;
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw readErrors.missing(file);
    throw readErrors.unreadable(file, code ?? (err as Error).message);
  }
  if (size > MAX_FILE_MB * 1024 * 1024) throw readErrors.fileTooLarge(file, Math.round(size / 1024 / 1024), MAX_FILE_MB);
  try {
    return readFileSync(file, { flag: 'r' });
  } catch (err) {
    throw readErrors.unreadable(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
}

export async function checkWorkbook(file: string, options: CheckOptions): Promise<CheckResult> {
  try {
    const bytes = readInputFile(file);
    return { file, ok: true, bytes, ...(await checkBytes(bytes, file, options)) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { file, ok: false, error: err };
    // A fault in the tool must not stop the other files or print a stack trace.
    return { file, ok: false, error: readErrors.internal(file, (err as Error)?.message ?? String(err)) };
  }
}

/** Validate a workbook already in memory (the bench and tests use this directly). */
export async function checkBytes(
  bytes: Buffer,
  file: string,
  options: CheckOptions,
): Promise<{ result: ValidationResult; unit: string | null; parseMs: number; validateMs: number; csv?: CsvEncoding }> {
  const t0 = performance.now();
  const csv = isCsvInput(file, bytes) ? pickCsvSheet(bytes, file, options.rubric, options.limits) : undefined;
  const picked = csv ?? pickSheet(loadWorkbook(bytes, file, options.limits), options.rubric, file, options.sheet);
  const t1 = performance.now();
  const result = validateSheet(picked.sheet, options.rubric, { locale: options.locale, extraChecks: options.extraChecks, table: picked.table });
  const t2 = performance.now();
  const unit = findUnitName(picked.sheet, picked.table.headerRow);
  return { result, unit, parseMs: t1 - t0, validateMs: t2 - t1, ...(csv ? { csv: csv.encoding } : {}) };
}
