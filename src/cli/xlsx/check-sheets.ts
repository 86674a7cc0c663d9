/**
 * One workbook checked for the district: the 街镇 sheet (or, with --all-sheets, every sheet holding the
 * rubric table), each validated, with the status of the submission stamp read from the workbook's
 * custom properties. Shared by `compare` and `validate --all-sheets`.
 */
import { findUnitName } from '../../engine/locate/unit-name';
import type { Locale } from '../../engine/messages';
import type { Rubric } from '../../engine/rubric-types';
import type { GridSheet } from '../../engine/sheet/sheet-model';
import { stampFromProperties, stampStatus, type StampStatus } from '../../engine/stamp/stamp';
import { validateSheet, type SheetCheck, type ValidationResult } from '../../engine/validate/validate-sheet';
import { webCryptoSha256 } from '../../host/sha256';
import { readCustomProperties } from '../../xlsx/custom-properties';
import { ZipPackage } from '../../xlsx/zip-package';
import { readInputFile } from './check-workbook';
import { pickAllSheets, pickSheet, type PickedSheet } from './pick-sheet';
import { readErrors, WorkbookReadError } from './read-errors';
import { loadWorkbook } from './read-workbook';
import { isCsvInput, pickCsvSheet } from './read-csv';
import type { CsvEncoding } from '../../xlsx/csv-sheet';

export interface SheetsOptions {
  rubric: Rubric;
  sheet?: string;
  allSheets?: boolean;
  locale?: Locale;
  extraChecks?: SheetCheck[];
}

export interface CheckedSheet {
  sheet: GridSheet;
  result: ValidationResult;
  /** The 街镇 the sheet names (findUnitName), null when it does not say. */
  unit: string | null;
  stamp: StampStatus;
}

export type SheetsResult =
  | {
      file: string;
      ok: true;
      bytes: Buffer;
      sheets: CheckedSheet[];
      failed: { sheet: string; error: WorkbookReadError }[];
      /** Set when the file was a CSV export: the encoding it was read in (no stamp, no annotated copy). */
      csv?: CsvEncoding;
    }
  | { file: string; ok: false; error: WorkbookReadError };

/** The workbook's custom properties; none when the package cannot be opened as a zip (ExcelJS read it anyway). */
export function customPropertiesOf(bytes: Uint8Array): Record<string, string> {
  try {
    return readCustomProperties(ZipPackage.open(bytes));
  } catch {
    return {};
  }
}

export async function checkSheets(file: string, options: SheetsOptions): Promise<SheetsResult> {
  try {
    const bytes = readInputFile(file);
    const csv = isCsvInput(file, bytes) ? pickCsvSheet(bytes, file, options.rubric) : undefined;
    let picked: PickedSheet[];
    const failed: { sheet: string; error: WorkbookReadError }[] = [];
    if (csv) {
      picked = [csv];
    } else if (options.allSheets && options.sheet === undefined) {
      const workbook = loadWorkbook(bytes, file);
      const all = pickAllSheets(workbook, options.rubric, file);
      picked = all.picked;
      for (const f of all.failed) failed.push({ sheet: f.sheet, error: new WorkbookReadError('too-large', f.zh, f.en) });
    } else {
      picked = [pickSheet(loadWorkbook(bytes, file), options.rubric, file, options.sheet)];
    }
    const stamp = stampFromProperties(customPropertiesOf(bytes));
    const sheets: CheckedSheet[] = [];
    for (const p of picked) {
      const result = validateSheet(p.sheet, options.rubric, { locale: options.locale, extraChecks: options.extraChecks, table: p.table });
      sheets.push({ sheet: p.sheet, result, unit: findUnitName(p.sheet, p.table.headerRow), stamp: await stampStatus(stamp, { rubric: options.rubric, sheet: p.sheet, table: p.table }, webCryptoSha256) });
    }
    return { file, ok: true, bytes, sheets, failed, ...(csv ? { csv: csv.encoding } : {}) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { file, ok: false, error: err };
    return { file, ok: false, error: readErrors.internal(file, (err as Error)?.message ?? String(err)) };
  }
}
