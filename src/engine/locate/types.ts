/**
 * The located table's shared types, in one file so find-header, map-rows and locate-table import
 * each other's data without importing each other.
 */

export type ColumnRole = 'category' | 'item' | 'points' | 'rule' | 'score' | 'evidence' | 'reason' | ReviewRole;

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

export interface LocatedTable {
  /** 0-based row of the header. */
  headerRow: number;
  /** 0-based column of each role found; `category`, `points`, `rule`, `evidence`, `reason` may be absent. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Rows that map to clauses, top to bottom. */
  rows: LocatedRow[];
  /** Rows below the header with content that maps to no clause (not blank, not a total). */
  unknownRows: number[];
  totalRows: TotalRow[];
  duplicateRows: DuplicateRow[];
  /** Item id → the row of its name cell (the top of a merged name), for items whose name was found. */
  itemRows: Record<string, number>;
}

export interface FoundHeader {
  headerRow: number;
  columns: Partial<Record<ColumnRole, number>>;
}
