/**
 * The sheet as the engine sees it: a grid of cells with merged ranges, filled by an adapter
 * (ExcelJS in the CLI, Office.js in Excel, an in-memory workbook in the playground).
 * Rows and columns are 0-based here; addresses are A1 strings.
 */

/** An Excel error value such as #N/A or #VALUE!. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface Cell {
  /** The value shown: the cached result for a formula cell. */
  value: CellValue;
  /** The formula without the leading '=', as the file or Excel has it (may use _xldudf_ names). */
  formula?: string;
  numberFormat?: string;
}

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  name: string;
  /** Extent of the used range: rows × cols from A1. */
  rowCount: number;
  colCount: number;
  /** The cell as stored; inside a merged range only the top-left cell holds the value. */
  cell(row: number, col: number): Cell | undefined;
  merges: readonly MergeRange[];
  /** 0-based rows hidden in the workbook (height 0 or hidden=true); absent when the reader cannot tell. */
  hiddenRows?: ReadonlySet<number>;
  /** 0-based columns hidden in the workbook; absent when the reader cannot tell. */
  hiddenCols?: ReadonlySet<number>;
}

/** What a reader knows of a sheet besides its cells. */
export interface SheetExtras {
  hiddenRows?: ReadonlySet<number>;
  hiddenCols?: ReadonlySet<number>;
}

export const isCellError = (v: CellValue): v is CellError => typeof v === 'object' && v !== null && 'error' in v;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (row 0, col 4) → "E1" */
export const toA1 = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

/** "E14" → { row: 13, col: 4 }; also accepts "$E$14" and "Sheet1!E14". */
export function fromA1(address: string): { row: number; col: number } {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** A plain in-memory sheet: what adapters build and tests construct directly. */
export class GridSheet implements SheetModel {
  readonly rowCount: number;
  readonly colCount: number;
  readonly hiddenRows?: ReadonlySet<number>;
  readonly hiddenCols?: ReadonlySet<number>;
  constructor(
    readonly name: string,
    private readonly rows: (Cell | undefined)[][],
    readonly merges: MergeRange[] = [],
    extras: SheetExtras = {},
  ) {
    this.rowCount = rows.length;
    this.colCount = rows.reduce((m, r) => Math.max(m, r.length), 0);
    if (extras.hiddenRows) this.hiddenRows = extras.hiddenRows;
    if (extras.hiddenCols) this.hiddenCols = extras.hiddenCols;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  /** Build from plain values: a string starting with '=' becomes a formula with a null cached value. */
  static fromValues(name: string, values: (CellValue | undefined)[][], merges: MergeRange[] = [], extras: SheetExtras = {}): GridSheet {
    return new GridSheet(
      name,
      values.map((row) =>
        row.map((v) =>
          v === undefined ? undefined : typeof v === 'string' && v.startsWith('=') ? { value: null, formula: v.slice(1) } : { value: v },
        ),
      ),
      merges,
      extras,
    );
  }
}

/** The merged range containing (row, col), if any. */
export function mergeAt(sheet: SheetModel, row: number, col: number): MergeRange | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** The value a person sees at (row, col): inside a merged range, the top-left cell's value. */
export function visibleValue(sheet: SheetModel, row: number, col: number): CellValue {
  const m = mergeAt(sheet, row, col);
  const c = m ? sheet.cell(m.top, m.left) : sheet.cell(row, col);
  return c?.value ?? null;
}

export const isRowHidden = (sheet: SheetModel, row: number): boolean => sheet.hiddenRows?.has(row) ?? false;
export const isColHidden = (sheet: SheetModel, col: number): boolean => sheet.hiddenCols?.has(col) ?? false;
