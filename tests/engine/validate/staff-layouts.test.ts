/**
 * The validator on a sheet as staff really keep it (staff-sheet.ts): twenty rows of instructions above
 * the header, a hidden last-year score column, a hidden stale row, PDF-pasted rules, 填报人 lines.
 * Each planted defect is found at its cell; nothing else is flagged beyond the two assumptions the
 * tool states and the preparer's phone; the total is what a careful person computes.
 */
import { loadBundled } from '../../rubric/bundled';
import type { Rubric } from '../../../src/engine/rubric-types';
import { GridSheet, toA1, type Cell } from '../../../src/engine/sheet/sheet-model';
import type { Finding } from '../../../src/engine/validate/finding';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { buildSheet } from './rubric-sheet';
import { buildStaffSheet, type StaffSheet } from './staff-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const brief = (findings: Finding[]) => findings.map((f) => ({ code: f.code, severity: f.severity, cell: f.cell }));

/** What the clean staff sheet says whatever is planted: which columns and rows were read, and the preparer's phone. */
function assumptions(s: StaffSheet) {
  const scoreCol = s.plan.col.score as number;
  return {
    column: { code: 'LAYOUT_CHOICE', severity: 'warning', cell: toA1(s.headerRow, scoreCol) },
    row: { code: 'LAYOUT_CHOICE', severity: 'warning', cell: s.plan.cell('2.3.1', 'score') },
    phone: { code: 'PII_PHONE', severity: 'info', cell: s.contactCell },
  } as const;
}

describe('a staff sheet: instructions above, hidden last-year column and stale row, 填报人 below', () => {
  test('clean: only the stated assumptions and the preparer phone; 95, 优秀', () => {
    const s = buildStaffSheet(rubric);
    const result = validateSheet(s.sheet(), rubric);
    const a = assumptions(s);
    expect(result.table.headerRow).toBe(s.headerRow);
    expect(s.headerRow).toBeGreaterThan(15);
    expect(result.table.columns.score).toBe(s.plan.col.score);
    expect(brief(result.findings)).toEqual([a.column, a.row, a.phone]);
    expect(result.scorecard.total.toString()).toBe('95');
    expect(result.scorecard.grade).toBe('优秀');
  });

  test('the warnings say which column and which row were used and which ignored', () => {
    const s = buildStaffSheet(rubric);
    const [column, row, phone] = validateSheet(s.sheet(), rubric).findings;
    expect(column.message).toContain('已按 G 列“自评得分”校验');
    expect(column.message).toContain('F 列“自评得分（2022年）”');
    const visible = s.plan.rowOf['2.3.1'] + 1;
    expect(row.message).toContain(`已按看得见的第 ${visible} 行计分，忽略了隐藏的第 ${s.staleRow + 1} 行`);
    expect(row.clauseId).toBe('2.3.1');
    expect(phone.message).toContain('139****4321');
    const en = validateSheet(s.sheet(), rubric, { locale: 'en' }).findings;
    expect(en[0].message).toContain('column G ("自评得分") was checked and column F of another year ("自评得分（2022年）") ignored');
    expect(en[1].message).toContain(`the visible row ${visible} was scored and hidden row ${s.staleRow + 1} ignored`);
  });

  test('planted defects: each at its cell, nothing else, and the total a careful person computes', () => {
    const s = buildStaffSheet(rubric);
    const p = s.plan;
    const idRow = p.rowOf['3.1.2'];
    p.grid[idRow][s.remarkCol] = '户主 11010519491231002X 已核对';
    p.set('1.4.1', 'evidence', '慰问名单（联系人 13812345678）');
    p.set('2.3.2', 'reason', null);
    p.set('1.1.2', 'evidence', null);
    // 0.1 off a per-case clause with its reason kept: 95 − 0.1.
    p.set('4.2.1', 'score', 0.8);
    const result = validateSheet(s.sheet(), rubric);
    const a = assumptions(s);
    expect(brief(result.findings)).toEqual([
      a.column,
      { code: 'EVIDENCE_MISSING', severity: 'error', cell: p.cell('1.1.2', 'evidence') },
      { code: 'PII_PHONE', severity: 'warning', cell: p.cell('1.4.1', 'evidence') },
      a.row,
      { code: 'REASON_MISSING', severity: 'error', cell: p.cell('2.3.2', 'reason') },
      { code: 'PII_ID_NUMBER', severity: 'error', cell: toA1(idRow, s.remarkCol) },
      a.phone,
    ]);
    expect(result.scorecard.total.toString()).toBe('94.9');
    expect(result.scorecard.grade).toBe('优秀');
  });

  test('a reader that cannot tell what is hidden still never reads the 2022 column', () => {
    const s = buildStaffSheet(rubric);
    const full = s.sheet();
    const rows: (Cell | undefined)[][] = Array.from({ length: full.rowCount }, (_, r) => Array.from({ length: full.colCount }, (_, c) => full.cell(r, c)));
    const result = validateSheet(new GridSheet('自评表', rows, [...full.merges]), rubric);
    expect(result.table.columns.score).toBe(s.plan.col.score);
  });
});

