/**
 * The playground's workbook: what it holds in memory for the grid and the host. Cells carry what the grid
 * draws (value, formula, fill, note, a little formatting); values of formula cells are computed by
 * HyperFormula (formula-engine.ts), the cached `value` is what the file had.
 */
import type { CellValue, MergeRange } from '../engine/sheet/sheet-model';
import type { TemplateValidation } from '../engine/template/template-spec';

export interface BookCell {
  /** A literal value, or for a formula cell the result cached in the file (used when the formula cannot compute here). */
  value: CellValue;
  /** Without the leading '='; names as the file has them (may be `_xldudf_RUBRIC_…`). */
  formula?: string;
  numberFormat?: string;
  /** Solid fill as #RRGGBB; absent when the cell has none. */
  fill?: string;
  /** The cell's note (Excel "note", formerly "comment") as plain text. */
  note?: string;
  bold?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface BookSheet {
  name: string;
  /** Keyed by A1 address ("E14"); an absent key is an empty cell. */
  cells: Map<string, BookCell>;
  merges: MergeRange[];
  /** Widths in Excel character units, by 0-based column. */
  columnWidths: (number | undefined)[];
  /** Hidden and very hidden sheets are kept (so a download keeps them) but not shown. */
  hidden: boolean;
  /** A protected sheet is shown but never marked. */
  protected: boolean;
  /** 0-based rows and columns hidden in the file (or at zero height/width): the validator prefers what is visible. */
  hiddenRows?: Set<number>;
  hiddenCols?: Set<number>;
  /** A sheet the page drew from a template: rows frozen at the top and the input rules, written into a download. */
  freezeRows?: number;
  validations?: TemplateValidation[];
}

export interface Book {
  sheets: BookSheet[];
  /** Name of the sheet shown in the grid and read by the pane. */
  active: string;
}

export const emptySheet = (name: string): BookSheet => ({
  name,
  cells: new Map(),
  merges: [],
  columnWidths: [],
  hidden: false,
  protected: false,
});

/** A workbook with one empty sheet, what the page shows before a file is opened. */
export const emptyBook = (sheetName = 'Sheet1'): Book => ({ sheets: [emptySheet(sheetName)], active: sheetName });

export const findSheet = (book: Book, name: string): BookSheet | undefined => book.sheets.find((s) => s.name === name);

/** Rows × columns from A1 that hold a cell or a merge: the used range as Excel reports it. */
export function usedExtent(sheet: BookSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const key of sheet.cells.keys()) {
    const m = /^([A-Z]+)(\d+)$/.exec(key);
    if (!m) continue;
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    rows = Math.max(rows, Number(m[2]));
    cols = Math.max(cols, col);
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows, cols };
}

/** A deep copy, so a caller can change it without touching the host's workbook. */
export function cloneBook(book: Book): Book {
  return {
    active: book.active,
    sheets: book.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, value: cloneValue(c.value) }])),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: [...s.columnWidths],
      ...(s.hiddenRows ? { hiddenRows: new Set(s.hiddenRows) } : {}),
      ...(s.hiddenCols ? { hiddenCols: new Set(s.hiddenCols) } : {}),
      ...(s.validations ? { validations: s.validations.map((v) => ({ ...v, ...(v.list ? { list: [...v.list] } : {}) })) } : {}),
    })),
  };
}

const cloneValue = (v: CellValue): CellValue => (typeof v === 'object' && v !== null ? { ...v } : v);
