/**
 * Scores as staff type them, on a realistic sheet: 2分, 1.5 分, full-width digits and spaces are read
 * as numbers with a hint to type the bare number; a percentage format is flagged; text stays an error.
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
  return { result, findings: result.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`), total: result.scorecard.total.toString() };
};

test.each([
  ['2分', '1.1.2'],
  ['1.5 分', '2.3.1'],
  ['２分', '2.2.1'],
  [' 5 分 ', '1.1.1'],
  ['得2分', '3.3.1'],
])('%p is read as its number: one info at the cell, the total unchanged once typed bare', (typed, id) => {
  const s = new StaffSheet(rubric, { total: 'typed' });
  s.set(id, 'score', typed);
  const { findings, total, result } = check(s);
  // The typed total (what the person added up) counts it; a SUM would not, which is why the hint says so.
  expect(findings).toEqual([`info SCORE_AS_TEXT ${s.cell(id, 'score')}`]);
  expect(total).toBe('95');
  expect(result.scorecard.grade).toBe('优秀');
  expect(result.findings[0].message).toContain('请只填数字');
});

test('a 2分 under a SUM total: the SUM skipped it, so the stated total is no mismatch until the bare number is typed', () => {
  const s = new StaffSheet(rubric);
  s.set('1.1.2', 'score', '2分');
  const { findings, total } = check(s);
  expect(findings).toEqual([`info SCORE_AS_TEXT ${s.cell('1.1.2', 'score')}`]);
  expect(total).toBe('95');
});

test('a 2分 no longer drops the sheet a grade: 89 + 2 is 优秀, not 良好', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  // Lose 6 points elsewhere with reasons: 1.1.1 5 → 2, 1.3.1 3 → 0 (95 − 6 = 89 before 1.1.2).
  s.set('1.1.1', 'score', 2).set('1.1.1', 'reason', '线上评估预警未开展');
  s.set('1.3.1', 'score', 0).set('1.3.1', 'reason', '未建立工作台账');
  s.set('1.1.2', 'score', '2分');
  const { result } = check(s);
  expect([result.scorecard.total.toString(), result.scorecard.grade]).toEqual(['89', '良好']);
  s.set('1.1.1', 'score', '3 分');
  const again = check(s).result;
  expect([again.scorecard.total.toString(), again.scorecard.grade]).toEqual(['90', '优秀']);
});

test('a subtotal typed 25分 is read as 25', () => {
  const s = new StaffSheet(rubric, { total: 'typed' });
  const sheet = s.sheet();
  const at = s.totalCell();
  const { row, col } = { row: Number(at.slice(1)) - 1, col: at.charCodeAt(0) - 65 };
  const cell = sheet.cell(row, col);
  if (cell) cell.value = '95分';
  const result = validateSheet(sheet, rubric);
  expect(result.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`)).toEqual([`info SCORE_AS_TEXT ${at}`]);
});

test('扣2分 on a 扣分项 row is −2 with the hint; on a points row it says nothing about what is left, so it is an error', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  s.set('7.1.1', 'score', '扣2分');
  expect(check(s).findings).toEqual([`info SCORE_AS_TEXT ${s.cell('7.1.1', 'score')}`]);
  expect(check(s).total).toBe('95');
  s.set('2.3.1', 'score', '扣0.5分');
  expect(check(s).findings).toEqual([`error SCORE_NOT_NUMBER ${s.cell('2.3.1', 'score')}`, `info SCORE_AS_TEXT ${s.cell('7.1.1', 'score')}`]);
});

test('a score cell formatted as a percentage (0.5 shown as 50%) is flagged, the score still counts', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  s.row('3.2.4').scoreFormat = '0%';
  const { findings, total, result } = check(s);
  expect(findings).toEqual([`warning SCORE_PERCENT_FORMAT ${s.cell('3.2.4', 'score')}`]);
  expect(result.findings[0].message).toContain('显示为“50%”');
  expect(total).toBe('95');
  expect(check(s, 'en').result.findings[0].message).toContain('formatted as a percentage');
});

test.each(['两分', '50%', '满分', '2分以上'])('unreadable %p stays SCORE_NOT_NUMBER, counted as nothing', (typed) => {
  const s = new StaffSheet(rubric, { total: 'none' });
  s.set('1.1.2', 'score', typed);
  const { findings, total, result } = check(s);
  expect(findings).toEqual([`error SCORE_NOT_NUMBER ${s.cell('1.1.2', 'score')}`]);
  expect(total).toBe('93');
  expect(result.provisional).toBe(true);
});
