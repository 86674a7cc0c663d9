/**
 * The located table's shared types, in one file so find-header, map-rows and locate-table import
 * each other's data without importing each other.
 */

/** `deduction`: a 扣分 column (扣分, 扣分值, 扣减分值 …) giving the points lost instead of, or beside, the score. */
export type ColumnRole = 'category' | 'item' | 'points' | 'rule' | 'score' | 'evidence' | 'reason' | 'deduction' | ReviewRole;

/** The district's 复核 columns: its own score per row and its remark on it. */
export type ReviewRole = 'review' | 'reviewNote';

/** A located row's section; 'total' is never given to a row in `rows` (totals are listed in `totalRows`). */
export type RowSection = 'base' | 'bonus' | 'penalty' | 'veto' | 'total';

export interface LocatedRow {
  /** 0-based sheet row. */
  row: number;
  section: RowSection;
  /** The clauses this row scores; several when an item is written as one row. */
  clauseIds: string[];
  itemId?: string;
  /**
   * Further rows whose score cells add up to this row's clause(s): several rows under one merged
   * 评分细则 or item cell (one 加分 reason per row, a clause split across rows, one score per sub-point).
   */
  subRows?: number[];
}

export interface TotalRow {
  row: number;
  kind: 'total' | 'subtotal';
  /** For a subtotal: the category it sums. */
  categoryId?: string;
}

/** A row scoring clauses an earlier row already scores: counted twice if left. */
export interface DuplicateRow {
  row: number;
  clauseIds: string[];
  /** The earlier row that scores (one of) the same clauses. */
  firstRow: number;
}

/** A header column passed over for another of the same role: hidden, of another year, or simply a second one. */
export interface IgnoredColumn {
  role: ColumnRole;
  /** The column read for the role. */
  used: number;
  ignored: number;
  reason: 'hidden' | 'other-year' | 'second';
}

/** A hidden row scoring the same clauses as a visible one: the visible row is read, the hidden one ignored. */
export interface IgnoredRow {
  /** The row ignored. */
  row: number;
  /** The row read instead. */
  used: number;
  clauseIds: string[];
}

export interface LocatedTable {
  /** 0-based row of the header. */
  headerRow: number;
  /** 0-based column of each role found; `category`, `points`, `rule`, `evidence`, `reason` may be absent. */
  columns: Partial<Record<ColumnRole, number>>;
  /** When 评分细则 spans several columns under one merged header (序号 | 内容): the last of them. */
  ruleLastCol?: number;
  /** Rows that map to clauses, top to bottom. */
  rows: LocatedRow[];
  /** Rows below the header with content that maps to no clause (not blank, not a total). */
  unknownRows: number[];
  totalRows: TotalRow[];
  duplicateRows: DuplicateRow[];
  /** Item id → the row of its name cell (the top of a merged name), for items whose name was found. */
  itemRows: Record<string, number>;
  /** Columns of a role passed over for the one in `columns` (absent when there were none). */
  ignoredColumns?: IgnoredColumn[];
  /** Hidden rows passed over for a visible row scoring the same clauses. */
  ignoredRows?: IgnoredRow[];
}

export interface FoundHeader {
  headerRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  ignoredColumns?: IgnoredColumn[];
  ruleLastCol?: number;
}

/** The row that came closest to a header when none qualified: what it had and what it lacked. */
export interface HeaderNearMiss {
  row: number;
  found: ColumnRole[];
  missing: ColumnRole[];
}
