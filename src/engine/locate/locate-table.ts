/**
 * Finds the rubric table in a staff worksheet, whatever its layout: the header row, which column holds
 * what, and which rubric clause(s) each row scores. Rows are matched by item name and clause number or
 * text, never by position, because every 街镇 lays the sheet out a little differently.
 */
import { t, type Locale } from '../messages';
import type { Rubric } from '../rubric-types';
import type { SheetModel } from '../sheet/sheet-model';
import { findHeader, HEADER_NAMES, headerNearMiss } from './find-header';
import { mapRows } from './map-rows';
import { MergeIndex } from './merge-index';
import { rubricLookup } from './rubric-lookup';
import type { ColumnRole, HeaderNearMiss, LocatedTable } from './types';

export type {
  ColumnRole,
  DuplicateRow,
  FoundHeader,
  HeaderNearMiss,
  IgnoredColumn,
  IgnoredRow,
  LocatedRow,
  LocatedTable,
  RowSection,
  TotalRow,
} from './types';

/** No header row with an item column and a score column anywhere in the sheet: says what was looked for, and the nearest miss. */
export class TableNotFoundError extends Error {
  constructor(
    readonly sheet: string,
    /** The header names looked for, per role. */
    readonly searched: Readonly<Partial<Record<ColumnRole, readonly string[]>>>,
    /** How many rows from the top were searched. */
    readonly rowsSearched: number,
    /** The row that came closest, if any row named a column at all. */
    readonly nearMiss?: HeaderNearMiss,
  ) {
    super();
    this.name = 'TableNotFoundError';
    this.message = this.localized('zh-CN');
  }

  localized(locale: Locale = 'zh-CN'): string {
    const join = (names: readonly string[] | undefined) => (names ?? []).join(locale === 'en' ? ' / ' : '、');
    const main = t(
      'locate.tableNotFound',
      {
        sheet: this.sheet,
        rows: this.rowsSearched,
        itemNames: join(this.searched.item),
        scoreNames: join(this.searched.score),
      },
      locale,
    );
    const near = this.nearMiss;
    if (this.rowsSearched === 0) return main;
    const sep = t('finding.list.separator', {}, locale);
    const roles = (list: ColumnRole[]) => list.map((r) => t(`locate.role.${r}`, {}, locale)).join(sep);
    const hint = near
      ? t('locate.nearMiss', { row: near.row + 1, found: roles(near.found), missing: roles(near.missing) }, locale)
      : t('locate.nearMiss.none', {}, locale);
    return `${main}${locale === 'en' ? ' ' : ''}${hint}`;
  }
}

/** Throws TableNotFoundError when no row of the sheet is a header. */
export function locateTable(sheet: SheetModel, rubric: Rubric): LocatedTable {
  return locateWithMerges(sheet, rubric, new MergeIndex(sheet));
}

/** locateTable with a merge index the caller keeps using (the validator reads the same merges). */
export function locateWithMerges(sheet: SheetModel, rubric: Rubric, merges: MergeIndex): LocatedTable {
  const header = findHeader(sheet, merges, sheet.rowCount, { year: rubric.year });
  if (!header) {
    throw new TableNotFoundError(
      sheet.name,
      { item: HEADER_NAMES.item.slice(0, 3), score: HEADER_NAMES.score.slice(0, 3) },
      sheet.rowCount,
      headerNearMiss(sheet, merges),
    );
  }
  return mapRows(sheet, merges, header, rubricLookup(rubric));
}
