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

export function checkTotals(
  table: LocatedTable,
  merges: MergeIndex,
  scorecard: Scorecard,
  locale: Locale,
  out: FindingList,
): void {
  const scoreCol = table.columns.score as number;
  const sumRaw = (kinds: string[]) =>
    scorecard.categories.filter((c) => kinds.includes(c.kind)).reduce((s, c) => s.plus(c.raw), new D(0));
  const lastExtraRow = table.rows.reduce((last, r) => (r.section === 'bonus' || r.section === 'penalty' ? Math.max(last, r.row) : last), -1);

  for (const total of table.totalRows) {
    let expected: Dec[];
    let label: string;
    if (total.kind === 'total') {
      label = t('finding.total.grand', {}, locale);
      // A 合计 above the bonus and penalty rows sums the base sections only.
      const baseOnly = lastExtraRow > total.row;
      expected = baseOnly ? [scorecard.base, sumRaw(['base'])] : [scorecard.total, sumRaw(['base', 'bonus', 'penalty'])];
    } else {
      const scored = scorecard.categories.find((c) => c.id === total.categoryId);
      if (!scored) continue;
      label = t('finding.total.subtotal', { category: scored.name }, locale);
      expected = [scored.score, scored.raw];
    }
    const at = merges.anchor(total.row, scoreCol);
    const reading = readCell(merges.visible(total.row, scoreCol));
    const shown = expected[0].toString();
    if (reading.kind === 'number') {
      if (!expected.some((e) => e.eq(reading.value))) {
        out.add('TOTAL_MISMATCH', 'error', at, 'finding.TOTAL_MISMATCH', { label, value: reading.value.toString(), expected: shown });
      }
    } else if (reading.kind !== 'empty') {
      out.add('TOTAL_MISMATCH', 'error', at, 'finding.TOTAL_MISMATCH.notNumber', { label, value: reading.text, expected: shown });
    }
  }
}
