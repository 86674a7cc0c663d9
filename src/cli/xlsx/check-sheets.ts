/**
 * One workbook file checked for the district (check-sheet-bytes.ts on the file's bytes). Shared by
 * `compare` and `validate --all-sheets`.
 */
import { checkPicked, checkSheetBytes, type CheckedSheet, type SheetsOptions } from './check-sheet-bytes';
import { readInputFile } from './check-workbook';
import { readErrors, WorkbookReadError } from './read-errors';
import { isCsvInput, pickCsvSheet } from './read-csv';
import type { CsvEncoding } from '../../xlsx/csv-sheet';

export { checkSheetBytes, customPropertiesOf, type BytesResult, type CheckedSheet, type SheetsOptions } from './check-sheet-bytes';

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

export async function checkSheets(file: string, options: SheetsOptions): Promise<SheetsResult> {
  try {
    const bytes = readInputFile(file);
    // A CSV export is read here (its reader needs the file name's extension), then checked like a sheet.
    if (isCsvInput(file, bytes)) {
      const csv = pickCsvSheet(bytes, file, options.rubric);
      return { file, ok: true, bytes, sheets: await checkPicked([csv], {}, options), failed: [], csv: csv.encoding };
    }
    const checked = await checkSheetBytes(bytes, file, options);
    return checked.ok ? { ...checked, bytes } : checked;
  } catch (err) {
    if (err instanceof WorkbookReadError) return { file, ok: false, error: err };
    return { file, ok: false, error: readErrors.internal(file, (err as Error)?.message ?? String(err)) };
  }
}

