/** Which rubric clause(s) the selected row scores: the selection, the sheet and the locator together. */
import { locateTable, TableNotFoundError } from '../../../engine/locate/locate-table';
import type { Locale } from '../../../engine/messages';
import { indexRubric } from '../../../engine/rubric-index';
import type { Clause, Rubric } from '../../../engine/rubric-types';
import { fromA1, toA1, type SheetModel } from '../../../engine/sheet/sheet-model';
import { HostError, type WorkbookHost } from '../../../host/workbook-host';

export interface SelectedRow {
  sheet: string;
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** The row's score cell, e.g. E7; undefined when the row is not a clause row. */
  scoreCell?: string;
  clauses: Clause[];
  /** The sheet as read with the selection: what the panel checks input and score cells against. */
  model: SheetModel;
}

export async function readSelectedRow(host: WorkbookHost, rubric: Rubric, locale: Locale): Promise<SelectedRow> {
  const selection = await host.getSelection();
  const sheet = await host.readActiveSheet();
  // The row from the address itself: the same on every host, whatever base Selection.row uses.
  const { row } = fromA1(selection.address.split(':')[0]);
  let table;
  try {
    table = locateTable(sheet, rubric);
  } catch (err) {
    if (err instanceof TableNotFoundError) throw new HostError('no-table', err.localized(locale));
    throw err;
  }
  const located = table.rows.find((r) => r.row === row);
  const scoreCol = table.columns.score;
  if (!located || scoreCol === undefined) return { sheet: selection.sheet, rowNumber: row + 1, clauses: [], model: sheet };
  const index = indexRubric(rubric);
  const clauses = located.clauseIds.map((id) => index.clause(id)?.clause).filter((c): c is Clause => !!c);
  return { sheet: selection.sheet, rowNumber: row + 1, scoreCell: toA1(row, scoreCol), clauses, model: sheet };
}

/** What a cell holds, as a person would read it (a formula with its =); '' when it is empty. */
export function cellContent(sheet: SheetModel, address: string): string {
  const { row, col } = fromA1(address);
  const cell = sheet.cell(row, col);
  if (!cell) return '';
  if (cell.formula !== undefined && cell.formula !== '') return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === '') return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}
