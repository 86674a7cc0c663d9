/**
 * Whole-item rows however the clauses are joined, mixed with clause rows on one staff sheet: every
 * clause of the cell is scored, planted defects are found at their cells, and nothing else is flagged.
 */
import { loadBundled } from '../../../rubric/bundled';
import type { Rubric } from '../../../../src/engine/rubric-types';
import { validateSheet } from '../../../../src/engine/validate/validate-sheet';
import { StaffSheet } from './staff-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const brief = (s: StaffSheet) => {
  const result = validateSheet(s.sheet(), rubric);
  return { findings: result.findings.map((f) => `${f.code} ${f.cell}`), total: result.scorecard.total.toString(), grade: result.scorecard.grade, result };
};

test('the clean staff sheet (cover block, PDF line breaks, merged cells, SUM total, footer) has no finding at all', () => {
  const s = new StaffSheet(rubric);
  const { findings, total, grade, result } = brief(s);
  expect(findings).toEqual([]);
  expect([total, grade, result.provisional]).toEqual(['95', '优秀', false]);
  expect(result.table.unknownRows).toEqual([]);
});

describe.each([
  ['line breaks', '\n'],
  ['。', '。'],
  ['；', '；'],
  ['nothing after （N分）', ''],
])('whole items joined by %s, mixed with clause rows', (_name, join) => {
  test('every clause of each joined cell is scored; the sheet is clean', () => {
    const s = new StaffSheet(rubric);
    // 政策找人 7 = 5 + 2; 规范工作流程 6 = 1.5 + 1.5 + 2 (two deduct clauses lose a case each); 资金发放与监督 5 × 1.
    for (const id of ['1.1', '2.3', '2.8', '4.2']) s.wholeItem(id, join);
    const { findings, total, grade, result } = brief(s);
    expect(findings).toEqual([]);
    expect([total, grade]).toEqual(['95', '优秀']);
    const row = result.table.rows.find((r) => r.itemId === '1.1');
    expect(row?.clauseIds).toEqual(['1.1.1', '1.1.2']);
    expect(result.table.rows.find((r) => r.itemId === '2.8')?.clauseIds).toEqual(['2.8.1', '2.8.2', '2.8.3', '2.8.4', '2.8.5']);
  });

  test('missing evidence and a missing reason on a whole-item row are found at their cells, the total is the careful one', () => {
    const s = new StaffSheet(rubric);
    const whole = s.wholeItem('1.1', join);
    s.wholeItem('2.3', join);
    whole.evidence = null;
    s.set('2.3.1', 'reason', null);
    const { findings, total } = brief(s);
    expect(findings).toEqual([`EVIDENCE_MISSING ${s.cell(whole, 'evidence')}`, `REASON_MISSING ${s.cell('2.3.1', 'reason')}`]);
    expect(total).toBe('95');
  });
});

test('`…（5分）2、按时…` with no PDF breaks at all reads as both clauses, not clause 1 with 7 of its 5 points', () => {
  const s = new StaffSheet(rubric, { pdfBreaks: false });
  const row = s.wholeItem('1.1', '');
  expect(row.rule).toContain('（5分）2、按时');
  const { findings, result } = brief(s);
  expect(findings).toEqual([]);
  expect(result.table.rows.find((r) => r.itemId === '1.1')?.clauseIds).toEqual(['1.1.1', '1.1.2']);
});

test('clauses renumbered on the sheet are still matched by their text', () => {
  const s = new StaffSheet(rubric, { pdfBreaks: false });
  // The sheet leaves out 2.8.1 and numbers the rest 1、2、3、4、 in one cell: their text names them.
  const row = s.wholeItem('2.8', '\n');
  const clauses = s.item('2.8').clauses.slice(1);
  row.rule = clauses.map((c, i) => c.text.replace(/^\d、/, `${i + 1}、`)).join('\n');
  row.score = 4;
  const { findings, total, result } = brief(s);
  expect(result.table.rows.find((r) => r.itemId === '2.8')?.clauseIds).toEqual(['2.8.2', '2.8.3', '2.8.4', '2.8.5']);
  expect(findings).toEqual([`CLAUSE_MISSING ${s.cell(row, 'item')}`]);
  expect(total).toBe('94');
});
