/**
 * Which rows and columns of a range are hidden in Excel, queued in the caller's sync: one
 * getRowProperties and one getColumnProperties call (ExcelApi 1.9) asking only for the index and the
 * hidden flag, so the payload is one small object per row and per column, not per cell.
 */
import type { SheetExtras } from '../engine/sheet/sheet-model';

/** Queues the loads; the returned function reads them after context.sync(), 0-based from the range's top-left. */
export function loadHiddenLines(range: Excel.Range): () => Required<SheetExtras> {
  // Read only by the returned function, which the caller calls after its sync.
  const queued = {
    rows: range.getRowProperties({ rowIndex: true, rowHidden: true }),
    cols: range.getColumnProperties({ columnIndex: true, columnHidden: true }),
  };
  return () => hiddenFrom(queued.rows.value, queued.cols.value);
}

/** Row and column properties as Office.js returns them → the hidden sets; indexes are the sheet's own. */
export function hiddenFrom(
  rows: readonly { rowIndex?: number; rowHidden?: boolean }[],
  cols: readonly { columnIndex?: number; columnHidden?: boolean }[],
): Required<SheetExtras> {
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  for (const r of rows) if (r.rowHidden === true && typeof r.rowIndex === 'number') hiddenRows.add(r.rowIndex);
  for (const c of cols) if (c.columnHidden === true && typeof c.columnIndex === 'number') hiddenCols.add(c.columnIndex);
  return { hiddenRows, hiddenCols };
}
