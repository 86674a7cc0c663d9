/**
 * The 「问题清单」 sheet the pane inserts where Excel has neither notes nor comments (before ExcelApi
 * 1.10): one row per finding (severity word, the cell as a link to it, clause, message), the rows the
 * CLI's annotated copy writes (src/engine/validate/issue-list.ts). Links are Range.hyperlink from
 * ExcelApi 1.7, HYPERLINK formulas below it; everything else here is ExcelApi 1.1 (column widths 1.2).
 * readIssueLists finds the pane's own list again, so a person's sheet of the same name is never touched.
 */
import type { Locale } from '../engine/messages';
import { fromA1 } from '../engine/sheet/sheet-model';
import { issueListHeader, type IssueListRow } from '../engine/validate/issue-list';
import type { MarksRecord } from './marks-record';

const WIDTHS = [8, 10, 14, 90];

/** `'自评表'!E5`: always quoted, a quote inside doubled (as the CLI's list writes it). */
export const linkLocation = (sheet: string, cell: string): string => `'${sheet.replace(/'/g, "''")}'!${cell}`;

/** `=HYPERLINK("#'自评表'!E5","E5")`: a double quote inside a formula's text is doubled. */
export const hyperlinkFormula = (sheet: string, cell: string): string =>
  `=HYPERLINK("#${linkLocation(sheet, cell).replace(/"/g, '""')}","${cell}")`;

const isCell = (cell: string): boolean => {
  try {
    fromA1(cell);
    return true;
  } catch {
    return false;
  }
};

/** Either locale's header: a list written in English is still the pane's own. */
export function isIssueListHeader(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  return (['zh-CN', 'en'] as const).some((locale) => issueListHeader(locale).every((h, i) => String(row[i] ?? '') === h));
}

export interface IssueListApis {
  /** Range.hyperlink (ExcelApi 1.7); else HYPERLINK formulas. */
  hyperlink: boolean;
  /** RangeFormat.columnWidth (ExcelApi 1.2). */
  widths: boolean;
  /** Worksheet.freezePanes (ExcelApi 1.7). */
  freeze: boolean;
}

/** Queues the list's writes on a new, empty sheet. */
export function drawIssueList(ws: Excel.Worksheet, rows: readonly IssueListRow[], locale: Locale, apis: IssueListApis): void {
  const last = rows.length + 1;
  // Text format first, so a message that begins with '=' stays text; column B holds the links.
  for (const col of ['A', 'C', 'D']) ws.getRange(`${col}1:${col}${last}`).numberFormat = Array.from({ length: last }, () => ['@']);
  ws.getRange(`A1:D${last}`).values = [issueListHeader(locale), ...rows.map((r) => [r.severityWord, r.cell, r.clauseId, r.message])];
  ws.getRange('A1:D1').format.font.bold = true;
  rows.forEach((r, i) => {
    if (!isCell(r.cell)) return;
    const at = ws.getRange(`B${i + 2}`);
    if (apis.hyperlink) at.hyperlink = { documentReference: linkLocation(r.sheet, r.cell), textToDisplay: r.cell };
    else at.formulas = [[hyperlinkFormula(r.sheet, r.cell)]];
  });
  if (apis.widths) WIDTHS.forEach((w, i) => (ws.getRange(`${'ABCD'[i]}1`).format.columnWidth = w * 7));
  if (apis.freeze) ws.freezePanes.freezeRows(1);
}

export interface IssueLists {
  /** Every sheet name but the pane's list's (which is replaced). */
  taken: string[];
  ours?: { id: string; name: string };
}

/**
 * The sheet names now and, among them, the pane's own 问题清单 from the record: a sheet with its id or
 * its name (ids change between sessions; a person may rename it) whose first row is the list's header.
 * A person's sheet of that name whose header is not ours is never taken for it. Two syncs.
 */
export async function readIssueLists(context: Excel.RequestContext, record: MarksRecord): Promise<IssueLists> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name');
  await context.sync();
  const all = sheets.items.map((w) => ({ id: w.id, name: w.name }));
  const entry = record.issueList;
  if (!entry) return { taken: all.map((w) => w.name) };
  const sameName = (w: { name: string }) => w.name.toLowerCase() === entry.sheetName.toLowerCase();
  const candidates = all
    .filter((w) => w.id === entry.sheetId || sameName(w))
    .sort((a, b) => Number(b.id === entry.sheetId && sameName(b)) - Number(a.id === entry.sheetId && sameName(a)));
  const headers = candidates.map((c) => {
    const r = sheets.getItem(c.id).getRange('A1:D1');
    r.load('values');
    return r;
  });
  if (candidates.length > 0) await context.sync();
  const ours = candidates.find((_, i) => isIssueListHeader(headers[i].values[0]));
  return { taken: all.filter((w) => w !== ours).map((w) => w.name), ours };
}
