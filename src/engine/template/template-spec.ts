/**
 * The familiar self-assessment worksheet as data: every adapter (ExcelJS in the CLI, Office.js in the
 * pane, the playground) draws the same sheet from one spec.
 */

export type ColumnKey = 'category' | 'item' | 'points' | 'rule' | 'score' | 'evidence' | 'reason' | 'input';

export interface TemplateColumn {
  key: ColumnKey;
  header: string;
  /** Width in Excel character units. */
  width: number;
}

export interface TemplateCell {
  /** A1 address. */
  address: string;
  value?: string | number;
  /** Formula without the leading '='. */
  formula?: string;
  bold?: boolean;
  wrap?: boolean;
  /** Fill colour as #RRGGBB. */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  numberFormat?: string;
  /** The clause this cell scores, for score cells. */
  clauseId?: string;
  /** Vertical alignment; defaults to middle. */
  valign?: 'top' | 'middle';
  /** A line under the cell: a field to fill in, such as 街镇：＿＿＿＿. */
  bottomBorder?: boolean;
}

export interface TemplateValidation {
  /** A1 range, e.g. "E5" or "E5:E7". */
  range: string;
  min: number;
  max: number;
  /** Shown when a value is rejected. */
  error: string;
  /** A drop-down list instead of a number range (一票否决: 是/否); `min` and `max` are then unused. */
  list?: string[];
  /** Shown when the cell is selected, as a hint. */
  prompt?: string;
}

export interface TemplateSpec {
  sheetName: string;
  title: string;
  columns: TemplateColumn[];
  /** 1-based row of the header. */
  headerRow: number;
  cells: TemplateCell[];
  /** A1 ranges such as "A3:A10". */
  merges: string[];
  validations: TemplateValidation[];
  /** Rows to freeze at the top (title + header). */
  freezeRows: number;
  /** A1 range to print, landscape, fit to one page wide. */
  printArea: string;
  /** Rows repeated at the top of every printed page, e.g. "3:3". */
  printTitleRows?: string;
  /** A1 range drawn with thin borders on every cell (the table body). */
  borderRange?: string;
  /** Row heights in points where the text needs more than one line (1-based rows). */
  rowHeights?: { row: number; height: number }[];
  /** A1 address of the 合计 cell. */
  totalCell?: string;
}
