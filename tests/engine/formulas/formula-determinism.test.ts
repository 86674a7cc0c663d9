import { findStaleFormulas } from '../../../src/engine/formulas/formula-stale-check';
import { cellsOnCycles } from '../../../src/engine/formulas/formula-cycles';
import { callsVolatileFunction, nestingDepth, toEngineFormula } from '../../../src/engine/formulas/formula-text';
import { evaluateFormula } from '../../../src/engine/formulas/evaluate-formula';
import { GridSheet, type Cell, type CellValue } from '../../../src/engine/sheet/sheet-model';
import { loadBundled } from '../../rubric/bundled';
import { run } from '../../cli/helpers';

const rubric = loadBundled();
const f = (formula: string, cached: CellValue): Cell => ({ formula, value: cached });
const v = (value: CellValue): Cell => ({ value });

describe('FORMULA_STALE is deterministic', () => {
  test('a formula calling a volatile function is not compared, whatever it holds', () => {
    for (const fn of ['RAND()', 'RANDBETWEEN(1,9)', 'NOW()', 'TODAY()', 'OFFSET(A1,0,0)', 'INDIRECT("A1")', '_xlfn.RANDARRAY(1)']) {
      expect(callsVolatileFunction(`RUBRIC.SCORE_DEDUCT(2,${fn},0.2)`)).toBe(true);
      const s = new GridSheet('表', [[v(2), f(`RUBRIC.SCORE_DEDUCT(A1,${fn},0.2)`, 1.4)]]);
      expect(findStaleFormulas(s, rubric)).toEqual([]);
    }
    // A function name inside a string or as part of a longer name is not a call.
    expect(callsVolatileFunction('RUBRIC.SCORE_DEDUCT(2,LEN("NOW()"),0.2)')).toBe(false);
    expect(callsVolatileFunction('MYRAND(1)')).toBe(false);
  });

  test('a circular reference is one warning for the circle, and none of its formulas is compared', () => {
    const s = new GridSheet('表', [
      [v(2), f('RUBRIC.SCORE_DEDUCT(A1,C1,0.2)', 9), f('RUBRIC.SCORE_SUM(B1,25)', 9)],
      [v(2), f('RUBRIC.SCORE_SUM(A2:B2,25)', 7), v(null)],
      [v(2), v(1), f('RUBRIC.SCORE_DEDUCT(A3,B3,0.2)', 99)],
    ]);
    expect([...cellsOnCycles(s)].sort()).toEqual(['0,1', '0,2', '1,1']);
    const findings = findStaleFormulas(s, rubric);
    const circular = findings.filter((x) => x.code === 'FORMULA_CIRCULAR');
    expect(circular).toHaveLength(1);
    expect(circular[0]).toMatchObject({ severity: 'warning', cell: 'B1' });
    expect(circular[0].message).toContain('B1、C1、B2');
    // The formula outside the circle is still compared: C3 holds 99 but gives 1.8.
    expect(findings.filter((x) => x.code === 'FORMULA_STALE').map((x) => x.cell)).toEqual(['C3']);
    expect(findStaleFormulas(s, rubric, 'en').find((x) => x.code === 'FORMULA_CIRCULAR')!.message).toContain('B1, C1, B2');
  });

  test('a formula nested too deeply is skipped with a warning, the rest of the sheet still checked', () => {
    const deep = `RUBRIC.SCORE_SUM(${'('.repeat(5000)}1${')'.repeat(5000)},25)`;
    expect(nestingDepth(deep)).toBe(5001);
    const s = new GridSheet('表', [[f(deep, 1), v(2), f('RUBRIC.SCORE_DEDUCT(B1,1,0.2)', 5)]]);
    const findings = findStaleFormulas(s, rubric);
    expect(findings.map((x) => [x.code, x.cell, x.severity])).toEqual([
      ['FORMULA_TOO_DEEP', 'A1', 'warning'],
      ['FORMULA_STALE', 'C1', 'error'],
    ]);
  });
});

describe('eval: exponents and exact results', () => {
  test('1E2, 1E+2 and 1.5E-3 are numbers; cell references such as E2 are left alone', () => {
    expect(toEngineFormula('=1E2+1.5E-3+E2')).toBe('=1e2+1.5e-3+E2');
    expect(toEngineFormula('="1E2"&1E+2')).toBe('="1E2"&1e+2');
    expect(evaluateFormula('=1E2', rubric)).toEqual({ ok: true, value: 100 });
    expect(evaluateFormula('=1.5E-3*2', rubric)).toEqual({ ok: true, value: 0.003 });
  });

  test('results are not rounded to 10 places by HyperFormula; the CLI prints Excel\'s 15 digits', async () => {
    expect(evaluateFormula('=1/3', rubric)).toEqual({ ok: true, value: 1 / 3 });
    expect(evaluateFormula('=RUBRIC.SCORE_DEDUCT(2,3,0.12345678901234)', rubric)).toEqual({ ok: true, value: 1.62962963296298 });
    expect((await run('eval', '=1/3')).out).toBe('0.333333333333333');
    expect((await run('eval', '=0.1+0.2')).out).toBe('0.3');
    expect((await run('eval', '=1E2')).out).toBe('100');
  });
});
