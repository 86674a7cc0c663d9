/** Office.js range data (loaded in one sync) → the engine's SheetModel. */
import { GridSheet, type Cell, type CellValue, type MergeRange, type SheetExtras } from '../engine/sheet/sheet-model';
import { rangeOf, splitAreas } from './a1';

export interface LoadedGrid {
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

function cellAt(grid: LoadedGrid, r: number, c: number): Cell | undefined {
  const type = grid.valueTypes[r]?.[c];
  const raw = grid.values[r]?.[c];
  const f = grid.formulas[r]?.[c];
  const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
  if (type === 'Empty' && formula === undefined) return undefined;
  let value: CellValue;
  if (type === 'Error') value = { error: String(raw) };
  else if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string') value = raw;
  else value = null;
  const nf = grid.numberFormat[r]?.[c];
  const cell: Cell = { value };
  if (formula !== undefined) cell.formula = formula;
  if (typeof nf === 'string' && nf !== 'General') cell.numberFormat = nf;
  return cell;
}

/** `grid` starts at A1 (the adapter reads A1 to the end of the used range); `mergedAddress` is RangeAreas.address or null. */
export function sheetFromRange(name: string, grid: LoadedGrid, mergedAddress: string | null, extras: SheetExtras = {}): GridSheet {
  const rows: (Cell | undefined)[][] = grid.values.map((row, r) => row.map((_, c) => cellAt(grid, r, c)));
  const merges: MergeRange[] = mergedAddress ? splitAreas(mergedAddress).map(rangeOf).filter((m) => m.bottom > m.top || m.right > m.left) : [];
  return new GridSheet(name, rows, merges, extras);
}
