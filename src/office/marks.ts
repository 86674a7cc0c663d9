/**
 * Findings → marks: one mark per cell (a cell can hold several findings), coloured by its worst
 * severity, with a note listing every finding there. Shared by every host so Excel, the playground and
 * the CLI's annotated copy show the same thing.
 */
import type { Locale } from '../engine/messages';
import { fromA1, mergeAt, toA1, type SheetModel } from '../engine/sheet/sheet-model';
import type { Finding, Severity } from '../engine/validate/finding';
import type { Mark } from '../host/workbook-host';
import { noteText } from '../engine/validate/note-text';

/** Excel's own "bad" and "neutral" cell styles, and a light blue for information. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export const worstSeverity = (list: readonly { severity: Severity }[]): Severity =>
  list.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'info');

const A1 = /^\$?[A-Za-z]{1,3}\$?\d+$/;

/** The cell a finding is shown on: inside a merged range, its top-left cell (the one Excel displays). */
function displayCell(sheet: SheetModel | undefined, cell: string): string {
  const { row, col } = fromA1(cell);
  const merge = sheet ? mergeAt(sheet, row, col) : undefined;
  return merge ? toA1(merge.top, merge.left) : toA1(row, col);
}

/** Findings with a cell address that is not a plain A1 reference are left for the pane's list only. */
export function marksFromFindings(findings: readonly Finding[], locale: Locale, sheet?: SheetModel): Mark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!A1.test(f.cell)) continue;
    const at = displayCell(sheet, f.cell);
    byCell.set(at, [...(byCell.get(at) ?? []), f]);
  }
  return [...byCell].map(([cell, list]) => ({ cell, severity: worstSeverity(list), note: noteText(list, locale) }));
}
