/**
 * A workbook from a Buffer (the file on disk is never opened for writing), opened with the streaming
 * reader (src/xlsx/xlsx-reader.ts): only the parts validation needs are inflated, within READ_LIMITS.
 * Bad input becomes a WorkbookReadError saying what is wrong and how to fix it.
 */
import { sniffFileKind } from '../../xlsx/file-kind';
import { READ_LIMITS, ReadLimitError, type ReadLimits } from '../../xlsx/read-limits';
import { XmlFormatError } from '../../xlsx/xml-part';
import type { ReadSheet } from '../../xlsx/read-worksheet';
import { XlsxFormatError, XlsxReader, type SheetEntry } from '../../xlsx/xlsx-reader';
import { ZipFormatError } from '../../xlsx/zip-entries';
import { readErrors, WorkbookReadError } from './read-errors';

/** Bytes that are not a zip at all (a password-protected workbook, an old .xls, anything else) refused by what they are. */
export function refuseNonZip(buf: Uint8Array, file: string): void {
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
}

/** Open a workbook from its bytes; `file` only names it in messages. Throws WorkbookReadError. */
export function loadWorkbook(buf: Uint8Array, file: string, limits: ReadLimits = READ_LIMITS): XlsxReader {
  refuseNonZip(buf, file);
  let reader: XlsxReader;
  try {
    reader = XlsxReader.open(buf, limits);
  } catch (err) {
    throw asReadError(err, file);
  }
  if (reader.sheets.length === 0) throw readErrors.noSheets(file);
  return reader;
}

/** One worksheet of an open workbook; throws WorkbookReadError (a limit, damage) like loadWorkbook. */
export function readSheetOf(reader: XlsxReader, sheet: SheetEntry, file: string): ReadSheet {
  try {
    return reader.readSheet(sheet);
  } catch (err) {
    throw asReadError(err, file);
  }
}

/**
 * What went wrong reading a package, for the user: damage only when the bytes are damaged (zip or XML
 * malformed, a part missing); a limit by name; anything else is the tool's fault, not the file's.
 */
export function asReadError(err: unknown, file: string): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err;
  if (err instanceof ReadLimitError) return readErrors.limit(file, err.limit, err.actual, err.max, err.part);
  if (err instanceof XlsxFormatError && err.message.startsWith('xlsb')) {
    return readErrors.unsupported(file, 'Excel 二进制工作簿（.xlsb）', 'an Excel binary workbook (.xlsb)');
  }
  if (err instanceof ZipFormatError || err instanceof XmlFormatError || err instanceof XlsxFormatError) return readErrors.corrupt(file, err.message);
  return readErrors.internal(file, (err as Error)?.message ?? String(err));
}
