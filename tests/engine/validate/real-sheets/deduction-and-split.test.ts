/**
 * A 扣分 column beside (or instead of) the score, and 评分细则 split into 序号 | 内容 under one merged
 * header, on realistic sheets.
 */
import { loadBundled } from '../../../rubric/bundled';
import { findHeader } from '../../../../src/engine/locate/find-header';
import { MergeIndex } from '../../../../src/engine/locate/merge-index';
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

describe.each(['扣分', '扣分值', '扣减分值', '自评扣分'])('a %s column', (header) => {
  test('is its own column: 扣分说明 stays the reason column', () => {
    const s = new StaffSheet(rubric, { deductionHeader: header });
    const sheet = s.sheet();
    const found = findHeader(sheet, new MergeIndex(sheet), 15);
    expect(found?.columns.deduction).toBe(6);
    expect(found?.columns.reason).toBe(8);
    expect(found?.columns.score).toBe(5);
  });

  test('only the deduction given: the score is the maximum less it; the sheet is clean', () => {
    const s = new StaffSheet(rubric, { deductionHeader: header, total: 'typed' });
    // 规范工作流程 1 (2 points, −0.5 a case): the score left empty, 0.5 in the 扣分 column.
    s.set('2.3.1', 'score', null).set('2.3.1', 'deduction', 0.5);
    s.set('1.1.1', 'deduction', 0);
    const { findings, total } = check(s);
    expect(findings).toEqual([]);
    expect(total).toBe('95');
  });
});

test('deduction and score both given and disagreeing: one finding at the score cell', () => {
  const s = new StaffSheet(rubric, { deductionHeader: '扣分', total: 'none' });
  s.set('2.3.1', 'deduction', 1); // the score says 1.5 (one case), the deduction two cases
  const { findings, result } = check(s);
  expect(findings).toEqual([`SCORE_DEDUCTION_MISMATCH ${s.cell('2.3.1', 'score')}`]);
  expect(result.findings[0].message).toContain('满分 2 分扣 1 分应得 1 分');
  expect(check(s, 'en').result.findings[0].message).toContain('disagree');
});

test('a deduction alone that the rule cannot produce or that exceeds the maximum is flagged at the deduction cell', () => {
  const s = new StaffSheet(rubric, { deductionHeader: '扣分值', total: 'none' });
  s.set('2.3.1', 'score', null).set('2.3.1', 'deduction', 0.3);
  s.set('2.3.2', 'score', null).set('2.3.2', 'deduction', 3);
  expect(check(s).findings).toEqual([`SCORE_NOT_ALLOWED ${s.cell('2.3.1', 'deduction')}`, `SCORE_ABOVE_MAX ${s.cell('2.3.2', 'deduction')}`]);
});

test('a deduction without a reason still needs its 扣分说明', () => {
  const s = new StaffSheet(rubric, { deductionHeader: '扣分', total: 'none' });
  s.set('2.3.1', 'score', null).set('2.3.1', 'deduction', 0.5).set('2.3.1', 'reason', null);
  expect(check(s).findings).toEqual([`REASON_MISSING ${s.cell('2.3.1', 'reason')}`]);
});

test('a 扣分项 case written in the 扣分 column counts as −2', () => {
  const s = new StaffSheet(rubric, { deductionHeader: '扣分', total: 'none' });
  s.set('7.1.1', 'score', null).set('7.1.1', 'deduction', 2);
  const { findings, total } = check(s);
  expect(findings).toEqual([]);
  expect(total).toBe('95');
});

describe('评分细则 split into 序号 | 内容 under one merged header', () => {
  test('reads as one column: the clean sheet has no finding', () => {
    const s = new StaffSheet(rubric, { splitRule: true });
    const { findings, total, result } = check(s);
    expect(findings).toEqual([]);
    expect(total).toBe('95');
    expect(result.table.ruleLastCol).toBe(5);
    expect(result.table.unknownRows).toEqual([]);
  });

  test('planted defects are found at their cells', () => {
    const s = new StaffSheet(rubric, { splitRule: true, total: 'none' });
    s.set('2.2.1', 'score', 3);
    s.set('4.3.2', 'evidence', null);
    // 序号 3 with 2.8.4's text: the text names the clause, so it is not a second 2.8.3.
    s.row('2.8.4').ruleNumber = 3;
    const { findings } = check(s);
    expect(findings).toEqual([`SCORE_ABOVE_MAX ${s.cell('2.2.1', 'score')}`, `EVIDENCE_MISSING ${s.cell('4.3.2', 'evidence')}`]);
  });
});
