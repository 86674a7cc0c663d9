/**
 * Two rows scoring the same clause, one of them hidden: staff hide last year's row rather than delete it,
 * so the row a person sees is the one that counts and the hidden one is ignored (with one warning).
 */
import { isRowHidden, type SheetModel } from '../sheet/sheet-model';

export type RowConflict =
  /** The new row is visible and every earlier one hidden: the new row replaces them. */
  | 'replace'
  /** The new row is hidden and an earlier one visible: the new row is ignored. */
  | 'ignore'
  /** Both seen (or both hidden): a real duplicate, counted once and warned about. */
  | 'duplicate';

export function resolveConflict(sheet: SheetModel, row: number, earlier: readonly number[]): RowConflict {
  const hidden = isRowHidden(sheet, row);
  if (!hidden && earlier.every((r) => isRowHidden(sheet, r))) return 'replace';
  if (hidden && earlier.some((r) => !isRowHidden(sheet, r))) return 'ignore';
  return 'duplicate';
}
