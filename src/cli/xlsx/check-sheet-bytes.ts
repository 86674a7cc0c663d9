/**
 * One workbook's bytes checked for the district, without the file system, so the pane and the
 * playground (a file chosen in the browser) and the CLI (check-sheets.ts) share it: the 街镇 sheet (or,
 * with allSheets, every sheet holding the rubric table), each validated, with the submission stamp's status.
 */
import { findUnitName } from '../../engine/locate/unit-name';
import type { Locale } from '../../engine/messages';
import type { Rubric } from '../../engine/rubric-types';
import type { GridSheet } from '../../engine/sheet/sheet-model';
import { stampFromProperties, stampStatus, type StampStatus } from '../../engine/stamp/stamp';
import { validateSheet, type SheetCheck, type ValidationResult } from '../../engine/validate/validate-sheet';
import { webCryptoSha256 } from '../../host/sha256';
import { CUSTOM_PART, customPropertiesOfXml } from '../../xlsx/custom-properties';
import { ReadLimitError } from '../../xlsx/read-limits';
import type { XlsxReader } from '../../xlsx/xlsx-reader';
import { pickAllSheets, pickSheet, type PickedSheet } from './pick-sheet';
import { readErrors, WorkbookReadError } from './read-errors';
import { asReadError, loadWorkbook } from './read-workbook';

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

/**
 * The workbook's custom properties, read through the bounded reader (a package whose other parts inflate
 * past the limits must not be inflated whole for this); none when docProps/custom.xml cannot be read.
 */
export function customPropertiesOf(workbook: XlsxReader, file: string): Record<string, string> {
  try {
    return customPropertiesOfXml(workbook.text(CUSTOM_PART));
  } catch (err) {
    if (err instanceof ReadLimitError) throw asReadError(err, file);
    return {};
  }
}

export type BytesResult =
  | { file: string; ok: true; sheets: CheckedSheet[]; failed: { sheet: string; error: WorkbookReadError }[] }
  | { file: string; ok: false; error: WorkbookReadError };

/** The same check on bytes already in memory (no file system): what the pane does with a chosen file. */
export async function checkSheetBytes(bytes: Uint8Array, file: string, options: SheetsOptions): Promise<BytesResult> {
  try {
    const workbook = loadWorkbook(bytes, file);
    let picked: PickedSheet[];
    const failed: { sheet: string; error: WorkbookReadError }[] = [];
    if (options.allSheets && options.sheet === undefined) {
      const all = pickAllSheets(workbook, options.rubric, file);
      picked = all.picked;
      for (const f of all.failed) failed.push({ sheet: f.sheet, error: new WorkbookReadError('too-large', f.zh, f.en) });
    } else {
      picked = [pickSheet(workbook, options.rubric, file, options.sheet)];
    }
    const sheets = await checkPicked(picked, customPropertiesOf(workbook, file), options);
    return { file, ok: true, sheets, failed };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { file, ok: false, error: err };
    return { file, ok: false, error: readErrors.internal(file, (err as Error)?.message ?? String(err)) };
  }
}

/** Each picked sheet validated, with the stamp status from the package's custom properties ({} for a CSV). */
export async function checkPicked(picked: readonly PickedSheet[], properties: Record<string, string>, options: SheetsOptions): Promise<CheckedSheet[]> {
  const stamp = stampFromProperties(properties);
  const sheets: CheckedSheet[] = [];
  for (const p of picked) {
    const result = validateSheet(p.sheet, options.rubric, { locale: options.locale, extraChecks: options.extraChecks, table: p.table });
    sheets.push({ sheet: p.sheet, result, unit: findUnitName(p.sheet, p.table.headerRow), stamp: await stampStatus(stamp, { rubric: options.rubric, sheet: p.sheet, table: p.table }, webCryptoSha256) });
  }
  return sheets;
}
