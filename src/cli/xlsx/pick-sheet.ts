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

export interface AllSheets {
  picked: PickedSheet[];
  /** Sheets that look like a 街镇's (a 得分 header) but could not be located or are too large. */
  failed: { sheet: string; zh: string; en: string }[];
}

/**
 * --all-sheets: every visible worksheet holding the rubric table, one 街镇 each. Sheets without any
 * table (a cover, notes) are skipped; a workbook with none at all throws no-table as pickSheet does.
 */
export function pickAllSheets(workbook: ExcelJS.Workbook, rubric: Rubric, file: string): AllSheets {
  const picked: PickedSheet[] = [];
  const failed: AllSheets['failed'] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const ws of workbook.worksheets.filter((w) => w.state === 'visible')) {
    const before = zh.length;
    const one = locateIn(ws, rubric, file, false, zh, en);
    if (one) picked.push(one);
    else if (zh.length > before && readWorksheet(ws).truncated) failed.push({ sheet: ws.name, zh: zh[before], en: en[before] });
  }
  if (picked.length === 0 && failed.length === 0) throw readErrors.noTable(file, zh, en);
  return { picked, failed };
}
