/**
 * The district's 复核 columns: review scores under the self-score rules, the review total and grade,
 * the self/review differences, and a review column left empty meaning "not reviewed yet".
 */
import { loadBundled } from '../../rubric/bundled';
import type { ColumnRole } from '../../../src/engine/locate/types';
import type { Rubric } from '../../../src/engine/rubric-types';
import type { Finding } from '../../../src/engine/validate/finding';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { buildSheet, STANDARD_COLUMNS, type SheetPlan } from '../validate/rubric-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const REVIEW_COLUMNS = [...STANDARD_COLUMNS, { header: '复核得分', role: 'review' as ColumnRole }, { header: '复核意见', role: 'reviewNote' as ColumnRole }];

/** A clean sheet whose reviewer agreed with every row (review = self). */
function reviewed(columns = REVIEW_COLUMNS): SheetPlan {
  const plan = buildSheet(rubric, { columns });
  for (const id of Object.keys(plan.rowOf)) plan.set(id, 'review', plan.get(id, 'score'));
  return plan;
}
const brief = (findings: Finding[]) => findings.map((f) => ({ code: f.code, cell: f.cell, review: f.review ?? false }));

test('without review columns the self-assessment is validated as before', () => {
  const result = validateSheet(buildSheet(rubric).sheet(), rubric);
  expect(result.review).toBeUndefined();
  expect(result.findings).toEqual([]);
});

test('an entirely empty review column is "not reviewed yet": no finding, no zeros', () => {
  const plan = buildSheet(rubric, { columns: REVIEW_COLUMNS });
  const result = validateSheet(plan.sheet(), rubric);
  expect(result.review).toEqual({ status: 'not-reviewed' });
  expect(result.findings).toEqual([]);
  expect(result.scorecard.total.toString()).toBe('95');
});

test('a review agreeing everywhere: same total and grade, no difference, no finding', () => {
  const result = validateSheet(reviewed().sheet(), rubric);
  expect(result.findings).toEqual([]);
  if (result.review?.status !== 'reviewed') throw new Error('expected a review');
  expect(result.review.scorecard.total.toString()).toBe('95');
  expect(result.review.scorecard.grade).toBe('优秀');
  expect(result.review.differences).toEqual([]);
});

test('a reviewer cannot give 0.5 on an all-or-nothing clause either; the finding says it is the review', () => {
  const plan = reviewed();
  plan.set('2.1.1', 'review', 0.5);
  const result = validateSheet(plan.sheet(), rubric);
  // Below the self-score and no remark: the remark is asked for too.
  expect(brief(result.findings)).toEqual([
    { code: 'SCORE_NOT_ALLOWED', cell: plan.cell('2.1.1', 'review'), review: true },
    { code: 'REVIEW_NOTE_MISSING', cell: plan.cell('2.1.1', 'reviewNote'), review: true },
  ]);
  expect(result.findings[0].message).toMatch(/^【复核】.*复核得分 0\.5/);
  expect(result.findings[0].message).not.toContain('自评得分');
});

test('a review below the self-score needs a 复核意见; with one it is only a listed difference', () => {
  const plan = reviewed();
  plan.set('1.1.1', 'review', 4);
  const without = validateSheet(plan.sheet(), rubric);
  expect(brief(without.findings)).toEqual([{ code: 'REVIEW_NOTE_MISSING', cell: plan.cell('1.1.1', 'reviewNote'), review: true }]);
  // The self-score's own 扣分说明 rule does not apply to the review column.
  plan.set('1.1.1', 'reviewNote', '台账不全，核减 1 分');
  const result = validateSheet(plan.sheet(), rubric);
  expect(result.findings).toEqual([]);
  if (result.review?.status !== 'reviewed') throw new Error('expected a review');
  expect(result.review.scorecard.total.toString()).toBe('94');
  expect(result.scorecard.total.toString()).toBe('95');
  expect(result.review.differences).toEqual([
    { clauseIds: ['1.1.1'], cell: plan.cell('1.1.1', 'review'), self: '5', review: '4', change: expect.anything(), note: '台账不全，核减 1 分' },
  ]);
  expect(result.review.differences[0].change?.toString()).toBe('-1');
});

test('a review above the self-score needs no remark', () => {
  const plan = reviewed();
  plan.set('2.3.1', 'review', 2);
  const result = validateSheet(plan.sheet(), rubric);
  expect(result.findings).toEqual([]);
  if (result.review?.status !== 'reviewed') throw new Error('expected a review');
  expect(result.review.scorecard.total.toString()).toBe('95.5');
  expect(result.review.differences.map((d) => d.clauseIds)).toEqual([['2.3.1']]);
});

test('without a 复核意见 column, a lowered score is reported at the review cell', () => {
  const plan = reviewed(REVIEW_COLUMNS.slice(0, -1));
  plan.set('1.1.1', 'review', 4);
  expect(brief(validateSheet(plan.sheet(), rubric).findings)).toEqual([{ code: 'REVIEW_NOTE_MISSING', cell: plan.cell('1.1.1', 'review'), review: true }]);
});

test('a 一票否决 found in review makes the review grade 不合格, the self grade stays', () => {
  const plan = reviewed();
  const vetoId = Object.keys(plan.rowOf).find((id) => plan.get(id, 'score') === '否') as string;
  plan.set(vetoId, 'review', '是');
  plan.set(vetoId, 'reviewNote', '核查发现违规');
  const result = validateSheet(plan.sheet(), rubric);
  if (result.review?.status !== 'reviewed') throw new Error('expected a review');
  expect(result.scorecard.grade).toBe('优秀');
  expect(result.review.scorecard.grade).toBe('不合格');
  expect(result.review.scorecard.veto).toBe(true);
  expect(brief(result.findings)).toEqual([{ code: 'VETO', cell: plan.cell(vetoId, 'review'), review: true }]);
});

test('a row the reviewer left empty counts its self-score and is pointed out', () => {
  const plan = reviewed();
  plan.set('1.1.1', 'review', null);
  plan.set('2.3.1', 'review', 1);
  plan.set('2.3.1', 'reviewNote', '发现 2 例违反流程');
  const result = validateSheet(plan.sheet(), rubric);
  expect(brief(result.findings)).toEqual([{ code: 'REVIEW_MISSING', cell: plan.cell('1.1.1', 'review'), review: true }]);
  expect(result.findings[0].severity).toBe('warning');
  if (result.review?.status !== 'reviewed') throw new Error('expected a review');
  expect(result.review.scorecard.total.toString()).toBe('94.5');
});

test('a stated review total is checked against the review scores', () => {
  const plan = reviewed();
  plan.set('1.1.1', 'review', 4);
  plan.set('1.1.1', 'reviewNote', '核减');
  plan.grid[plan.totalRow as number][plan.col.review as number] = 95;
  const result = validateSheet(plan.sheet(), rubric);
  expect(brief(result.findings)).toEqual([{ code: 'TOTAL_MISMATCH', cell: `H${(plan.totalRow as number) + 1}`, review: true }]);
  expect(result.findings[0].message).toContain('94');
});

test('review findings read in English too', () => {
  const plan = reviewed();
  plan.set('2.1.1', 'review', 0.5);
  plan.set('2.1.1', 'reviewNote', 'x');
  const [finding] = validateSheet(plan.sheet(), rubric, { locale: 'en' }).findings;
  expect(finding.message).toMatch(/^\[Review\] /);
});
