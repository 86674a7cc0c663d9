/**
 * One workbook file checked for the district (check-sheet-bytes.ts on the file's bytes). Shared by
 * `compare` and `validate --all-sheets`.
 */
import { checkSheetBytes, type CheckedSheet, type SheetsOptions } from './check-sheet-bytes';
import { readInputFile } from './check-workbook';
import { readErrors, WorkbookReadError } from './read-errors';

export { checkSheetBytes, customPropertiesOf, type BytesResult, type CheckedSheet, type SheetsOptions } from './check-sheet-bytes';

export type SheetsResult =
  | { file: string; ok: true; bytes: Buffer; sheets: CheckedSheet[]; failed: { sheet: string; error: WorkbookReadError }[] }
  | { file: string; ok: false; error: WorkbookReadError };

export async function checkSheets(file: string, options: SheetsOptions): Promise<SheetsResult> {
  try {
    const bytes = readInputFile(file);
    const checked = await checkSheetBytes(bytes, file, options);
    return checked.ok ? { ...checked, bytes } : checked;
  } catch (err) {
    if (err instanceof WorkbookReadError) return { file, ok: false, error: err };
    return { file, ok: false, error: readErrors.internal(file, (err as Error)?.message ?? String(err)) };
  }
}

