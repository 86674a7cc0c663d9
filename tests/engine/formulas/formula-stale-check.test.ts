import { findStaleFormulas, formulaStaleCheck } from '../../../src/engine/formulas/formula-stale-check';
import { fromA1, GridSheet, type Cell, type CellValue, type MergeRange } from '../../../src/engine/sheet/sheet-model';
import { buildTemplateSpec } from '../../../src/engine/template/build-template';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import type { LocatedTable } from '../../../src/engine/locate/locate-table';
import { loadBundled } from '../../rubric/bundled';

const rubric = loadBundled();

/** A cell holding `formula` (as saved in a file) with `cached` as its last computed result. */
const f = (formula: string, cached: CellValue): Cell => ({ formula, value: cached });
const v = (value: CellValue): Cell => ({ value });

/**
 * A2:C2 inputs (max 2, 6 cases at 0.2 → 0.8), D2 the clause score, then a category subtotal and a grade.
 * `d2`, `e2` and `f2` are the cached results the "file" holds.
 */
function sheet(d2: CellValue, e2: CellValue = 0.8, f2: CellValue = '不合格', formulaD2 = '_xldudf_RUBRIC_SCORE_DEDUCT(A2,B2,C2)'): GridSheet {
  return new GridSheet('自评表', [
    [v('满分'), v('例数'), v('每例'), v('得分'), v('小计'), v('等第')],
    [v(2), v(6), v(0.2), f(formulaD2, d2), f('_xldudf_RUBRIC_SCORE_SUM(D2:D3,25)', e2), f('RUBRIC.SCORE_GRADE(E2)', f2)],
  ]);
}

