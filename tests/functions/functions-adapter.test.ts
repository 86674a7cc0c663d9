/**
 * src/functions/functions.ts as Excel calls it: results as numbers/text, argument errors as
 * CustomFunctions.Error with the engine's message in Office's display language.
 */
jest.mock('../../src/host/bundled-rubric', () => {
  // Read from disk and checked by parseRubric, as the CLI reads it.
  const { loadBundled } = jest.requireActual('../rubric/bundled');
  const rubric = loadBundled();
  return { bundledContext: { rubric: () => rubric } };
});

/** What Excel's runtime provides: CustomFunctions.Error(code, message) and the error codes. */
class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = { invalidValue: '#VALUE!', invalidNumber: '#NUM!' };
Object.assign(globalThis, { CustomFunctions: { Error: FakeCustomFunctionsError, ErrorCode } });

import * as fns from '../../src/functions/functions';

function setDisplayLanguage(lang: string | undefined): void {
  Object.assign(globalThis, { Office: lang === undefined ? undefined : { context: { displayLanguage: lang } } });
}

function thrown(fn: () => unknown): FakeCustomFunctionsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FakeCustomFunctionsError);
    return err as FakeCustomFunctionsError;
  }
  throw new Error('expected the function to throw');
}

afterEach(() => setDisplayLanguage(undefined));

describe('custom functions as Excel calls them', () => {
  test('return exact results as plain numbers', () => {
    expect(fns.scoreDeduct(2, 6, 0.2)).toBe(0.8);
    expect(fns.scoreBand(0.06, 0.05, 0.01, 0.1, 0.5, null)).toBe(0.4);
    expect(fns.scoreThreshold(0.85, '>', 0.8, 1)).toBe(1);
    expect(fns.scoreTier(1, [[2, 1]], [[1, 0.5]])).toBe(0.5);
    expect(fns.scoreAdd(3, 0.1, 0.5)).toBe(0.3);
    expect(fns.scoreRatio(1, 2, 3)).toBe(0.67);
    expect(fns.scoreBinary('√', 0.5)).toBe(0.5);
    expect(fns.scoreSum([[0.1], [0.2], [null]], null, null)).toBe(0.3);
    expect(fns.rubricMax('3.6')).toBe(6);
  });

  test('read the bundled rubric for grades and clauses', () => {
    expect(fns.scoreGrade(85, null)).toBe('良好');
    expect(fns.scoreGrade(95, '是')).toBe('不合格');
    expect(fns.scoreClause('3.5.1', [true, true, 2])).toBe(0.6);
    // Excel passes an unused repeating parameter as one empty value.
    expect(fns.scoreClause('7.1.3', [null])).toBe(0);
  });

  test('a wrong kind of value is #VALUE! with a Chinese message naming the argument', () => {
    const err = thrown(() => fns.scoreDeduct(2, '三', 0.5));
    expect(err.code).toBe('#VALUE!');
    expect(err.message).toContain('参数“cases”（发现例数）');
    expect(err.message).toContain('收到“三”');
  });

  test('a number out of range is a bare #NUM!: Excel shows no custom message on #NUM!, so none is given', () => {
    const err = thrown(() => fns.scoreBand(0.06, 0.05, 0, 0.1, 0.5, null));
    expect(err.code).toBe('#NUM!');
    expect(err.message ?? '').toBe('');
  });

  test('English when Office shows English, Chinese for any other language', () => {
    setDisplayLanguage('en-US');
    expect(fns.displayLocale()).toBe('en');
    expect(thrown(() => fns.scoreDeduct(2, '三', 0.5)).message).toContain('Argument "cases" (cases found)');
    setDisplayLanguage('zh-CN');
    expect(thrown(() => fns.scoreDeduct(2, '三', 0.5)).message).toContain('参数“cases”');
    setDisplayLanguage('fr-FR');
    expect(fns.displayLocale()).toBe('zh-CN');
    setDisplayLanguage(undefined);
    expect(fns.displayLocale()).toBe('zh-CN');
  });

  test('an unexpected failure still surfaces as #VALUE! with its message', () => {
    const err = fns.toExcelError(new Error('boom'));
    expect(err).toBeInstanceOf(FakeCustomFunctionsError);
    expect((err as unknown as FakeCustomFunctionsError).code).toBe('#VALUE!');
    expect(err.message).toBe('boom');
  });
});