describe('hidden rows', () => {
  test('a hidden copy BELOW the visible row is ignored, with one warning at the visible score', () => {
    const p = buildSheet(rubric);
    const at = p.insertRow(p.rowOf['2.1.2'] + 1, { rule: '2、建立健全工作机制（1分）', score: 0, reason: '去年未建立' });
    const values = p.sheet();
    const rows = Array.from({ length: values.rowCount }, (_, r) => Array.from({ length: values.colCount }, (_, c) => values.cell(r, c)));
    const result = validateSheet(new GridSheet('s', rows, [...values.merges], { hiddenRows: new Set([at]) }), rubric);
    expect(brief(result.findings)).toEqual([{ code: 'LAYOUT_CHOICE', severity: 'warning', cell: p.cell('2.1.2', 'score') }]);
    expect(result.scorecard.total.toString()).toBe('95');
  });

  test('a hidden 合计 of last year and a hidden note row are not checked; a visible copy of both is', () => {
    const p = buildSheet(rubric);
    const scoreCol = p.col.score as number;
    const note = p.insertRow(p.rowOf['5.1.1'], { item: '（2022年新增条目，已取消）', score: 1 });
    const oldTotal = p.insertRow(p.totalRow as number, { item: '合计', score: 88.5 });
    const flat = p.sheet();
    const rows = Array.from({ length: flat.rowCount }, (_, r) => Array.from({ length: flat.colCount }, (_, c) => flat.cell(r, c)));
    const hidden = validateSheet(new GridSheet('s', rows, [...flat.merges], { hiddenRows: new Set([oldTotal, note]) }), rubric);
    expect(brief(hidden.findings)).toEqual([]);
    const shown = validateSheet(new GridSheet('s', rows, [...flat.merges]), rubric);
    expect(brief(shown.findings)).toEqual([
      { code: 'UNKNOWN_ROW', severity: 'warning', cell: toA1(note, p.col.item as number) },
      { code: 'TOTAL_MISMATCH', severity: 'error', cell: toA1(oldTotal, scoreCol) },
    ]);
  });
});

