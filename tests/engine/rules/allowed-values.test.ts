import { dec, type Dec } from '../../../src/engine/decimal';
import { allowedValues, isAllowed, type AllowedValues } from '../../../src/engine/rules';
import type { Rule } from '../../../src/engine/rubric-types';
import { expectArgError } from '../arg-error';

const RES = 0.01;
const listed = (a: AllowedValues): string[] => {
  if (a.kind !== 'set') throw new Error(`expected a set, got a range`);
  return a.values.map((v: Dec) => v.toString());
};
const ok = (rule: Rule, max: number, value: number | string): boolean => isAllowed(rule, max, RES, dec(value));

describe('allowedValues', () => {
  test('all-or-nothing: 0.5 on a 1-point clause is not allowed', () => {
    const rule: Rule = { kind: 'all-or-nothing' };
    expect(listed(allowedValues(rule, 1, RES))).toEqual(['0', '1']);
    expect(ok(rule, 1, 0.5)).toBe(false);
    expect(ok(rule, 1, 1)).toBe(true);
    expect(ok(rule, 1, 0)).toBe(true);
  });

  test('deduct: 1.3 on a 2-point clause losing 0.5 per case is not allowed', () => {
    const rule: Rule = { kind: 'deduct', perCase: 0.5 };
    expect(listed(allowedValues(rule, 2, RES))).toEqual(['0', '0.5', '1', '1.5', '2']);
    expect(ok(rule, 2, 1.3)).toBe(false);
    expect(ok(rule, 2, 1.5)).toBe(true);
  });

  test('deduct: 0 is allowed even when it is not a whole number of cases away (扣完为止)', () => {
    expect(listed(allowedValues({ kind: 'deduct', perCase: 0.3 }, 2, RES))).toEqual([
      '0', '0.2', '0.5', '0.8', '1.1', '1.4', '1.7', '2',
    ]);
    expect(listed(allowedValues({ kind: 'deduct', perCase: 0 }, 2, RES))).toEqual(['0', '2']);
  });

  test('band: points down in perStep rungs, and 0', () => {
    const rule: Rule = { kind: 'band', measure: '超期率', threshold: 0.1, step: 0.1, perStep: 0.1, points: 0.5 };
    expect(listed(allowedValues(rule, 1, RES))).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5']);
    expect(ok(rule, 1, 0.45)).toBe(false);
    expect(listed(allowedValues({ ...rule, perStep: 0.2 }, 0.5, RES))).toEqual(['0', '0.1', '0.3', '0.5']);
  });

  test('threshold and tiers', () => {
    expect(listed(allowedValues({ kind: 'threshold', measure: '参训率', comparison: '>', threshold: 0.8 }, 1, RES))).toEqual(['0', '1']);
    const tiers: Rule = { kind: 'tiers', tiers: [{ label: 'a', points: 1 }, { label: 'b', points: 0.5 }] };
    expect(listed(allowedValues(tiers, 1, RES))).toEqual(['0', '0.5', '1']);
    expect(ok(tiers, 1, 0.25)).toBe(false);
  });

  test('additive: multiples up to the cap', () => {
    expect(listed(allowedValues({ kind: 'additive', perCase: 0.1, cap: 0.5 }, 0.5, RES))).toEqual([
      '0', '0.1', '0.2', '0.3', '0.4', '0.5',
    ]);
    expect(listed(allowedValues({ kind: 'additive', perCase: 0.3, cap: 0.5 }, 0.5, RES))).toEqual(['0', '0.3', '0.5']);
    expect(listed(allowedValues({ kind: 'additive', perCase: 0.1, cap: 1 }, 0.5, RES))).toEqual([
      '0', '0.1', '0.2', '0.3', '0.4', '0.5',
    ]);
  });

  test('discretionary, bonus and proportional: a grid at the resolution', () => {
    expect(allowedValues({ kind: 'discretionary' }, 5, 0.1)).toEqual({ kind: 'range', min: dec(0), max: dec(5), step: dec('0.1') });
    expect(isAllowed({ kind: 'discretionary' }, 5, 0.1, dec('3.5'))).toBe(true);
    expect(isAllowed({ kind: 'discretionary' }, 5, 0.1, dec('3.55'))).toBe(false);
    expect(isAllowed({ kind: 'discretionary' }, 5, 0.1, dec('5.1'))).toBe(false);
    expect(isAllowed({ kind: 'discretionary' }, 5, 0.1, dec('-0.1'))).toBe(false);
    expect(isAllowed({ kind: 'bonus' }, 5, RES, dec('4.99'))).toBe(true);
    // Proportional rounds to 0.01 whatever the rubric's resolution.
    expect(isAllowed({ kind: 'proportional', points: 1 }, 1, 0.1, dec('0.67'))).toBe(true);
    expect(isAllowed({ kind: 'proportional', points: 1 }, 1, RES, dec('0.675'))).toBe(false);
    expect(isAllowed({ kind: 'proportional', points: 1 }, 2, RES, dec('1.5'))).toBe(false);
  });

  describe('composite', () => {
    test('0.5 + 0.5 − 0.2 per case: 0.7 and 0.9 cannot happen', () => {
      const rule: Rule = {
        kind: 'composite',
        parts: [
          { label: 'a', rule: { kind: 'all-or-nothing', points: 0.5 } },
          { label: 'b', rule: { kind: 'all-or-nothing', points: 0.5 } },
        ],
        deductPerCase: 0.2,
      };
      expect(listed(allowedValues(rule, 1, RES))).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.8', '1']);
      expect(ok(rule, 1, 0.7)).toBe(false);
      expect(ok(rule, 1, 0.9)).toBe(false);
    });

    test('2 + 1 all-or-nothing', () => {
      const rule: Rule = {
        kind: 'composite',
        parts: [
          { label: 'a', rule: { kind: 'all-or-nothing', points: 2 } },
          { label: 'b', rule: { kind: 'all-or-nothing', points: 1 } },
        ],
      };
      expect(listed(allowedValues(rule, 3, RES))).toEqual(['0', '1', '2', '3']);
      expect(listed(allowedValues(rule, 2, RES))).toEqual(['0', '1', '2']);
    });

    test('a part with a range makes the whole a range', () => {
      const rule: Rule = {
        kind: 'composite',
        parts: [
          { label: 'a', max: 1, rule: { kind: 'discretionary' } },
          { label: 'b', rule: { kind: 'all-or-nothing', points: 1 } },
        ],
      };
      expect(allowedValues(rule, 2, RES)).toEqual({ kind: 'range', min: dec(0), max: dec(2), step: dec(RES) });
      expect(allowedValues(rule, 1.5, RES)).toEqual({ kind: 'range', min: dec(0), max: dec(1.5), step: dec(RES) });
    });
  });

  test('penalty: 0 down to −max in reachable steps', () => {
    const one: Rule = { kind: 'penalty', cases: [{ label: '人情保', perCase: 2 }] };
    expect(listed(allowedValues(one, 5, RES))).toEqual(['-5', '-4', '-2', '0']);
    expect(ok(one, 5, -1)).toBe(false);
    expect(ok(one, 5, -5)).toBe(true);
    const harm: Rule = { kind: 'penalty', cases: [{ label: '伤害', perCase: 1 }, { label: '死亡', perCase: 3 }] };
    expect(listed(allowedValues(harm, 5, RES))).toEqual(['-5', '-4', '-3', '-2', '-1', '0']);
    expect(ok(harm, 5, 1)).toBe(false);
  });

  test('veto: only 0', () => {
    expect(listed(allowedValues({ kind: 'veto' }, 0, RES))).toEqual(['0']);
  });

  test('falls back to the resolution grid when a set would be enormous', () => {
    const rule: Rule = { kind: 'deduct', perCase: 0.0001 };
    expect(allowedValues(rule, 5, RES)).toEqual({ kind: 'range', min: dec(0), max: dec(5), step: dec(RES) });
  });

  test('checks its own arguments', () => {
    expectArgError(() => allowedValues({ kind: 'veto' }, 1, 0), '#NUM!', 'resolution', '0');
    expectArgError(() => allowedValues({ kind: 'deduct', perCase: -1 }, 1, RES), '#NUM!', 'perCase', '-1');
    expectArgError(() => allowedValues({ kind: 'nope' } as unknown as Rule, 1, RES), '#VALUE!', 'rule', 'nope');
  });
});

test('a band whose points exceed its cap: the band deducts from its points, then the cap applies', () => {
  // Found by the property test: points 2.45 at 0.2 per step under a 0.1 part max can score 0.05.
  const rule: Rule = {
    kind: 'composite',
    parts: [{ label: 'a', max: 0.1, rule: { kind: 'band', measure: '超期率', threshold: 0, step: 0.04, perStep: 0.2, points: 2.45 } }],
  };
  expect(listed(allowedValues(rule, 8.4, RES))).toEqual(['0', '0.05', '0.1']);
  expect(ok(rule, 8.4, 0.05)).toBe(true);
});
