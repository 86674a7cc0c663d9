/**
 * A clause scored on several rows, as staff lay it out: several 加分 reasons one per row under one merged
 * 评分细则 cell, a clause whose PDF text spilled into a second row, one score per sub-point, several
 * 扣分 cases one per row. The rows add up to the clause; its cap and evidence apply to the sum.
 */
import { loadBundled } from '../../../rubric/bundled';
import type { Rubric } from '../../../../src/engine/rubric-types';
import { validateSheet } from '../../../../src/engine/validate/validate-sheet';
import { GridSheet } from '../../../../src/engine/sheet/sheet-model';
import { StaffSheet } from './staff-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const check = (s: StaffSheet) => {
  const result = validateSheet(s.sheet(), rubric);
  return { result, findings: result.findings.map((f) => `${f.code} ${f.cell}`), total: result.scorecard.total.toString(), grade: result.scorecard.grade };
};

const threeBonusReasons = (s: StaffSheet, scores: (number | null)[]) =>
  s.subRows('6.1.1', [
    { score: scores[0], evidence: scores[0] ? '《解放日报》报道“社区救助顾问”做法' : null },
    { score: scores[1], evidence: scores[1] ? '市民政局工作简报第12期' : null, remark: '第二个案例' },
    { score: scores[2], evidence: scores[2] ? '区级经验交流材料' : null },
  ]);

test('three 加分 reasons one per row under one merged 评分细则 cell add up: 1 + 1 + 0.5', () => {
  const s = new StaffSheet(rubric);
  threeBonusReasons(s, [1, 1, 0.5]);
  const { findings, total, result } = check(s);
  expect(findings).toEqual([]);
  // The clean 95 has 2 points of bonus on 6.1.1; now 2.5.
  expect(total).toBe('95.5');
  const located = result.table.rows.find((r) => r.clauseIds.includes('6.1.1'));
  expect(located?.subRows).toHaveLength(2);
  expect(result.table.unknownRows).toEqual([]);
});

test('the 加分 rows over the clause cap: one SCORE_ABOVE_MAX at the row that takes the sum over, counted at the cap', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  const rows = threeBonusReasons(s, [3, 2, 1]);
  const { findings, total, result } = check(s);
  expect(findings).toEqual([`SCORE_ABOVE_MAX ${s.cell(rows[2], 'score')}`]);
  expect(result.findings[0].message).toContain('分 3 行填写得分，合计 6 分');
  expect(total).toBe('98'); // 95 − 2 + 5
  expect(result.provisional).toBe(true);
});

test('a 加分 row without evidence where another row has it: the clause has evidence; no evidence on any row is one finding', () => {
  const s = new StaffSheet(rubric);
  const rows = threeBonusReasons(s, [1, 1, null]);
  rows[1].evidence = null;
  expect(check(s).findings).toEqual([]);
  rows[0].evidence = null;
  expect(check(s).findings).toEqual([`EVIDENCE_MISSING ${s.cell(rows[0], 'evidence')}`]);
});

test('a clause whose PDF text spilled into the next row: one clause, scored once, nothing unknown', () => {
  const s = new StaffSheet(rubric, { pdfBreaks: false });
  const text = s.item('2.3').clauses[0].text;
  const cut = text.indexOf('每发现');
  const rows = s.subRows('2.3.1', [{ rule: text.slice(0, cut), score: 1.5, evidence: '审核确认档案', reason: '发现 1 例违反流程' }, { rule: text.slice(cut) }]);
  const { findings, total, result } = check(s);
  expect(findings).toEqual([]);
  expect(total).toBe('95');
  expect(result.table.rows.find((r) => r.clauseIds.includes('2.3.1'))?.subRows).toEqual([Number(s.cell(rows[1], 'score').slice(1)) - 1]);
});

test('one score per sub-point (档案管理规范 1 + 1 on two rows): the sum is checked against the clause', () => {
  const s = new StaffSheet(rubric, { pdfBreaks: false });
  const text = s.item('2.3').clauses[2].text;
  const cut = text.indexOf('做到');
  expect(cut).toBeGreaterThan(0);
  const rows = s.subRows('2.3.3', [
    { rule: text.slice(0, cut), score: 1, evidence: '救助对象档案' },
    { rule: text.slice(cut), score: 1, evidence: '档案转移记录' },
  ]);
  expect(check(s).findings).toEqual([]);
  expect(check(s).total).toBe('95');
  // 0.5 on a 0-or-1 sub-point makes 1.5, which the clause's rule (0, 1 or 2) cannot give: one finding
  // for the clause; midway between 1 and 2 it counts as entered, and the SUM total follows the cells.
  rows[1].score = 0.5;
  rows[1].reason = '档案转移不及时';
  const { findings, total, result } = check(s);
  expect(findings).toEqual([`SCORE_NOT_ALLOWED ${s.cell(rows[0], 'score')}`]);
  expect(result.findings[0].message).toContain('合计 1.5 分');
  expect(total).toBe('94.5');
});

test('two 扣分 cases one per row (−2 and −2): −4 counted, evidence on each', () => {
  const s = new StaffSheet(rubric);
  s.subRows('7.1.1', [
    { score: -2, evidence: '区级督查通报 1 份' },
    { score: -2, evidence: '审计发现问题清单' },
  ]);
  const { findings, total } = check(s);
  expect(findings).toEqual([]);
  expect(total).toBe('93');
});

test('the clause rows themselves stay apart: a second row restating a clause is still a duplicate', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  const i = s.rows.indexOf(s.row('2.1.2'));
  s.rows.splice(i + 1, 0, { ...s.row('2.1.2') });
  const dup = s.rows[i + 1];
  expect(check(s).findings).toEqual([`UNKNOWN_ROW ${s.cell(dup, 'score')}`]);
});

test('a hidden line under the 加分 rows is an old score put away: it adds nothing', () => {
  const s = new StaffSheet(rubric, { total: 'none' });
  const rows = threeBonusReasons(s, [1, 1, 3]);
  const built = s.sheet();
  const hiddenRow = Number(s.cell(rows[2], 'score').slice(1)) - 1;
  const sheet = new GridSheet(built.name, Array.from({ length: built.rowCount }, (_, r) => Array.from({ length: built.colCount }, (_, c) => built.cell(r, c))), [...built.merges], {
    hiddenRows: new Set([hiddenRow]),
  });
  const result = validateSheet(sheet, rubric);
  // The visible lines make 2, the clean sheet's bonus: not 5 over its cap.
  expect(result.scorecard.total.toString()).toBe('95');
  expect(result.findings).toEqual([]);
});
