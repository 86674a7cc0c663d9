import fc from 'fast-check';
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { ENGINE_CONFIG, evaluateFormula } from '../../../src/engine/formulas/evaluate-formula';
import { toEngineFormula } from '../../../src/engine/formulas/formula-text';
import {
  registerRubricPlugin,
  setDefaultFormulaContext,
  withFormulaContext,
} from '../../../src/engine/formulas/rubric-plugin';
import { callFunction, rubricContext } from '../../../src/engine/functions/catalog';
import { loadBundled } from '../../rubric/bundled';

const rubric = loadBundled();

/** Build a one-sheet workbook and read the value at `at` (A1) inside a formula context. */
function computeSheet(rows: RawCellContent[][], at: { row: number; col: number }, locale: 'zh-CN' | 'en' = 'zh-CN') {
  registerRubricPlugin();
  return withFormulaContext({ rubric, locale }, () => {
    const hf = HyperFormula.buildFromArray(rows, ENGINE_CONFIG);
    try {
      return hf.getCellValue({ sheet: 0, ...at });
    } finally {
      hf.destroy();
    }
  });
}

describe('evaluateFormula', () => {
  test('computes the RUBRIC functions under their dotted names, with or without the prefix', () => {
    expect(evaluateFormula('=RUBRIC.SCORE_BAND(0.06,0.05,0.01,0.1,0.5)', rubric)).toEqual({ ok: true, value: 0.4 });
    expect(evaluateFormula('SCORE_BAND(0.06,0.05,0.01,0.1,0.5)', rubric)).toEqual({ ok: true, value: 0.4 });
    expect(evaluateFormula('=_xldudf_RUBRIC_SCORE_DEDUCT(2,6,0.2)', rubric)).toEqual({ ok: true, value: 0.8 });
    expect(evaluateFormula('=RUBRIC.SCORE_GRADE(RUBRIC.SCORE_SUM({60,25,5}), FALSE)', rubric)).toEqual({ ok: true, value: '优秀' });
  });

  test('mixes with native functions and array constants', () => {
    expect(evaluateFormula('=MIN(25, RUBRIC.SCORE_SUM({10,10,10}))', rubric)).toEqual({ ok: true, value: 25 });
    expect(evaluateFormula('=RUBRIC.SCORE_TIER(1,{2,1},{1,0.5})', rubric)).toEqual({ ok: true, value: 0.5 });
    expect(evaluateFormula('=RUBRIC.SCORE_CLAUSE("3.6.4", 6%, 11%)', rubric)).toEqual({ ok: true, value: 0.9 });
  });

  test('an argument error is the Excel code with the message naming the argument, in the asked language', () => {
    expect(evaluateFormula('=RUBRIC.SCORE_DEDUCT(2,-1,0.5)', rubric)).toEqual({
      ok: false,
      code: '#NUM!',
      message: '参数“cases”（发现例数）应为 0 或正整数，收到“-1”。请填写发现的例数，如 0、1、2。',
    });
    const en = evaluateFormula('=RUBRIC.SCORE_BINARY("maybe",1)', rubric, 'en');
    expect(en).toMatchObject({ ok: false, code: '#VALUE!' });
    expect(!en.ok && en.message).toContain('Argument "met" (requirement met)');
  });

  test('an error in an argument passes through, as in Excel', () => {
    expect(evaluateFormula('=RUBRIC.SCORE_DEDUCT(2,1/0,0.5)', rubric)).toMatchObject({ ok: false, code: '#DIV/0!' });
    expect(evaluateFormula('=RUBRIC.SCORE_DEDUCT(2,NA(),0.5)', rubric)).toMatchObject({ ok: false, code: '#N/A' });
  });

  test('too few arguments names the function and how to write it', () => {
    const result = evaluateFormula('=RUBRIC.SCORE_DEDUCT(2,3)', rubric);
    expect(result).toMatchObject({ ok: false, code: '#N/A' });
    expect(!result.ok && result.message).toContain('RUBRIC.SCORE_DEDUCT(max, cases, per_case)');
  });

  test('text that is not a formula is a syntax problem, not a value', () => {
    expect(evaluateFormula('=SCORE_DEDUCT(2,', rubric)).toMatchObject({ ok: false, code: '#SYNTAX!' });
  });
});

