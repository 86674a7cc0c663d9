/**
 * A workbook from a Buffer (the file on disk is never opened for writing), loaded with the CLI's
 * ExcelJS. Bad input becomes a WorkbookReadError saying what is wrong and how to fix it. Worksheets are
 * read by the rules shared with the playground (src/xlsx/read-worksheet.ts).
 */
import type ExcelJS from 'exceljs';
import { sniffFileKind } from '../../xlsx/file-kind';
import { newWorkbook } from './exceljs';
import { readErrors } from './read-errors';

/** Load a workbook from its bytes; `file` only names it in messages. */
export async function loadWorkbook(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  switch (sniffFileKind(buf)) {
    case 'cfb-encrypted':
      throw readErrors.encrypted(file);
    case 'cfb':
      throw readErrors.oldXls(file);
    case 'other':
      throw readErrors.notXlsx(file);
    case 'zip':
      break;
  }
  const workbook = newWorkbook();
  try {
    // ExcelJS's typings ask for its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw readErrors.corrupt(file, (err as Error).message ?? String(err));
  }
  if (workbook.worksheets.length === 0) throw readErrors.noSheets(file);
  return workbook;
}
