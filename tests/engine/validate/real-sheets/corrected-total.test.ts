/**
 * A rejected score never moves the total the wrong way: each flagged score counts at the nearest value
 * its rule allows, so TOTAL_MISMATCH names the total that is right once the flagged cells are fixed,
 * and total and grade are marked provisional while errors remain.
 */
import { loadBundled } from '../../../rubric/bundled';
import type { Rubric } from '../../../../src/engine/rubric-types';
import { validateSheet } from '../../../../src/engine/validate/validate-sheet';
import { StaffSheet } from './staff-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const check = (s: StaffSheet, locale?: 'en') => {
  const result = validateSheet(s.sheet(), rubric, { locale });
  return { result, findings: result.findings.map((f) => `${f.code} ${f.cell}`), total: result.scorecard.total.toString() };
};

test.each([
  // clause, entered, counted as: over the maximum → the maximum; negative → 0; not allowed → nearest allowed.
  ['2.2.1', 2.5, 'SCORE_ABOVE_MAX', '95'],
  ['1.3.3', 1.5, 'SCORE_ABOVE_MAX', '95'],
  ['1.1.2', -1, 'SCORE_NEGATIVE', '93'],
  ['2.3.1', 1.3, 'SCORE_NOT_ALLOWED', '95'], // 1.3 is nearest 1.5 (2 less one case)
  ['2.3.1', 1.1, 'SCORE_NOT_ALLOWED', '94.5'], // nearest 1
  ['2.1.1', 0.5, 'SCORE_NOT_ALLOWED', '94.5'], // midway between 0 and 1: no side is likelier, counted as entered
])('%s entered as %p: %s, the total counts it so that it is %s', (id, value, code, total) => {
  const s = new StaffSheet(rubric, { total: 'none' });
  s.set(id, 'score', value);
  if (code !== 'SCORE_ABOVE_MAX') s.set(id, 'reason', '未全部完成');
  const got = check(s);
  expect(got.findings).toEqual([`${code} ${s.cell(id, 'score')}`]);
  expect(got.total).toBe(total);
  expect([got.result.provisional, got.result.errorsToFix]).toEqual([true, 1]);
});

test('a typed 合计 that counted the rejected 2.5 is told the total that is right after the fix, one round only', () => {
  const s = new StaffSheet(rubric, { total: 'typed' });
  s.set('2.2.1', 'score', 2.5);
  const { findings, total, result } = check(s);
  expect(findings).toEqual([`SCORE_ABOVE_MAX ${s.cell('2.2.1', 'score')}`, `TOTAL_MISMATCH ${s.totalCell()}`]);
  expect(total).toBe('95');
  expect(result.findings[1].message).toContain('填写为 95.5');
  expect(result.findings[1].message).toContain('应为 95。');
  expect(check(s, 'en').result.findings[1].message).toContain('comes to 95');
  // After the fix the typed total that the message asked for is right: nothing left.
  s.set('2.2.1', 'score', 2);
  const sheet = s.sheet();
  const at = s.totalCell();
  const cell = sheet.cell(Number(at.slice(1)) - 1, at.charCodeAt(0) - 65);
  if (cell) cell.value = 95;
  const after = validateSheet(sheet, rubric);
  expect(after.findings).toEqual([]);
  expect(after.provisional).toBe(false);
});

test('a SUM 合计 follows the cells by itself: no mismatch for the rejected score it still adds', () => {
  const s = new StaffSheet(rubric);
  s.set('2.2.1', 'score', 2.5);
  const { findings, total } = check(s);
  expect(findings).toEqual([`SCORE_ABOVE_MAX ${s.cell('2.2.1', 'score')}`]);
  expect(total).toBe('95');
});

test('a wrong typed 合计 beside a rejected score names the corrected total', () => {
  const s = new StaffSheet(rubric, { total: 'typed' });
  s.set('1.3.3', 'score', 1.5);
  const sheet = s.sheet();
  const at = s.totalCell();
  const cell = sheet.cell(Number(at.slice(1)) - 1, at.charCodeAt(0) - 65);
  if (cell) cell.value = 90;
  const result = validateSheet(sheet, rubric);
  expect(result.findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`SCORE_ABOVE_MAX ${s.cell('1.3.3', 'score')}`, `TOTAL_MISMATCH ${at}`]);
  expect(result.findings[1].message).toContain('应为 95');
});

describe('a positive number on a 扣分项 row', () => {
  test('with the case written down beside it, its sign is plain: counted as the deduction', () => {
    const s = new StaffSheet(rubric, { total: 'none' });
    s.set('7.1.1', 'score', 2); // evidence: 区级督查通报 1 份
    const { findings, total } = check(s);
    expect(findings).toEqual([`SCORE_NOT_ALLOWED ${s.cell('7.1.1', 'score')}`]);
    expect(total).toBe('95');
  });

  test('with nothing beside it, it is flagged and counted as 0', () => {
    const s = new StaffSheet(rubric, { total: 'none' });
    s.set('7.1.1', 'score', 2).set('7.1.1', 'evidence', null);
    const { findings, total } = check(s);
    expect(findings).toEqual([`SCORE_NOT_ALLOWED ${s.cell('7.1.1', 'score')}`]);
    expect(total).toBe('97');
  });

  test('a deduction beyond −5 counts as −5', () => {
    const s = new StaffSheet(rubric, { total: 'none' });
    s.set('7.1.1', 'score', -6);
    const { findings, total } = check(s);
    expect(findings).toEqual([`SCORE_ABOVE_MAX ${s.cell('7.1.1', 'score')}`]);
    expect(total).toBe('92');
  });
});

test('provisional counts the errors to fix; 一票否决 is a fact, not a slip, and leaves the result final', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  s.set('7.1.3', 'score', '是');
  const vetoed = check(s).result;
  expect(vetoed.findings.map((f) => f.code)).toEqual(['VETO']);
  expect([vetoed.provisional, vetoed.errorsToFix, vetoed.scorecard.grade]).toEqual([false, 0, '不合格']);
  s.set('2.2.1', 'score', 3).set('1.1.2', 'evidence', null);
  const both = check(s).result;
  expect([both.provisional, both.errorsToFix]).toEqual([true, 2]);
});