describe('the plugin inside a sheet', () => {
  test('reads cells as Excel passes them: numbers, text, percentages typed as text', () => {
    const rows: RawCellContent[][] = [[2, 3, 0.5, "'25%", '=RUBRIC.SCORE_DEDUCT(A1,B1,C1)', '=RUBRIC.SCORE_BAND(D1,0.1,0.1,0.1,0.5)']];
    expect(computeSheet(rows, { row: 0, col: 4 })).toBe(0.5);
    expect(computeSheet(rows, { row: 0, col: 5 })).toBe(0.4);
  });

  test('an empty input cell is reported as empty, not read as 0', () => {
    const value = computeSheet([[2, null, 0.5, '=RUBRIC.SCORE_DEDUCT(A1,B1,C1)']], { row: 0, col: 3 });
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).value).toBe('#VALUE!');
    expect((value as DetailedCellError).message).toContain('参数“cases”（发现例数）为空');
  });

  test('ranges skip empty cells and report the first error inside them', () => {
    const rows: RawCellContent[][] = [[0.1, '=RUBRIC.SCORE_SUM(A1:A3)'], [null, '=RUBRIC.SCORE_SUM(A1:A4, 5)'], [0.2], ['#N/A']];
    expect(computeSheet(rows, { row: 0, col: 1 })).toBe(0.3);
    expect((computeSheet(rows, { row: 1, col: 1 }) as DetailedCellError).value).toBe('#N/A');
  });

  test('a range of 是/否 and repeating SCORE_CLAUSE inputs from cells', () => {
    const rows: RawCellContent[][] = [["'是", "'否", 3, '=RUBRIC.SCORE_CLAUSE("3.5.1",A1,B1,C1)', '=RUBRIC.SCORE_CLAUSE("3.5.1",A1,A1,1)']];
    expect(computeSheet(rows, { row: 0, col: 3 })).toBe(0);
    expect(computeSheet(rows, { row: 0, col: 4 })).toBe(0.8);
  });

  test('the rubric comes from the context; without one the rubric functions say so', () => {
    registerRubricPlugin();
    const hf = HyperFormula.buildFromArray([['=RUBRIC.RUBRIC_MAX("3.6")', '=RUBRIC.SCORE_ADD(3,0.1,0.5)']], ENGINE_CONFIG);
    try {
      expect((hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as DetailedCellError).message).toMatch(/withFormulaContext/);
      // Functions that need no rubric work anywhere.
      expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(0.3);
      setDefaultFormulaContext({ rubric, locale: 'zh-CN' });
      hf.rebuildAndRecalculate();
      expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(6);
    } finally {
      setDefaultFormulaContext(undefined);
      hf.destroy();
    }
  });

  test('a result computed under one rubric is never reused under another', () => {
    const other = { ...rubric, grades: { ...rubric.grades, bands: rubric.grades.bands.map((b, i) => (i === 0 ? { ...b, grade: 'A' } : b)) } };
    expect(evaluateFormula('=SCORE_GRADE(95)', rubric)).toEqual({ ok: true, value: '优秀' });
    expect(evaluateFormula('=SCORE_GRADE(95)', other)).toEqual({ ok: true, value: 'A' });
    expect(evaluateFormula('=SCORE_GRADE(95)', rubric)).toEqual({ ok: true, value: '优秀' });
  });

  test('repeated calls give the same result as the first, text and numbers kept apart', () => {
    expect(evaluateFormula('=SCORE_DEDUCT(2,"3",0.5)+SCORE_DEDUCT(2,3,0.5)+SCORE_DEDUCT(2,3,0.5)', rubric)).toEqual({ ok: true, value: 1.5 });
    expect(evaluateFormula('=SCORE_BINARY("1",1)&SCORE_BINARY(1,1)&SCORE_BINARY("0",1)&SCORE_BINARY(0,1)', rubric)).toEqual({ ok: true, value: '1100' });
  });

  test('registering twice is harmless', () => {
    registerRubricPlugin();
    expect(() => registerRubricPlugin()).not.toThrow();
  });
});

describe('the plugin agrees with the implementation Excel runs', () => {
  test('SCORE_DEDUCT and SCORE_BAND on random inputs', () => {
    const ctx = rubricContext(rubric);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (max, cases, per, ratePct) => {
          const deduct = evaluateFormula(`=RUBRIC.SCORE_DEDUCT(${max / 100},${cases},${per / 100})`, rubric);
          expect(deduct).toEqual({ ok: true, value: callFunction('SCORE_DEDUCT', [max / 100, cases, per / 100], ctx) });
          const band = evaluateFormula(toEngineFormula(`SCORE_BAND(${ratePct}%,5%,1%,${per / 100},${max / 100})`), rubric);
          expect(band).toEqual({ ok: true, value: callFunction('SCORE_BAND', [ratePct / 100, 0.05, 0.01, per / 100, max / 100], ctx) });
        },
      ),
      { numRuns: 40 },
    );
  });
});
