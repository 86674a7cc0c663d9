/**
 * Section caps and stated totals. A bonus section over its cap and a penalty section below its floor
 * are reported at every score cell that makes up the sum; a stated 合计 or 小计 is compared exactly
 * (in decimals) with the sum the clause scores give, after the caps or as entered (a plain SUM), since
 * a score over a cap is already reported where it was entered.
 */
import { D, type Dec } from '../decimal';
import type { LocatedTable } from '../locate/locate-table';
import type { MergeIndex } from '../locate/merge-index';
import { t, type Locale } from '../messages';
import type { RubricIndex } from '../rubric-index';
import type { Scorecard } from '../scoring';
import type { SectionScore } from './check-rows';
import type { FindingList } from './finding-list';
import { readCell } from './read-cell';

export function checkSectionCaps(index: RubricIndex, scores: readonly SectionScore[], out: FindingList): void {
  for (const category of index.rubric.categories) {
    if (category.kind === 'base') continue;
    const mine = scores.filter((s) => s.categoryId === category.id);
    const sum = mine.reduce((s, x) => s.plus(x.value), new D(0));
    const cap = new D(category.cap);
    const params = { sum: sum.toString(), cap: cap.toString() };
    if (category.kind === 'bonus' && sum.gt(cap)) {
      for (const s of mine) if (s.value.gt(0)) out.add('BONUS_CAP_EXCEEDED', 'error', s.at, 'finding.BONUS_CAP_EXCEEDED', params, s.clauseId);
    }
    if (category.kind === 'penalty' && sum.lt(cap.neg())) {
      for (const s of mine) if (s.value.lt(0)) out.add('PENALTY_FLOOR_EXCEEDED', 'error', s.at, 'finding.PENALTY_FLOOR_EXCEEDED', params, s.clauseId);
    }
  }
}

/** The sheet's scores twice: as the total counts them (flagged scores corrected) and as its own SUM sees them. */
export interface TotalBasis {
  scorecard: Scorecard;
  entered: Scorecard;
  /** Some flagged score counts at another value than the one entered. */
  corrected: boolean;
}

export function checkTotals(table: LocatedTable, merges: MergeIndex, basis: TotalBasis, locale: Locale, out: FindingList): void {
  const scoreCol = table.columns.score as number;
  const sumRaw = (card: Scorecard, kinds: string[]) =>
    card.categories.filter((c) => kinds.includes(c.kind)).reduce((s, c) => s.plus(c.raw), new D(0));
  const lastExtraRow = table.rows.reduce((last, r) => (r.section === 'bonus' || r.section === 'penalty' ? Math.max(last, r.row) : last), -1);

  for (const total of table.totalRows) {
    let label: string;
    // Capped and as a plain SUM, for the corrected scores and, where the cell is a formula that will
    // follow the corrections by itself, for the scores as they stand.
    let expectedOf: (card: Scorecard) => Dec[];
    if (total.kind === 'total') {
      label = t('finding.total.grand', {}, locale);
      // A 合计 above the bonus and penalty rows sums the base sections only.
      const baseOnly = lastExtraRow > total.row;
      expectedOf = (card) => (baseOnly ? [card.base, sumRaw(card, ['base'])] : [card.total, sumRaw(card, ['base', 'bonus', 'penalty'])]);
    } else {
      const scored = basis.scorecard.categories.find((c) => c.id === total.categoryId);
      if (!scored) continue;
      label = t('finding.total.subtotal', { category: scored.name }, locale);
      expectedOf = (card) => {
        const c = card.categories.find((x) => x.id === total.categoryId);
        return c ? [c.score, c.raw] : [];
      };
    }
    const expected = expectedOf(basis.scorecard);
    if (merges.formula(total.row, scoreCol) !== undefined) expected.push(...expectedOf(basis.entered));
    const at = merges.anchor(total.row, scoreCol);
    const reading = readCell(merges.visible(total.row, scoreCol));
    const shown = expected[0].toString();
    if (reading.kind === 'number') {
      if (reading.written) {
        out.add('SCORE_AS_TEXT', 'info', at, 'finding.SCORE_AS_TEXT.total', { label, text: reading.text ?? '', value: reading.value.toString() });
      }
      if (!expected.some((e) => e.eq(reading.value))) {
        const key = basis.corrected ? 'finding.TOTAL_MISMATCH.corrected' : 'finding.TOTAL_MISMATCH';
        out.add('TOTAL_MISMATCH', 'error', at, key, { label, value: reading.value.toString(), expected: shown });
      }
    } else if (reading.kind !== 'empty') {
      out.add('TOTAL_MISMATCH', 'error', at, 'finding.TOTAL_MISMATCH.notNumber', { label, value: reading.text, expected: shown });
    }
  }
}
