/**
 * A .csv export checked like a workbook: decoded (UTF-8 with or without BOM, GB18030/GBK, UTF-16), read
 * as one sheet named after the file, and located by the same engine. Only what a CSV cannot hold is
 * lost — formulas, merges, hidden rows — and the locator does not need them.
 */
import { basename, extname } from 'path';
import { locateTable, TableNotFoundError } from '../../engine/locate/locate-table';
import type { Rubric } from '../../engine/rubric-types';
import { csvSheet, looksLikeCsv, type CsvEncoding } from '../../xlsx/csv-sheet';
import { sniffFileKind } from '../../xlsx/file-kind';
import { READ_LIMITS, type ReadLimits } from '../../xlsx/read-limits';
import type { PickedSheet } from './pick-sheet';
import { readErrors } from './read-errors';

/** Neither zip nor OLE, and named .csv or shaped like delimited text: never "a renamed file". */
export const isCsvInput = (file: string, bytes: Uint8Array): boolean =>
  sniffFileKind(bytes) === 'other' && (/\.(?:csv|tsv)$/i.test(file) || looksLikeCsv(bytes));

export function pickCsvSheet(bytes: Uint8Array, file: string, rubric: Rubric, limits: ReadLimits = READ_LIMITS): PickedSheet & { encoding: CsvEncoding } {
  const name = basename(file, extname(file)) || 'CSV';
  let read: ReturnType<typeof csvSheet>;
  try {
    read = csvSheet(bytes, name, limits);
  } catch (err) {
    throw readErrors.csvBroken(file, (err as Error).message ?? String(err));
  }
  if (read.truncated) throw readErrors.tooLarge(file, name, read.contentRows, read.contentCols, limits.rows, limits.cols);
  try {
    return { sheet: read.sheet, table: locateTable(read.sheet, rubric), encoding: read.encoding };
  } catch (err) {
    if (!(err instanceof TableNotFoundError)) throw err;
    throw readErrors.noTable(file, [err.localized('zh-CN'), readErrors.csvHint.zh], [err.localized('en'), readErrors.csvHint.en]);
  }
}
