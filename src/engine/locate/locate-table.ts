/**
 * Finds the rubric table in a staff worksheet, whatever its layout: the header row, which column holds
 * what, and which rubric clause(s) each row scores. Rows are matched by item name and clause number or
 * text, never by position, because every 街镇 lays the sheet out a little differently.
 */
import { t, type Locale } from '../messages';
import type { Rubric } from '../rubric-types';
import type { SheetModel } from '../sheet/sheet-model';
import { findHeader, HEADER_NAMES } from './find-header';
import { mapRows } from './map-rows';
import { MergeIndex } from './merge-index';
import { rubricLookup } from './rubric-lookup';

export type ColumnRole = 'category' | 'item' | 'points' | 'rule' | 'score' | 'evidence' | 'reason';

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

/** How many rows from the top the header is looked for in. */
export const HEADER_SEARCH_ROWS = 15;

/** No header row with an item column and a score column in the first rows: says what was looked for and where. */
export class TableNotFoundError extends Error {
  constructor(
    readonly sheet: string,
    /** The header names looked for, per role. */
    readonly searched: Readonly<Partial<Record<ColumnRole, readonly string[]>>>,
    /** How many rows from the top were searched. */
    readonly rowsSearched: number,
  ) {
    super();
    this.name = 'TableNotFoundError';
    this.message = this.localized('zh-CN');
  }

  localized(locale: Locale = 'zh-CN'): string {
    const join = (names: readonly string[] | undefined) => (names ?? []).join(locale === 'en' ? ' / ' : '、');
    return t(
      'locate.tableNotFound',
      {
        sheet: this.sheet,
        rows: this.rowsSearched,
        itemNames: join(this.searched.item),
        scoreNames: join(this.searched.score),
      },
      locale,
    );
  }
}

/** Throws TableNotFoundError when no header row is found in the first HEADER_SEARCH_ROWS rows. */
export function locateTable(sheet: SheetModel, rubric: Rubric): LocatedTable {
  return locateWithMerges(sheet, rubric, new MergeIndex(sheet));
}

/** locateTable with a merge index the caller keeps using (the validator reads the same merges). */
export function locateWithMerges(sheet: SheetModel, rubric: Rubric, merges: MergeIndex): LocatedTable {
  const header = findHeader(sheet, merges, HEADER_SEARCH_ROWS);
  if (!header) {
    throw new TableNotFoundError(
      sheet.name,
      { item: HEADER_NAMES.item.slice(0, 3), score: HEADER_NAMES.score.slice(0, 3) },
      HEADER_SEARCH_ROWS,
    );
  }
  return mapRows(sheet, merges, header, rubricLookup(rubric));
}
