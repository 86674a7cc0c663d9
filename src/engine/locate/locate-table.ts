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
import type { ColumnRole, LocatedTable } from './types';

export type { ColumnRole, DuplicateRow, FoundHeader, LocatedRow, LocatedTable, RowSection, TotalRow } from './types';

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
