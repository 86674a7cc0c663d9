import { callFunction, FUNCTIONS, functionDecl, rubricContext, type FunctionName } from '../../src/engine/functions/catalog';
import { clauseInputNames } from '../../src/engine/functions/clause-inputs';
import { indexRubric } from '../../src/engine/rubric-index';
import { expectArgError } from '../engine/arg-error';
import { loadBundled } from '../rubric/bundled';

const rubric = loadBundled();
const ctx = rubricContext(rubric);
const call = (name: FunctionName, ...args: unknown[]) => callFunction(name, args, ctx);

describe('the declaration list', () => {
  test('declares each RUBRIC function once', () => {
    expect(FUNCTIONS.map((f) => f.name).sort()).toEqual(
      [
        'RUBRIC_MAX',
        'SCORE_ADD',
        'SCORE_BAND',
        'SCORE_BINARY',
        'SCORE_CLAUSE',
        'SCORE_DEDUCT',
        'SCORE_GRADE',
        'SCORE_RATIO',
        'SCORE_SUM',
        'SCORE_THRESHOLD',
        'SCORE_TIER',
      ].sort(),
    );
  });

  test('optional and repeating parameters come last', () => {
    for (const f of FUNCTIONS) {
      const firstOptional = f.params.findIndex((p) => p.optional || p.repeating);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional || p.repeating)).toBe(true);
    }
  });

  test('looks a function up by name in any case', () => {
    expect(functionDecl('score_deduct')?.name).toBe('SCORE_DEDUCT');
    expect(functionDecl('SUM')).toBeUndefined();
  });
});

describe('SCORE_DEDUCT', () => {
  test('full marks with no cases, one step per case, never below 0', () => {
    expect(call('SCORE_DEDUCT', 2, 0, 0.5)).toBe(2);
    expect(call('SCORE_DEDUCT', 2, 3, 0.5)).toBe(0.5);
    expect(call('SCORE_DEDUCT', 2, 4, 0.5)).toBe(0);
    expect(call('SCORE_DEDUCT', 2, 100, 0.5)).toBe(0);
  });

  test('is exact where binary floating point is not: 2 − 6 × 0.2 is 0.8', () => {
    expect(2 - 6 * 0.2).not.toBe(0.8);
    expect(call('SCORE_DEDUCT', 2, 6, 0.2)).toBe(0.8);
    expect(call('SCORE_DEDUCT', 1, 7, 0.1)).toBe(0.3);
  });

  test('accepts numbers typed as text, full-width digits included', () => {
    expect(call('SCORE_DEDUCT', '2', '３', '0.5')).toBe(0.5);
  });

  test('names the argument that is wrong', () => {
    expectArgError(() => call('SCORE_DEDUCT', 2, -1, 0.5), '#NUM!', 'cases', '-1');
    expectArgError(() => call('SCORE_DEDUCT', 2, 1.5, 0.5), '#NUM!', 'cases', '1.5');
    expectArgError(() => call('SCORE_DEDUCT', 2, '两例', 0.5), '#VALUE!', 'cases', '两例');
    expectArgError(() => call('SCORE_DEDUCT', null, 1, 0.5), '#VALUE!', 'max');
    expectArgError(() => call('SCORE_DEDUCT', 2, 1, -0.5), '#NUM!', 'per_case', '-0.5');
  });

  test('labels per_case in both languages', () => {
    const err = expectArgError(() => call('SCORE_DEDUCT', 2, 1, 'x'), '#VALUE!', 'per_case', 'x');
    expect(err.message).toContain('（每例分值）');
    expect(err.localized('en')).toContain('(points per case)');
  });
});

