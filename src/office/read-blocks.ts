/**
 * Reads a sheet's grid in row blocks that stay inside Excel on the web's limits: 5 MB of payload per
 * request and 5,000,000 cells per read ("Resource limits and performance optimization for Office
 * Add-ins"), and getMergedAreasOrNullObject's 512 merged areas (@types/office-js). Each block is one
 * sync and carries its own values, formulas, types, formats, merged areas and hidden rows and columns
 * (src/office/hidden-lines.ts), so whatever is read per row fits per block. What this Excel lacks
 * (merged areas before ExcelApi 1.13, hidden lines before 1.2) is simply not asked for (ReadApis).
 * The payload depends on text lengths nobody knows beforehand: a block Excel refuses for its size is
 * halved and read again, down to one row.
 */
import { columnLetters, type SheetExtras } from '../engine/sheet/sheet-model';
import { splitAreas } from './a1';
import { loadHiddenLines, type HiddenLineApi } from './hidden-lines';
import type { LoadedGrid } from './sheet-from-range';

/** Cells per block: 20,000 cells at up to ~250 bytes each stays under 5 MB; text-heavier blocks are halved. */
export const BLOCK_CELLS = 20_000;
/** The block read with the first sync, before the sheet's size is known: 200 rows × 100 columns. */
export const FIRST_BLOCK = { rows: 200, cols: 100 };

/** Excel's answers to a request too large for it: payload, cell count, merged areas. */
const TOO_LARGE = /ResponsePayloadSizeLimitExceeded|PayloadTooLarge|merged areas|too many cells|too large/i;

export function isTooLarge(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return TOO_LARGE.test(`${String(e?.code ?? '')} ${String(e?.message ?? err)}`);
}

export interface Block {
  /** Row index (0-based, the sheet's own) of the block's first row. */
  top: number;
  grid: LoadedGrid;
  merged: string[];
  hidden: Required<SheetExtras>;
}

/** What this Excel can be asked while reading: merged areas (ExcelApi 1.13) and how to learn hidden lines. */
export interface ReadApis {
  merges: boolean;
  hidden: HiddenLineApi;
}

/**
 * Queues one block's loads (at most `rows` × `cols` from row `top`); the returned function reads them
 * after the caller's sync. Values, formulas, value types and number formats are ExcelApi 1.1.
 */
export function queueBlock(ws: Excel.Worksheet, range: Excel.Range, top: number, size: { rows: number; cols: number }, apis: ReadApis): () => Block {
  range.load('values,formulas,valueTypes,numberFormat');
  const merged = apis.merges ? range.getMergedAreasOrNullObject() : undefined;
  merged?.load('address');
  const hidden = loadHiddenLines(apis.hidden, { ws, range, top, rows: size.rows, cols: size.cols, withColumns: top === 0 });
  return () => ({
    top,
    grid: { values: range.values, formulas: range.formulas, valueTypes: range.valueTypes as string[][], numberFormat: range.numberFormat },
    merged: merged && !merged.isNullObject ? splitAreas(merged.address) : [],
    hidden: hidden(),
  });
}

/** `rows` × `cols` from A1 as row blocks of `rowsPerBlock` (halved on refusal), one sync each. */
export async function readRowBlocks(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  rows: number,
  cols: number,
  apis: ReadApis,
  from = 0,
): Promise<Block[]> {
  const blocks: Block[] = [];
  let per = Math.max(1, Math.floor(BLOCK_CELLS / Math.max(1, cols)));
  let r = from;
  while (r < rows) {
    const n = Math.min(per, rows - r);
    const collect = queueBlock(ws, ws.getRange(`A${r + 1}:${columnLetters(cols - 1)}${r + n}`), r, { rows: n, cols }, apis);
    try {
      // One request per block, each under the limits: that is the point of blocks.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (!isTooLarge(err) || n === 1) throw err;
      per = Math.max(1, Math.floor(n / 2));
      continue;
    }
    blocks.push(collect());
    r += n;
  }
  return blocks;
}

/** The blocks joined into one grid from A1, the merged areas once each, the hidden rows and columns together. */
export function joinBlocks(blocks: readonly Block[]): { grid: LoadedGrid; merged: string | null; hidden: Required<SheetExtras> } {
  const grid: LoadedGrid = { values: [], formulas: [], valueTypes: [], numberFormat: [] };
  const merged = new Set<string>();
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  for (const b of [...blocks].sort((x, y) => x.top - y.top)) {
    grid.values.push(...b.grid.values);
    grid.formulas.push(...b.grid.formulas);
    grid.valueTypes.push(...b.grid.valueTypes);
    grid.numberFormat.push(...b.grid.numberFormat);
    // A merged area across a block boundary is reported by both blocks, whole.
    for (const m of b.merged) merged.add(m);
    for (const r of b.hidden.hiddenRows) hiddenRows.add(r);
    for (const c of b.hidden.hiddenCols) hiddenCols.add(c);
  }
  return { grid, merged: merged.size > 0 ? [...merged].join(',') : null, hidden: { hiddenRows, hiddenCols } };
}