describe('columns of the same role', () => {
  const withColumns = (headers: string[], hiddenCols: number[] = []) => {
    const p = buildSheet(rubric, { grandTotal: false });
    const scoreCol = p.col.score as number;
    // Extra columns after 扣分说明, each a copy of this year's scores offset so reading one would be wrong.
    p.grid.forEach((row, r) => headers.forEach((h, i) => (row[7 + i] = r === p.headerRow ? h : typeof row[scoreCol] === 'number' ? 99 : null)));
    const flat = p.sheet();
    const rows = Array.from({ length: flat.rowCount }, (_, r) => Array.from({ length: flat.colCount }, (_, c) => flat.cell(r, c)));
    return { p, sheet: new GridSheet('s', rows, [...flat.merges], { hiddenCols: new Set(hiddenCols) }) };
  };

  test('a visible last-year column to the left loses to this year’s, with one warning', () => {
    const p = buildSheet(rubric, { grandTotal: false });
    for (const row of p.grid) row.splice(4, 0, null);
    p.grid[p.headerRow][4] = '2022年自评得分';
    for (const m of p.merges) if (m.left >= 4) (m.left++, m.right++);
    const flat = p.sheet();
    const result = validateSheet(flat, rubric);
    expect(result.table.columns.score).toBe(5);
    expect(brief(result.findings)).toEqual([{ code: 'LAYOUT_CHOICE', severity: 'warning', cell: toA1(p.headerRow, 5) }]);
    expect(result.findings[0].message).toContain('其他年度的 E 列“2022年自评得分”');
  });

  test('this year named in the header is this year’s column: no warning for 自评得分（2023年）', () => {
    const p = buildSheet(rubric, { grandTotal: false });
    p.grid[p.headerRow][p.col.score as number] = '自评得分（2023年）';
    expect(brief(validateSheet(p.sheet(), rubric).findings)).toEqual([]);
  });

  test('a hidden exact 自评得分 loses to a visible 自评分', () => {
    const { p, sheet } = withColumns(['自评得分'], [7]);
    sheet.cell(p.headerRow, 4)!.value = '自评分';
    const result = validateSheet(sheet, rubric);
    expect(result.table.columns.score).toBe(4);
    expect(brief(result.findings)).toEqual([{ code: 'LAYOUT_CHOICE', severity: 'warning', cell: toA1(p.headerRow, 4) }]);
    expect(result.findings[0].message).toContain('隐藏的 H 列“自评得分”');
  });

  test('two visible score columns: the left one is read and one warning says so', () => {
    const { p, sheet } = withColumns(['得分']);
    const result = validateSheet(sheet, rubric);
    expect(result.table.columns.score).toBe(4);
    expect(brief(result.findings)).toEqual([{ code: 'LAYOUT_CHOICE', severity: 'warning', cell: toA1(p.headerRow, 4) }]);
    expect(result.findings[0].message).toContain('忽略了H 列“得分”');
  });
});

describe('personal data', () => {
  test('an ID number is an error wherever it is: outside the table, in a hidden row, in the 填报人 line', () => {
    const s = buildStaffSheet(rubric);
    s.plan.grid[s.contactRow][0] = '填报人：张敏 11010519491231002X';
    s.plan.grid[s.staleRow][s.remarkCol] = '11010519491231002X';
    s.plan.grid[1][0] = '填报单位：江苏路街道 经办人身份证 11010519491231002X';
    const result = validateSheet(s.sheet(), rubric);
    const ids = result.findings.filter((f) => f.code === 'PII_ID_NUMBER');
    expect(ids.map((f) => [f.cell, f.severity])).toEqual([
      ['A2', 'error'],
      [toA1(s.staleRow, s.remarkCol), 'error'],
      [toA1(s.contactRow, 0), 'error'],
    ]);
    expect(ids[0].message).toContain('110105********002X');
    expect(ids[0].message).not.toContain('11010519491231002X');
  });

  test('a mobile number above or below the table but not in a contact line stays a warning', () => {
    const s = buildStaffSheet(rubric);
    s.plan.grid[s.contactRow + 1][4] = '王立新 13612345678';
    s.plan.grid[s.contactRow + 1][0] = null;
    const result = validateSheet(s.sheet(), rubric);
    const phones = result.findings.filter((f) => f.code === 'PII_PHONE').map((f) => [f.cell, f.severity]);
    expect(phones).toEqual([
      [s.contactCell, 'info'],
      [toA1(s.contactRow + 1, 4), 'warning'],
    ]);
  });

  test('a checksum-invalid 18-digit number is not an ID number', () => {
    const s = buildStaffSheet(rubric);
    s.plan.grid[s.plan.rowOf['3.1.2']][s.remarkCol] = '文号 110105194912310021';
    const result = validateSheet(s.sheet(), rubric);
    expect(result.findings.filter((f) => f.code === 'PII_ID_NUMBER')).toEqual([]);
  });
});