describe('SCORE_BAND', () => {
  test('6% against ≤5% in 1% steps is one step: 0.4 (floating point counts 0.99… steps)', () => {
    expect(Math.floor((0.06 - 0.05) / 0.01)).toBe(0);
    expect(call('SCORE_BAND', 0.06, 0.05, 0.01, 0.1, 0.5)).toBe(0.4);
  });

  test('full marks up to and at the threshold', () => {
    expect(call('SCORE_BAND', 0, 0.1, 0.1, 0.1, 0.5)).toBe(0.5);
    expect(call('SCORE_BAND', 0.1, 0.1, 0.1, 0.1, 0.5)).toBe(0.5);
  });

  test('counts full steps by default and started steps on request', () => {
    expect(call('SCORE_BAND', 0.15, 0.1, 0.1, 0.1, 0.5)).toBe(0.5);
    expect(call('SCORE_BAND', 0.15, 0.1, 0.1, 0.1, 0.5, 'started')).toBe(0.4);
    expect(call('SCORE_BAND', 0.2, 0.1, 0.1, 0.1, 0.5, 'full')).toBe(0.4);
    expect(call('SCORE_BAND', 0.2, 0.1, 0.1, 0.1, 0.5, '')).toBe(0.4);
  });

  test('deducts until nothing is left', () => {
    expect(call('SCORE_BAND', 0.6, 0.1, 0.1, 0.1, 0.5)).toBe(0);
    expect(call('SCORE_BAND', 1, 0.1, 0.1, 0.1, 0.5)).toBe(0);
  });

  test('reads a rate as 0.25, "25%" or 25 alike', () => {
    const expected = call('SCORE_BAND', 0.25, 0.1, 0.1, 0.1, 0.5);
    expect(expected).toBe(0.4);
    expect(call('SCORE_BAND', '25%', '10%', '10%', 0.1, 0.5)).toBe(expected);
    expect(call('SCORE_BAND', 25, 10, 10, 0.1, 0.5)).toBe(expected);
  });

  test('rejects bad rates, steps and modes by name', () => {
    expectArgError(() => call('SCORE_BAND', -0.1, 0.05, 0.01, 0.1, 0.5), '#NUM!', 'rate', '-0.1');
    expectArgError(() => call('SCORE_BAND', 150, 0.05, 0.01, 0.1, 0.5), '#NUM!', 'rate', '150');
    expectArgError(() => call('SCORE_BAND', 0.06, 0.05, 0, 0.1, 0.5), '#NUM!', 'step', '0');
    expectArgError(() => call('SCORE_BAND', 0.06, 0.05, 0.01, 0.1, 0.5, 'round'), '#VALUE!', 'mode', 'round');
    expectArgError(() => call('SCORE_BAND', 0.06, 0.05, 0.01, -0.1, 0.5), '#NUM!', 'per_step', '-0.1');
  });
});

describe('SCORE_THRESHOLD', () => {
  test('> and >= differ exactly at the threshold', () => {
    expect(call('SCORE_THRESHOLD', 0.8, '>', 0.8, 1)).toBe(0);
    expect(call('SCORE_THRESHOLD', 0.8, '>=', 0.8, 1)).toBe(1);
    expect(call('SCORE_THRESHOLD', 0.81, '>', 0.8, 1)).toBe(1);
    expect(call('SCORE_THRESHOLD', 2, '<=', 2, 0.5)).toBe(0.5);
    expect(call('SCORE_THRESHOLD', 2, '<', 2, 0.5)).toBe(0);
  });

  test('accepts the symbols a Chinese IME types', () => {
    expect(call('SCORE_THRESHOLD', 0.8, '≥', 0.8, 1)).toBe(1);
    expect(call('SCORE_THRESHOLD', 0.8, '不低于', 0.8, 1)).toBe(1);
  });

  test('names a bad comparison or value', () => {
    expectArgError(() => call('SCORE_THRESHOLD', 0.8, '=>', 0.8, 1), '#VALUE!', 'comparison', '=>');
    expectArgError(() => call('SCORE_THRESHOLD', '八成', '>', 0.8, 1), '#VALUE!', 'value', '八成');
    expectArgError(() => call('SCORE_THRESHOLD', 0.8, '>', 0.8, -1), '#NUM!', 'points', '-1');
  });
});

describe('SCORE_TIER', () => {
  test('the first tier reached, in the order given; 0 when none', () => {
    expect(call('SCORE_TIER', 3, [[2, 1]], [[1, 0.5]])).toBe(1);
    expect(call('SCORE_TIER', 2, [[2, 1]], [[1, 0.5]])).toBe(1);
    expect(call('SCORE_TIER', 1, [[2], [1]], [[1], [0.5]])).toBe(0.5);
    expect(call('SCORE_TIER', 0, [[2, 1]], [[1, 0.5]])).toBe(0);
  });

  test('skips empty cells in the ranges', () => {
    expect(call('SCORE_TIER', 1, [[2, null, 1]], [[1, '', 0.5]])).toBe(0.5);
  });

  test('needs tiers, paired one to one', () => {
    expectArgError(() => call('SCORE_TIER', 1, [[2, 1]], [[1]]), '#VALUE!', 'thresholds');
    expectArgError(() => call('SCORE_TIER', 1, [[null]], [[1]]), '#VALUE!', 'thresholds');
    expectArgError(() => call('SCORE_TIER', 1, [[2, 'x']], [[1, 0.5]]), '#VALUE!', 'thresholds[0][1]', 'x');
  });
});

describe('SCORE_ADD', () => {
  test('adds exactly per case up to the cap: 3 × 0.1 is 0.3', () => {
    expect(3 * 0.1).not.toBe(0.3);
    expect(call('SCORE_ADD', 3, 0.1, 0.5)).toBe(0.3);
    expect(call('SCORE_ADD', 0, 0.1, 0.5)).toBe(0);
    expect(call('SCORE_ADD', 5, 0.1, 0.5)).toBe(0.5);
    expect(call('SCORE_ADD', 6, 0.1, 0.5)).toBe(0.5);
  });

  test('counts whole cases only', () => {
    expectArgError(() => call('SCORE_ADD', 2.5, 0.1, 0.5), '#NUM!', 'count', '2.5');
    expectArgError(() => call('SCORE_ADD', 2, 0.1, -1), '#NUM!', 'cap', '-1');
  });
});