describe('FORMULA_STALE', () => {
  test('nothing to report when every cached result is what the formula gives', () => {
    expect(findStaleFormulas(sheet(0.8), rubric)).toEqual([]);
  });

  test('reports a stale result at its cell, saying what it should be', () => {
    const [finding, ...rest] = findStaleFormulas(sheet(1.2, 1.2), rubric);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'FORMULA_STALE', severity: 'error', sheet: '自评表', cell: 'D2' });
    expect(finding!.message).toContain('=RUBRIC.SCORE_DEDUCT(A2,B2,C2)');
    expect(finding!.message).toContain('应得 0.8');
    expect(finding!.message).toContain('保存的结果是 1.2');
  });

  test('a total is judged on the cached values it sums, so one stale cell is one finding', () => {
    // D2 holds 1.2 (stale) and E2 sums that cached 1.2 correctly: only D2 is wrong.
    expect(findStaleFormulas(sheet(1.2, 1.2), rubric).map((x) => x.cell)).toEqual(['D2']);
    // E2 disagrees with the D2 it sums: E2 is reported too.
    expect(findStaleFormulas(sheet(0.8, 0.9), rubric).map((x) => x.cell)).toEqual(['E2']);
  });

  test('text results are compared too', () => {
    expect(findStaleFormulas(sheet(0.8, 0.8, '合格'), rubric).map((x) => x.cell)).toEqual(['F2']);
  });

  test('#NAME? saved while the add-in was not loaded says so', () => {
    const [finding] = findStaleFormulas(sheet({ error: '#NAME?' }), rubric);
    expect(finding!.cell).toBe('D2');
    expect(finding!.message).toContain('评分助手未加载');
    expect(finding!.message).toContain('应得 0.8');
  });

  test('a formula that now gives an error, cached as a number, is stale with the reason', () => {
    const s = new GridSheet('表', [[v(2), v(-1), v(0.5), f('RUBRIC.SCORE_DEDUCT(A1,B1,C1)', 2)]]);
    const [finding] = findStaleFormulas(s, rubric);
    expect(finding!.cell).toBe('D1');
    expect(finding!.message).toContain('#NUM!');
    expect(finding!.message).toContain('参数“cases”');
  });

  test('the same error cached and computed agrees', () => {
    const s = new GridSheet('表', [[v(2), v(-1), v(0.5), f('RUBRIC.SCORE_DEDUCT(A1,B1,C1)', { error: '#NUM!' })]]);
    expect(findStaleFormulas(s, rubric)).toEqual([]);
  });

  test('differences beyond 15 significant digits are float noise, not staleness', () => {
    expect(findStaleFormulas(sheet(0.8000000000000002), rubric)).toEqual([]);
    expect(findStaleFormulas(sheet(0.7999999999999998), rubric)).toEqual([]);
  });

  test('skips what it cannot check: never-calculated cells, other formulas, unknown functions, other sheets', () => {
    const s = new GridSheet('表', [
      [v(2), v(6), v(0.2), f('RUBRIC.SCORE_DEDUCT(A1,B1,C1)', null)],
      [v(1), v(2), v(3), f('SUM(A2:C2)', 99)],
      [v(1), f('RUBRIC.SCORE_DEDUCT(2,OTHERADDIN.COUNT(A1),0.5)', 2)],
      [v(1), f("RUBRIC.SCORE_DEDUCT(2,'其他表'!A1,0.5)", 2)],
    ]);
    expect(findStaleFormulas(s, rubric)).toEqual([]);
  });

  test('text cells stay text: "15%" typed as text is still read as a rate', () => {
    const s = new GridSheet('表', [[v('25%'), f('RUBRIC.SCORE_BAND(A1,0.1,0.1,0.1,0.5)', 0.4)]]);
    expect(findStaleFormulas(s, rubric)).toEqual([]);
  });

  test('writes its message in the validation locale', () => {
    const [finding] = findStaleFormulas(sheet(1.2, 1.2), rubric, 'en');
    expect(finding!.message).toContain('gives 0.8');
    expect(finding!.message).toContain('the cell holds 1.2');
  });

  test('as a SheetCheck, names the clause of a row the table located', () => {
    const table = { rows: [{ row: 1, section: 'base', clauseIds: ['3.6.2'] }] } as unknown as LocatedTable;
    const findings = formulaStaleCheck({ sheet: sheet(1.2, 1.2), rubric, table, locale: 'zh-CN' });
    expect(findings.map((x) => [x.cell, x.clauseId])).toEqual([['D2', '3.6.2']]);
  });

  test('also recognises the RUBRIC. form written in the pane', () => {
    expect(findStaleFormulas(sheet(1, 1, '不合格', 'RUBRIC.SCORE_DEDUCT(A2,B2,C2)'), rubric).map((x) => x.cell)).toEqual(['D2']);
  });
});

describe('FORMULA_STALE through the validator', () => {
  test('validateSheet with the check as an extra check reports the stale score cell of a located clause', () => {
    const spec = buildTemplateSpec(rubric);
    const rows: (Cell | undefined)[][] = [];
    const put = (address: string, cell: Cell) => {
      const { row, col } = fromA1(address);
      while (rows.length <= row) rows.push([]);
      rows[row]![col] = cell;
    };
    for (const cell of spec.cells) if (cell.value !== undefined) put(cell.address, { value: cell.value });
    // 3.6.2 deducts 0.2 per case: 6 cases leave 0.8, but the file still holds 2.
    const score = spec.cells.find((c) => c.clauseId === '3.6.2')!.address;
    const { row } = fromA1(score);
    put(`H${row + 1}`, { value: 6 });
    put(score, f(`_xldudf_RUBRIC_SCORE_CLAUSE("3.6.2",H${row + 1})`, 2));
    const merges: MergeRange[] = spec.merges.map((range) => {
      const [a, b] = range.split(':').map(fromA1);
      return { top: a!.row, left: a!.col, bottom: b!.row, right: b!.col };
    });
    const result = validateSheet(new GridSheet(spec.sheetName, rows, merges), rubric, { extraChecks: [formulaStaleCheck] });
    const stale = result.findings.filter((x) => x.code === 'FORMULA_STALE');
    expect(stale.map((x) => [x.cell, x.clauseId])).toEqual([[score, '3.6.2']]);
    expect(stale[0]!.message).toContain('应得 0.8');
  });
});
