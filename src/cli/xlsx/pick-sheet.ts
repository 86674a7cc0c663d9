/**
 * Which worksheet holds the self-assessment: the one named by --sheet, else the first (visible sheets
 * before hidden ones) where the locator finds the rubric table.
 */
import type ExcelJS from 'exceljs';
import { locateTable, TableNotFoundError, type LocatedTable } from '../../engine/locate/locate-table';
import type { Rubric } from '../../engine/rubric-types';
import type { GridSheet } from '../../engine/sheet/sheet-model';
import { readErrors } from './read-errors';
import { MAX_COLS, MAX_ROWS, readWorksheet } from '../../xlsx/read-worksheet';

export interface PickedSheet {
  sheet: GridSheet;
  table: LocatedTable;
}

const findByName = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined =>
  workbook.worksheets.find((ws) => ws.name === name) ??
  workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === name.trim().toLowerCase());

/** Throws WorkbookReadError (no-such-sheet, too-large or no-table); other locator errors propagate. */
export function pickSheet(workbook: ExcelJS.Workbook, rubric: Rubric, file: string, wanted?: string): PickedSheet {
  if (wanted !== undefined) {
    const ws = findByName(workbook, wanted);
    if (!ws) throw readErrors.noSuchSheet(file, wanted, workbook.worksheets.map((w) => w.name));
    return locateIn(ws, rubric, file, true) as PickedSheet;
  }
  const ordered = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  const zh: string[] = [];
  const en: string[] = [];
  for (const ws of ordered) {
    const picked = locateIn(ws, rubric, file, false, zh, en);
    if (picked) return picked;
  }
  throw readErrors.noTable(file, zh, en);
}

function locateIn(
  ws: ExcelJS.Worksheet,
  rubric: Rubric,
  file: string,
  strict: boolean,
  zh: string[] = [],
  en: string[] = [],
): PickedSheet | undefined {
  const read = readWorksheet(ws);
  if (read.truncated) {
    const err = readErrors.tooLarge(file, ws.name, read.contentRows, read.contentCols, MAX_ROWS, MAX_COLS);
    if (strict) throw err;
    zh.push(err.zh);
    en.push(err.en);
    return undefined;
  }
  try {
    return { sheet: read.sheet, table: locateTable(read.sheet, rubric) };
  } catch (err) {
    if (!(err instanceof TableNotFoundError)) throw err;
    if (strict) throw readErrors.noTable(file, [err.localized('zh-CN')], [err.localized('en')]);
    zh.push(err.localized('zh-CN'));
    en.push(err.localized('en'));
    return undefined;
  }
}