describe('SCORE_RATIO', () => {
  test('proportional, rounded half-up to 0.01', () => {
    expect(call('SCORE_RATIO', 1, 2, 3)).toBe(0.67);
    expect(call('SCORE_RATIO', 1, 1, 8)).toBe(0.13);
    expect(call('SCORE_RATIO', 2, 3, 3)).toBe(2);
    expect(call('SCORE_RATIO', 2, 0, 3)).toBe(0);
  });

  test('refuses a share above the whole and a whole of 0', () => {
    expectArgError(() => call('SCORE_RATIO', 1, 4, 3), '#NUM!', 'compliant');
    expectArgError(() => call('SCORE_RATIO', 1, 0, 0), '#NUM!', 'total');
  });
});

describe('SCORE_BINARY', () => {
  test.each([true, 1, '是', '√', 'TRUE', 'y'])('%p is met', (met) => {
    expect(call('SCORE_BINARY', met, 1)).toBe(1);
  });
  test.each([false, 0, '否', '×', 'FALSE', 'n'])('%p is not met', (met) => {
    expect(call('SCORE_BINARY', met, 1)).toBe(0);
  });
  test('names a value that is neither', () => {
    expectArgError(() => call('SCORE_BINARY', '部分', 1), '#VALUE!', 'met', '部分');
    expectArgError(() => call('SCORE_BINARY', 2, 1), '#VALUE!', 'met', '2');
    expectArgError(() => call('SCORE_BINARY', null, 1), '#VALUE!', 'met');
  });
});

describe('SCORE_SUM', () => {
  test('sums exactly: 0.1 + 0.2 is 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(call('SCORE_SUM', [[0.1], [0.2]])).toBe(0.3);
  });

  test('skips empty cells and clamps to cap and floor', () => {
    expect(call('SCORE_SUM', [[2, null], ['', 4]], 5)).toBe(5);
    expect(call('SCORE_SUM', [[2, null], ['', 1]], 5)).toBe(3);
    expect(call('SCORE_SUM', [[-2], [-2], [-3]], null, -5)).toBe(-5);
    expect(call('SCORE_SUM', [[-2], [-1]], undefined, -5)).toBe(-3);
    expect(call('SCORE_SUM', [[]])).toBe(0);
  });

  test('names the entry that is not a number, and a floor above the cap', () => {
    expectArgError(() => call('SCORE_SUM', [[1], ['两分']]), '#VALUE!', 'values[1][0]', '两分');
    expectArgError(() => call('SCORE_SUM', [[1]], 1, 2), '#NUM!', 'floor');
  });
});

describe('SCORE_GRADE', () => {
  test('the bundled rubric bands, boundaries included', () => {
    expect(rubric.grades.bands.map((b) => [b.grade, b.min])).toEqual([
      ['优秀', 90],
      ['良好', 80],
      ['合格', 60],
      ['不合格', 0],
    ]);
    expect(call('SCORE_GRADE', 105)).toBe('优秀');
    expect(call('SCORE_GRADE', 90)).toBe('优秀');
    expect(call('SCORE_GRADE', 89.99)).toBe('良好');
    expect(call('SCORE_GRADE', 80)).toBe('良好');
    expect(call('SCORE_GRADE', 60)).toBe('合格');
    expect(call('SCORE_GRADE', 59.99)).toBe('不合格');
    expect(call('SCORE_GRADE', -5)).toBe('不合格');
  });

  test('a veto makes it 不合格 whatever the points', () => {
    expect(call('SCORE_GRADE', 100, true)).toBe('不合格');
    expect(call('SCORE_GRADE', 100, '是')).toBe('不合格');
    expect(call('SCORE_GRADE', 100, '否')).toBe('优秀');
    expect(call('SCORE_GRADE', 100, null)).toBe('优秀');
  });

  test('names a bad total or veto', () => {
    expectArgError(() => call('SCORE_GRADE', '九十'), '#VALUE!', 'total', '九十');
    expectArgError(() => call('SCORE_GRADE', 90, '也许'), '#VALUE!', 'veto', '也许');
  });
});

