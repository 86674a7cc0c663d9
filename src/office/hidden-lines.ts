/**
 * Which rows and columns of a range are hidden in Excel, queued in the caller's sync, with what the
 * host has:
 * - ExcelApi 1.9: one getRowProperties and one getColumnProperties call asking only for the index and
 *   the hidden flag, so the payload is one small object per row and per column, not per cell;
 * - ExcelApi 1.2: Range.rowHidden / columnHidden of one cell per row and per column, queued in the same
 *   sync as the block they belong to (so a block's lookups stay inside its request's limits);
 * - ExcelApi 1.1: nothing to ask; the read says so once (hostText 'hiddenUnknown').
 */
import type { SheetExtras } from '../engine/sheet/sheet-model';
import { columnLetters } from '../engine/sheet/sheet-model';

export type HiddenLineApi = 'properties' | 'cells' | 'none';

/** Where the lines are: the sheet, the block's first row (0-based) and how many rows and columns it may span. */
export interface LineBox {
  ws: Excel.Worksheet;
  range: Excel.Range;
  top: number;
  rows: number;
  cols: number;
  /** Columns are the same for every block: read them with the first block only. */
  withColumns: boolean;
}

const NONE = (): Required<SheetExtras> => ({ hiddenRows: new Set(), hiddenCols: new Set() });

/** Queues the loads; the returned function reads them after context.sync(), 0-based sheet indexes. */
export function loadHiddenLines(api: HiddenLineApi, box: LineBox): () => Required<SheetExtras> {
  if (api === 'none') return NONE;
  if (api === 'cells') return loadHiddenCells(box);
  // Read only by the returned function, which the caller calls after its sync.
  const queued = {
    rows: box.range.getRowProperties({ rowIndex: true, rowHidden: true }),
    cols: box.withColumns ? box.range.getColumnProperties({ columnIndex: true, columnHidden: true }) : undefined,
  };
  return () => hiddenFrom(queued.rows.value, queued.cols?.value ?? []);
}

/** ExcelApi 1.2: one cell per row (column A) and per column (row 1); each loads one flag. */
function loadHiddenCells(box: LineBox): () => Required<SheetExtras> {
  const rows = Array.from({ length: box.rows }, (_, i) => {
    const cell = box.ws.getRange(`A${box.top + i + 1}`);
    cell.load('rowHidden');
    return { index: box.top + i, cell };
  });
  const cols = box.withColumns
    ? Array.from({ length: box.cols }, (_, c) => {
        const cell = box.ws.getRange(`${columnLetters(c)}1`);
        cell.load('columnHidden');
        return { index: c, cell };
      })
    : [];
  return () =>
    hiddenFrom(
      rows.map((r) => ({ rowIndex: r.index, rowHidden: r.cell.rowHidden })),
      cols.map((c) => ({ columnIndex: c.index, columnHidden: c.cell.columnHidden })),
    );
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
