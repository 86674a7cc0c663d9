import { dec } from '../../../src/engine/decimal';
import { evaluateRule, type RuleInputs } from '../../../src/engine/rules';
import type { Rule } from '../../../src/engine/rubric-types';
import { expectArgError } from '../arg-error';

const score = (rule: Rule, max: number, inputs: RuleInputs): string => evaluateRule(rule, max, inputs).toString();

describe('evaluateRule by kind', () => {
  test('discretionary: the given score, within [0, max]', () => {
    const rule: Rule = { kind: 'discretionary' };
    expect(score(rule, 5, { score: 3.5 })).toBe('3.5');
    expect(score(rule, 5, { score: '5' })).toBe('5');
    expect(score(rule, 5, { score: 0 })).toBe('0');
    expectArgError(() => evaluateRule(rule, 5, { score: 5.5 }), '#NUM!', 'score', '5.5');
    expectArgError(() => evaluateRule(rule, 5, { score: -1 }), '#NUM!', 'score', '-1');
    expectArgError(() => evaluateRule(rule, 5, {}), '#VALUE!', 'score');
  });

  test('all-or-nothing: points or 0, points defaulting to the clause max', () => {
    expect(score({ kind: 'all-or-nothing' }, 2, { met: '是' })).toBe('2');
    expect(score({ kind: 'all-or-nothing' }, 2, { met: '否' })).toBe('0');
    expect(score({ kind: 'all-or-nothing', points: 1 }, 2, { met: true })).toBe('1');
    expectArgError(() => evaluateRule({ kind: 'all-or-nothing' }, 2, {}), '#VALUE!', 'met');
  });

  test('the clause max binds a rule whose stated points exceed it (最低生活保障 1: 得 3 分 of 2)', () => {
    expect(score({ kind: 'all-or-nothing', points: 3 }, 2, { met: true })).toBe('2');
  });

  test('deduct: 2 − 0.2·6 = 0.8', () => {
    const rule: Rule = { kind: 'deduct', perCase: 0.2 };
    expect(score(rule, 2, { cases: 6 })).toBe('0.8');
    expect(score(rule, 2, { cases: '0' })).toBe('2');
    expect(score(rule, 2, { cases: 11 })).toBe('0');
    expectArgError(() => evaluateRule(rule, 2, { cases: -1 }), '#NUM!', 'cases', '-1');
    expectArgError(() => evaluateRule(rule, 2, { cases: '' }), '#VALUE!', 'cases');
  });

  test('band: a 6% 退回率 against ≤5% in 1% steps is 0.4, however the rate is typed', () => {
    const rule: Rule = { kind: 'band', measure: '退回率', threshold: 0.05, step: 0.01, perStep: 0.1, points: 0.5 };
    for (const rate of [0.06, 6, '6%', '0.06', ' 6 % ']) expect(score(rule, 0.5, { rate })).toBe('0.4');
    expect(score(rule, 0.5, { rate: '5%' })).toBe('0.5');
    expect(score({ ...rule, mode: 'started' }, 0.5, { rate: '5.5%' })).toBe('0.4');
    expect(score(rule, 0.5, { rate: '5.5%' })).toBe('0.5');
    expectArgError(() => evaluateRule(rule, 0.5, { rate: 101 }), '#NUM!', 'rate', '101');
  });

  test('band: bad rubric data is named, not scored', () => {
    const rule: Rule = { kind: 'band', measure: '超期率', threshold: 0.1, step: 0, perStep: 0.1 };
    expectArgError(() => evaluateRule(rule, 0.5, { rate: 0.3 }), '#NUM!', 'step', '0');
  });

  test('threshold with unit rate: 参训率>80%', () => {
    const rule: Rule = { kind: 'threshold', measure: '继续教育培训参训率', comparison: '>', threshold: 0.8, points: 1, unit: 'rate' };
    expect(score(rule, 1, { value: 80 })).toBe('0');
    expect(score(rule, 1, { value: '80%' })).toBe('0');
    expect(score(rule, 1, { value: 0.81 })).toBe('1');
    expect(score(rule, 1, { value: '81%' })).toBe('1');
  });

  test('threshold without a unit reads a …率 measure as a rate', () => {
    const rule: Rule = { kind: 'threshold', measure: '参训率', comparison: '>=', threshold: 0.8 };
    expect(score(rule, 1, { value: 80 })).toBe('1');
    expect(score(rule, 1, { value: 79 })).toBe('0');
  });

  test('threshold with unit hours: 2 小时内报灾', () => {
    const rule: Rule = { kind: 'threshold', measure: '报灾用时', comparison: '<=', threshold: 2, points: 0.5, unit: 'hours' };
    expect(score(rule, 0.5, { value: 2 })).toBe('0.5');
    expect(score(rule, 0.5, { value: 1.5 })).toBe('0.5');
    expect(score(rule, 0.5, { value: 3 })).toBe('0');
    expectArgError(() => evaluateRule(rule, 0.5, { value: -1 }), '#NUM!', 'value', '-1');
  });

  test('tiers by label or number (核对机制 1)', () => {
    const rule: Rule = {
      kind: 'tiers',
      tiers: [
        { label: '2名（含）以上持证在岗核对员', points: 1 },
        { label: '1名持证在岗核对员或2名（含）以上受培训核对员', points: 0.5 },
      ],
    };
    expect(score(rule, 1, { tier: 1 })).toBe('1');
    expect(score(rule, 1, { tier: '1名持证在岗核对员或2名（含）以上受培训核对员' })).toBe('0.5');
    expect(score(rule, 1, { tier: 0 })).toBe('0');
    expectArgError(() => evaluateRule(rule, 1, { tier: 3 }), '#VALUE!', 'tier', '3');
    expectArgError(() => evaluateRule(rule, 1, {}), '#VALUE!', 'tier');
  });

  test('tiers by a measured value when every tier has a min', () => {
    const rule: Rule = {
      kind: 'tiers',
      measure: '政策知晓率',
      tiers: [
        { label: '≥90%', points: 1, min: 0.9 },
        { label: '≥80%', points: 0.5, min: 0.8 },
      ],
    };
    expect(score(rule, 1, { value: '90%' })).toBe('1');
    expect(score(rule, 1, { value: 89.9 })).toBe('0.5');
    expect(score(rule, 1, { value: 0.8 })).toBe('0.5');
    expect(score(rule, 1, { value: 0.79 })).toBe('0');
  });

  test('additive: 每报一例得 0.1 分，封顶 0.5 分', () => {
    const rule: Rule = { kind: 'additive', perCase: 0.1, cap: 0.5 };
    expect(score(rule, 0.5, { count: 3 })).toBe('0.3');
    expect(score(rule, 0.5, { count: 7 })).toBe('0.5');
    expect(score({ ...rule, cap: 2 }, 0.5, { count: 7 })).toBe('0.5');
    expectArgError(() => evaluateRule(rule, 0.5, { count: 1.5 }), '#NUM!', 'count', '1.5');
  });

  test('proportional', () => {
    const rule: Rule = { kind: 'proportional', points: 1 };
    expect(score(rule, 1, { compliant: 2, total: 3 })).toBe('0.67');
    expect(score({ kind: 'proportional' }, 2, { compliant: 1, total: 3 })).toBe('0.67');
    expectArgError(() => evaluateRule(rule, 1, { compliant: 0, total: 0 }), '#NUM!', 'total');
    expectArgError(() => evaluateRule(rule, 1, { compliant: 4, total: 3 }), '#NUM!', 'compliant');
  });

  describe('composite', () => {
    // 流浪乞讨人员救助: two 0.5-point parts, −0.2 per case on the whole.
    const vagrancy: Rule = {
      kind: 'composite',
      parts: [
        { label: '街面巡查', rule: { kind: 'all-or-nothing', points: 0.5 } },
        { label: '接收安置', rule: { kind: 'all-or-nothing', points: 0.5 } },
      ],
      deductPerCase: 0.2,
    };

    test('sums its parts, then deducts per case', () => {
      expect(score(vagrancy, 1, { parts: [{ met: true }, { met: true }], cases: 0 })).toBe('1');
      expect(score(vagrancy, 1, { parts: [{ met: true }, { met: true }], cases: 1 })).toBe('0.8');
      expect(score(vagrancy, 1, { parts: [{ met: true }, { met: false }], cases: 1 })).toBe('0.3');
      expect(score(vagrancy, 1, { parts: [{ met: true }, { met: true }], cases: 9 })).toBe('0');
    });

    test('names the part whose input is wrong', () => {
      expectArgError(() => evaluateRule(vagrancy, 1, { parts: [{ met: true }, {}], cases: 0 }), '#VALUE!', 'parts[1].met');
      expectArgError(() => evaluateRule(vagrancy, 1, { parts: [{ met: true }], cases: 0 }), '#VALUE!', 'parts');
      expectArgError(() => evaluateRule(vagrancy, 1, { parts: [{ met: true }, { met: true }] }), '#VALUE!', 'cases');
    });

    test('needs no cases without deductPerCase, and never exceeds the clause max', () => {
      const archive: Rule = {
        kind: 'composite',
        parts: [
          { label: 'a', rule: { kind: 'all-or-nothing', points: 1 } },
          { label: 'b', rule: { kind: 'all-or-nothing', points: 2 } },
        ],
      };
      expect(score(archive, 2, { parts: [{ met: 1 }, { met: 1 }] })).toBe('2');
      expect(score(archive, 3, { parts: [{ met: 0 }, { met: 1 }] })).toBe('2');
    });

    test('a part with its own max bounds that part', () => {
      const rule: Rule = {
        kind: 'composite',
        parts: [
          { label: 'a', max: 1, rule: { kind: 'discretionary' } },
          { label: 'b', max: 1, rule: { kind: 'deduct', perCase: 0.25 } },
        ],
      };
      expect(score(rule, 2, { parts: [{ score: 0.75 }, { cases: 1 }] })).toBe('1.5');
      expectArgError(() => evaluateRule(rule, 2, { parts: [{ score: 1.5 }, { cases: 0 }] }), '#NUM!', 'parts[0].score', '1.5');
    });
  });

  describe('penalty', () => {
    const harm: Rule = {
      kind: 'penalty',
      cases: [
        { label: '造成人身伤害', perCase: 1 },
        { label: '造成人员死亡', perCase: 3 },
      ],
    };
    test('is negative and stops at −max', () => {
      expect(score(harm, 5, { cases: [1, 1] })).toBe('-4');
      expect(score(harm, 5, { cases: { 造成人员死亡: 2 } })).toBe('-5');
      expect(score(harm, 5, { cases: [0, 0] })).toBe('0');
      expect(score({ kind: 'penalty', cases: [{ label: '人情保', perCase: 2 }] }, 5, { cases: 2 })).toBe('-4');
    });
    test('wants a count per case type', () => {
      expectArgError(() => evaluateRule(harm, 5, { cases: 1 }), '#VALUE!', 'cases', '1');
      expectArgError(() => evaluateRule(harm, 5, { cases: [1, -1] }), '#NUM!', 'cases[造成人员死亡]', '-1');
    });
  });

  test('veto scores 0 (its effect is on the grade)', () => {
    expect(score({ kind: 'veto' }, 0, {})).toBe('0');
  });

  test('bonus: the given score within [0, max]', () => {
    expect(score({ kind: 'bonus' }, 5, { score: 2 })).toBe('2');
    expectArgError(() => evaluateRule({ kind: 'bonus' }, 5, { score: 6 }), '#NUM!', 'score', '6');
  });

  test('an unknown kind from untyped data is #VALUE!, not 0', () => {
    const err = expectArgError(() => evaluateRule({ kind: 'mystery' } as unknown as Rule, 1, {}), '#VALUE!', 'rule', 'mystery');
    expect(err.message).toContain('discretionary');
  });

  test('a bad clause max is named', () => {
    expectArgError(() => evaluateRule({ kind: 'veto' }, -1, {}), '#NUM!', 'max', '-1');
  });

  test('returns a decimal equal to the exact value', () => {
    expect(evaluateRule({ kind: 'deduct', perCase: 0.1 }, dec(1), { cases: 3 }).eq(dec('0.7'))).toBe(true);
  });
});