describe('SCORE_CLAUSE', () => {
  test('composite of two bands (3.6.4): 民政 6% is one 1% step past 5%; 住房 11% is not yet a 2% step past 10%', () => {
    expect(call('SCORE_CLAUSE', '3.6.4', 0.06, 0.11)).toBe(0.9);
    expect(call('SCORE_CLAUSE', '3.6.4', '5%', '10%')).toBe(1);
  });

  test('composite with a per-case deduction on the whole (3.5.1), floored at 0', () => {
    expect(clauseInputNames(indexRubric(rubric).clause('3.5.1')!.clause.rule)).toEqual(['parts[0].met', 'parts[1].met', 'cases']);
    expect(call('SCORE_CLAUSE', '3.5.1', '是', '是', 2)).toBe(0.6);
    expect(call('SCORE_CLAUSE', '3.5.1', '是', '否', 3)).toBe(0);
  });

  test('deduct (3.6.2, 0.2 per case): 6 cases leave exactly 0.8', () => {
    expect(call('SCORE_CLAUSE', '3.6.2', 6)).toBe(0.8);
  });

  test('tiers by name or number (3.6.1)', () => {
    expect(call('SCORE_CLAUSE', '3.6.1', 1)).toBe(1);
    expect(call('SCORE_CLAUSE', '3.6.1', '1名持证在岗核对员或2名（含）以上受培训核对员')).toBe(0.5);
    expect(call('SCORE_CLAUSE', '3.6.1', 0)).toBe(0);
  });

  test('threshold on a rate (3.6.5, strictly above 80%) and on hours (4.1.1, within 2)', () => {
    expect(call('SCORE_CLAUSE', '3.6.5', 0.8)).toBe(0);
    expect(call('SCORE_CLAUSE', '3.6.5', '81%')).toBe(1);
    expect(call('SCORE_CLAUSE', '4.1.1', 2)).toBe(0.5);
    expect(call('SCORE_CLAUSE', '4.1.1', 2.5)).toBe(0);
  });

  test('proportional (2.4.1, 2 points)', () => {
    expect(call('SCORE_CLAUSE', '2.4.1', 2, 3)).toBe(1.33);
  });

  test('penalty: one count per case type, the section stopping at −5', () => {
    expect(call('SCORE_CLAUSE', '7.1.2', 1, 1)).toBe(-4);
    expect(call('SCORE_CLAUSE', '7.1.2', 0, 2)).toBe(-5);
    expect(call('SCORE_CLAUSE', '7.1.1', 0)).toBe(0);
  });

  test('discretionary and bonus take the score given, within the clause max', () => {
    expect(call('SCORE_CLAUSE', '1.1.1', 4.5)).toBe(4.5);
    expect(call('SCORE_CLAUSE', '6.1.1', 3)).toBe(3);
    expectArgError(() => call('SCORE_CLAUSE', '1.1.1', 5.5), '#NUM!', 'score', '5.5');
  });

  test('veto takes no inputs and scores 0', () => {
    expect(call('SCORE_CLAUSE', '7.1.3')).toBe(0);
  });

  test('an unused trailing input (Excel passes one empty value) is not an extra', () => {
    expect(call('SCORE_CLAUSE', '7.1.3', null)).toBe(0);
    expect(call('SCORE_CLAUSE', '3.6.2', 6, '')).toBe(0.8);
  });

  test('names an unknown clause, a missing input and extra inputs', () => {
    const unknown = expectArgError(() => call('SCORE_CLAUSE', '9.9.9', 1), '#VALUE!', 'clause_id');
    expect(unknown.message).toContain('“9.9.9”');
    expect(unknown.message).toContain(rubric.title);
    expectArgError(() => call('SCORE_CLAUSE', null, 1), '#VALUE!', 'clause_id');
    expectArgError(() => call('SCORE_CLAUSE', '3.5.1', '是'), '#VALUE!', 'parts[1].met');
    const extra = expectArgError(() => call('SCORE_CLAUSE', '3.6.2', 1, 2), '#VALUE!', 'inputs');
    expect(extra.message).toContain('只需要 1 个输入（cases）');
  });

  test('the documented input order covers every clause of the bundled rubric', () => {
    for (const { clause } of indexRubric(rubric).clauses) {
      const names = clauseInputNames(clause.rule);
      expect(names.length > 0 || clause.rule.kind === 'veto').toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('RUBRIC_MAX', () => {
  test("a clause's max, an item's max and a category's cap", () => {
    expect(call('RUBRIC_MAX', '3.6.4')).toBe(1);
    expect(call('RUBRIC_MAX', '3.6')).toBe(6);
    expect(call('RUBRIC_MAX', 3.6)).toBe(6);
    expect(call('RUBRIC_MAX', '4')).toBe(15);
    expect(call('RUBRIC_MAX', '7')).toBe(5);
  });

  test('names an unknown or missing id', () => {
    expectArgError(() => call('RUBRIC_MAX', '3.60'), '#VALUE!', 'id');
    expectArgError(() => call('RUBRIC_MAX', ''), '#VALUE!', 'id');
  });
});
