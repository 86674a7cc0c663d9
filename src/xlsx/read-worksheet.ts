/**
 * An ExcelJS worksheet as the engine sees it — the one set of reading rules for the CLI (Node) and the
 * playground (browser). ExcelJS is imported for its types only: the CLI loads just ExcelJS's Workbook
 * module and the playground its browser build, and this module must not pull in either.
 */
import type ExcelJS from 'exceljs';
import { fromA1, GridSheet, type Cell, type CellValue, type MergeRange } from '../engine/sheet/sheet-model';

/** Beyond this extent a sheet is not a self-assessment table; reading stops there. */
export const MAX_ROWS = 5000;
export const MAX_COLS = 100;

export interface SheetLimits {
  rows: number;
  cols: number;
}

export const SHEET_LIMITS: Readonly<SheetLimits> = { rows: MAX_ROWS, cols: MAX_COLS };

/** How far content reaches, counted from A1, inside the limits or beyond them. */
export interface ContentExtent {
  contentRows: number;
  contentCols: number;
  /** True when content lies beyond the limits; only the part inside was read. */
  truncated: boolean;
}

export interface ReadSheet extends ContentExtent {
  sheet: GridSheet;
}

/** ExcelJS.ValueType members read here (stable across ExcelJS 4), spelled out so no ExcelJS build is loaded. */
const VALUE_TYPE = { Merge: 1, Formula: 6 } as const;

export const hasContent = (cell: Cell): boolean => cell.value !== null || cell.formula !== undefined;

/** A worksheet as a GridSheet: values (formula cells: cached result), formulas, number formats and merges. */
export function readWorksheet(ws: ExcelJS.Worksheet, limits: SheetLimits = SHEET_LIMITS): ReadSheet {
  const rows: (Cell | undefined)[][] = [];
  const extent = visitCells(ws, (cell, _source, row, col) => ((rows[row] ??= [])[col] = cell), { limits });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { sheet: new GridSheet(ws.name, rows, readMerges(ws, limits), readHidden(ws, limits)), ...extent };
}

/**
 * Rows and columns a person does not see: hidden, or squeezed to zero height or width (both are how
 * staff put away last year's rows and columns). 0-based, inside the limits.
 */
export function readHidden(ws: ExcelJS.Worksheet, limits: SheetLimits = SHEET_LIMITS): { hiddenRows: Set<number>; hiddenCols: Set<number> } {
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber <= limits.rows && (row.hidden || row.height === 0)) hiddenRows.add(rowNumber - 1);
  });
  for (let c = 1; c <= Math.min(ws.columnCount, limits.cols); c++) {
    if (ws.getColumn(c).hidden || ws.getColumn(c).width === 0) hiddenCols.add(c - 1);
  }
  return { hiddenRows, hiddenCols };
}

export interface VisitOptions {
  limits?: SheetLimits;
  /** Visit cells without content too: a fill or a note may be all such a cell holds. */
  includeEmpty?: boolean;
}

/**
 * Calls `visit` for each cell inside the limits (0-based row and col) with its content read by the rules
 * below, and the ExcelJS cell for whatever else a caller reads from it. Returns how far content reaches.
 */
export function visitCells(
  ws: ExcelJS.Worksheet,
  visit: (cell: Cell, source: ExcelJS.Cell, row: number, col: number) => void,
  { limits = SHEET_LIMITS, includeEmpty = false }: VisitOptions = {},
): ContentExtent {
  let contentRows = 0;
  let contentCols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty }, (c, colNumber) => {
      // A merged range's other cells echo the top-left value in ExcelJS; the model keeps it only at the top-left.
      if (c.type === VALUE_TYPE.Merge) return;
      const cell = readCell(c);
      const content = hasContent(cell);
      if (content) {
        contentRows = Math.max(contentRows, rowNumber);
        contentCols = Math.max(contentCols, colNumber);
      }
      if (rowNumber > limits.rows || colNumber > limits.cols) return;
      if (content || includeEmpty) visit(cell, c, rowNumber - 1, colNumber - 1);
    });
  });
  return { contentRows, contentCols, truncated: contentRows > limits.rows || contentCols > limits.cols };
}

/** Merged ranges, 0-based, those starting inside the limits. */
export function readMerges(ws: ExcelJS.Worksheet, limits: SheetLimits = SHEET_LIMITS): MergeRange[] {
  return allMerges(ws).filter((m) => m.top < limits.rows && m.left < limits.cols);
}

/** ExcelJS keeps merges in `_merges` (master address → range); `model.merges` rebuilds the whole sheet model, so it is the fallback. */
function allMerges(ws: ExcelJS.Worksheet): MergeRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (internal) {
    return Object.values(internal).map((r) => ({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 }));
  }
  return (ws.model.merges ?? []).map((range) => {
    const [a, b = a] = range.split(':');
    const p = fromA1(a);
    const q = fromA1(b);
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
}

function readCell(c: ExcelJS.Cell): Cell {
  // General is Excel's "no format"; Excel itself reports it for every cell, and its adapter drops it too.
  const numberFormat = c.numFmt && c.numFmt !== 'General' ? { numberFormat: c.numFmt } : {};
  if (c.type === VALUE_TYPE.Formula) {
    // Shared formulas: ExcelJS translates the master's formula to this cell in `cell.formula`.
    const formula = c.formula ? { formula: c.formula } : {};
    return { value: plain(c.result as unknown), ...formula, ...numberFormat };
  }
  return { value: plain(c.value as unknown), ...numberFormat };
}

/** Any ExcelJS value as what a person sees: rich text and hyperlinks as their text, dates as text, errors as {error}. */
export function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return plain((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if ('hyperlink' in o || 'text' in o) return plain(o.text);
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
  }
  return null;
}

/** ExcelJS gives dates as UTC instants of the sheet's local date-time. */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds();
  return hasTime ? `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` : date;
}
