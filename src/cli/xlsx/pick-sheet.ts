/**
 * Which worksheet holds the self-assessment: the one named by --sheet, else the first (visible sheets
 * before hidden ones) where the locator finds the rubric table. Sheets are read one at a time, as
 * needed, by the streaming reader.
 */
import { locateTable, TableNotFoundError, type LocatedTable } from '../../engine/locate/locate-table';
import type { Rubric } from '../../engine/rubric-types';
import type { GridSheet } from '../../engine/sheet/sheet-model';
import type { SheetEntry, XlsxReader } from '../../xlsx/xlsx-reader';
import { readErrors } from './read-errors';
import { readSheetOf } from './read-workbook';

export interface PickedSheet {
  sheet: GridSheet;
  table: LocatedTable;
}

const findByName = (sheets: readonly SheetEntry[], name: string): SheetEntry | undefined =>
  sheets.find((ws) => ws.name === name) ?? sheets.find((ws) => ws.name.trim().toLowerCase() === name.trim().toLowerCase());

/** Throws WorkbookReadError (no-such-sheet, too-large, a read limit, damage or no-table); other locator errors propagate. */
export function pickSheet(workbook: XlsxReader, rubric: Rubric, file: string, wanted?: string): PickedSheet {
  if (wanted !== undefined) {
    const ws = findByName(workbook.sheets, wanted);
    if (!ws) throw readErrors.noSuchSheet(file, wanted, workbook.sheets.map((w) => w.name));
    return locateIn(workbook, ws, rubric, file, true) as PickedSheet;
  }
  const ordered = [...workbook.sheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  const zh: string[] = [];
  const en: string[] = [];
  for (const ws of ordered) {
    const picked = locateIn(workbook, ws, rubric, file, false, zh, en);
    if (picked) return picked;
  }
  throw readErrors.noTable(file, zh, en);
}

function locateIn(
  workbook: XlsxReader,
  ws: SheetEntry,
  rubric: Rubric,
  file: string,
  strict: boolean,
  zh: string[] = [],
  en: string[] = [],
): PickedSheet | undefined {
  const read = readSheetOf(workbook, ws, file);
  if (read.truncated) {
    const { rows, cols } = workbook.limits;
    const err = readErrors.tooLarge(file, ws.name, read.contentRows, read.contentCols, rows, cols);
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
export function pickAllSheets(workbook: XlsxReader, rubric: Rubric, file: string): AllSheets {
  const picked: PickedSheet[] = [];
  const failed: AllSheets['failed'] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const ws of workbook.sheets.filter((w) => w.state === 'visible')) {
    const before = zh.length;
    const one = locateIn(workbook, ws, rubric, file, false, zh, en);
    if (one) picked.push(one);
    else if (zh.length > before && readSheetOf(workbook, ws, file).truncated) failed.push({ sheet: ws.name, zh: zh[before], en: en[before] });
  }
  if (picked.length === 0 && failed.length === 0) throw readErrors.noTable(file, zh, en);
  return { picked, failed };
}
