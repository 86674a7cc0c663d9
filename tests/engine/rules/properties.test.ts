import fc from 'fast-check';
import { dec, type Dec } from '../../../src/engine/decimal';
import {
  additive,
  allowedValues,
  band,
  deduct,
  evaluateRule,
  isAllowed,
  ratio,
  sum,
  type RuleInputs,
} from '../../../src/engine/rules';
import type { CompositePart, PartRule, Rule } from '../../../src/engine/rubric-types';

/** k units of `unit` as a decimal, or as the JS number a YAML file would hold (k·0.05 in floats drifts). */
const units = (unit: string) => (k: number): Dec => dec(unit).times(k);
const unitNumber = (unit: string) => (k: number): number => dec(unit).times(k).toNumber();
const hundredths = units('0.01');
const thousandths = units('0.001');

// A thousand random clauses take a few seconds; on a loaded CI machine that can pass jest's 5 s default.
jest.setTimeout(60_000);

const RES = 0.01;
const GRAIN = dec('0.05');
const isMultiple = (d: Dec, of: Dec | string): boolean => d.mod(of).isZero();

describe('scalar rules against integer arithmetic', () => {
  test('deduct: exact, within [0, max], and more cases never raise the score', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(60), fc.nat(200), (m, n, p) => {
        const result = deduct(hundredths(m), dec(n), hundredths(p));
        expect(result.eq(hundredths(Math.max(0, m - n * p)))).toBe(true);
        expect(result.gte(0) && result.lte(hundredths(m))).toBe(true);
        expect(deduct(hundredths(m), dec(n + 1), hundredths(p)).lte(result)).toBe(true);
      }),
    );
  });

  test('band: exact step counts, within [0, max], a higher rate never raises the score', () => {
    const arb = fc.record({
      r: fc.nat(1000),
      more: fc.nat(300),
      t: fc.nat(500),
      s: fc.integer({ min: 1, max: 200 }),
      p: fc.integer({ min: 1, max: 50 }),
      m: fc.nat(200),
    });
    fc.assert(
      fc.property(arb, ({ r, more, t, s, p, m }) => {
        const at = (rate: number, mode: 'full' | 'started') =>
          band(thousandths(rate), thousandths(t), thousandths(s), hundredths(p), hundredths(m), mode);
        const expected = (rate: number, round: (x: number) => number) =>
          rate <= t ? m : Math.max(0, m - round((rate - t) / s) * p);
        const full = at(r, 'full');
        const started = at(r, 'started');
        expect(full.eq(hundredths(expected(r, Math.floor)))).toBe(true);
        expect(started.eq(hundredths(expected(r, Math.ceil)))).toBe(true);
        expect(started.lte(full)).toBe(true);
        expect(full.gte(0) && full.lte(hundredths(m))).toBe(true);
        expect(isMultiple(hundredths(m).minus(full), hundredths(p)) || full.isZero()).toBe(true);
        expect(at(r + more, 'full').lte(full)).toBe(true);
        expect(at(r + more, 'started').lte(started)).toBe(true);
      }),
    );
  });

  test('additive: exact, capped, more cases never lower the score', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(100), fc.nat(500), (n, p, c) => {
        const result = additive(dec(n), hundredths(p), hundredths(c));
        expect(result.eq(hundredths(Math.min(c, n * p)))).toBe(true);
        expect(additive(dec(n + 1), hundredths(p), hundredths(c)).gte(result)).toBe(true);
      }),
    );
  });

  test('ratio: half-up to 0.01, within [0, max], monotone in the compliant count', () => {
    const arb = fc.integer({ min: 1, max: 1000 }).chain((t) => fc.tuple(fc.constant(t), fc.nat(t), fc.nat(1000)));
    fc.assert(
      fc.property(arb, ([t, c, m]) => {
        const result = ratio(hundredths(m), dec(c), dec(t));
        // In hundredths: floor(m·c/t + 1/2) = floor((2·m·c + t) / (2·t)), all integers.
        expect(result.eq(hundredths(Math.floor((2 * m * c + t) / (2 * t))))).toBe(true);
        expect(isMultiple(result, '0.01')).toBe(true);
        expect(result.gte(0) && result.lte(hundredths(m))).toBe(true);
        if (c < t) expect(ratio(hundredths(m), dec(c + 1), dec(t)).gte(result)).toBe(true);
      }),
    );
  });

  test('sum: exact whatever the order, then clamped', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 500 })), (ks) => {
        const values = ks.map((k) => hundredths(k).toNumber());
        const total = ks.reduce((a, b) => a + b, 0);
        expect(sum(values).eq(hundredths(total))).toBe(true);
        expect(sum([...values].reverse()).eq(hundredths(total))).toBe(true);
        expect(sum(values, dec(5), dec(-5)).eq(hundredths(Math.max(-500, Math.min(500, total))))).toBe(true);
      }),
    );
  });
});

// --- Random rules (at the rubric's 0.05 granularity) with inputs that fit them ---

const points = (maxUnits: number) => fc.option(fc.nat(maxUnits).map(unitNumber('0.05')), { nil: undefined });

const partRule = (maxUnits: number): fc.Arbitrary<PartRule> =>
  fc.oneof(
    fc.constant<PartRule>({ kind: 'discretionary' }),
    fc.record({ kind: fc.constant('all-or-nothing' as const), points: points(maxUnits + 10) }),
    fc.record({ kind: fc.constant('deduct' as const), perCase: fc.integer({ min: 0, max: 40 }).map(unitNumber('0.05')) }),
    fc.record({
      kind: fc.constant('band' as const),
      measure: fc.constant('超期率'),
      threshold: fc.nat(50).map(unitNumber('0.01')),
      step: fc.integer({ min: 1, max: 20 }).map(unitNumber('0.01')),
      perStep: fc.integer({ min: 1, max: 10 }).map(unitNumber('0.05')),
      points: points(maxUnits),
      mode: fc.constantFrom(undefined, 'full' as const, 'started' as const),
    }),
    fc.record({
      kind: fc.constant('threshold' as const),
      measure: fc.constant('参训率'),
      comparison: fc.constantFrom('>' as const, '>=' as const, '<' as const, '<=' as const),
      threshold: fc.nat(100).map(unitNumber('0.01')),
      points: points(maxUnits),
      unit: fc.constantFrom(undefined, 'rate' as const),
    }),
    fc.record({
      kind: fc.constant('threshold' as const),
      measure: fc.constant('报灾用时'),
      comparison: fc.constantFrom('>' as const, '>=' as const, '<' as const, '<=' as const),
      threshold: fc.nat(48),
      points: points(maxUnits),
      unit: fc.constant('hours' as const),
    }),
    fc.array(fc.nat(maxUnits + 10).map(unitNumber('0.05')), { minLength: 1, maxLength: 3 }).map(
      (ps): PartRule => ({ kind: 'tiers', tiers: ps.map((p, i) => ({ label: `档${i + 1}`, points: p })) }),
    ),
    fc.array(fc.tuple(fc.nat(maxUnits).map(unitNumber('0.05')), fc.nat(100).map(unitNumber('0.01'))), { minLength: 1, maxLength: 3 }).map(
      (ts): PartRule => ({ kind: 'tiers', measure: '知晓率', tiers: ts.map(([p, min], i) => ({ label: `档${i + 1}`, points: p, min })) }),
    ),
    fc.record({
      kind: fc.constant('additive' as const),
      perCase: fc.integer({ min: 0, max: 10 }).map(unitNumber('0.05')),
      cap: fc.nat(maxUnits + 10).map(unitNumber('0.05')),
    }),
    fc.record({ kind: fc.constant('proportional' as const), points: points(maxUnits) }),
  );

const ruleFor = (maxUnits: number): fc.Arbitrary<Rule> =>
  fc.oneof(
    { weight: 6, arbitrary: partRule(maxUnits) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('composite' as const),
        parts: fc.array(
          fc.record({ label: fc.constant('分项'), max: points(maxUnits), rule: partRule(maxUnits) }).map(
            (p): CompositePart => (p.max === undefined ? { label: p.label, rule: p.rule } : p),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        deductPerCase: fc.option(fc.integer({ min: 1, max: 10 }).map(unitNumber('0.05')), { nil: undefined }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.integer({ min: 1, max: 8 }).map(unitNumber('0.5')), { minLength: 1, maxLength: 3 })
        .map((ps): Rule => ({ kind: 'penalty', cases: ps.map((perCase, i) => ({ label: `情形${i + 1}`, perCase })) })),
    },
    { weight: 1, arbitrary: fc.constant<Rule>({ kind: 'veto' }) },
    { weight: 1, arbitrary: fc.constant<Rule>({ kind: 'bonus' }) },
  );

/** A rate as a sheet may hold it: a fraction (a cell showing 15%) or "15%" text. */
const rateInput = fc.nat(1000).chain((k) => fc.constantFrom<unknown>(thousandths(k).toNumber(), `${units('0.1')(k).toString()}%`));

const scoreUpTo = (max: Dec) => fc.nat(max.times(100).toNumber()).map((k) => hundredths(k).toNumber());

function inputsFor(rule: Rule, max: Dec): fc.Arbitrary<RuleInputs> {
  switch (rule.kind) {
    case 'discretionary':
    case 'bonus':
      return scoreUpTo(max).map((score) => ({ score }));
    case 'all-or-nothing':
      return fc.constantFrom<unknown>(true, false, '是', '否', 1, 0, '√', '×').map((met) => ({ met }));
    case 'deduct':
      return fc.nat(30).map((cases) => ({ cases }));
    case 'band':
      return rateInput.map((rate) => ({ rate }));
    case 'threshold':
      return rule.unit === 'hours' ? fc.nat(100).map((k) => ({ value: k / 2 })) : rateInput.map((value) => ({ value }));
    case 'tiers':
      return rule.tiers.every((t) => t.min !== undefined)
        ? rateInput.map((value) => ({ value }))
        : fc.oneof(fc.nat(rule.tiers.length), fc.constantFrom(...rule.tiers.map((t) => t.label))).map((tier) => ({ tier }));
    case 'additive':
      return fc.nat(20).map((count) => ({ count }));
    case 'proportional':
      return fc.integer({ min: 1, max: 40 }).chain((total) => fc.nat(total).map((compliant) => ({ compliant, total })));
    case 'composite':
      return fc.record({
        parts: fc.tuple(...rule.parts.map((p) => inputsFor(p.rule, p.max === undefined ? max : dec(p.max)))),
        cases: fc.nat(10),
      });
    case 'penalty':
      return fc.tuple(...rule.cases.map(() => fc.nat(4))).map((cases) => ({ cases }));
    case 'veto':
      return fc.constant({});
  }
}

const clause = fc
  .integer({ min: 1, max: 200 })
  .chain((maxUnits) => fc.tuple(fc.constant(maxUnits), ruleFor(maxUnits)))
  .chain(([maxUnits, rule]) => {
    const max = units('0.05')(maxUnits);
    return fc.record({ max: fc.constant(max), rule: fc.constant(rule), inputs: inputsFor(rule, max) });
  });

/** Whether a rule (or any part of it) can give a score off the 0.05 grain: discretionary and proportional. */
const fineGrained = (rule: Rule): boolean =>
  rule.kind === 'composite'
    ? rule.parts.some((p) => fineGrained(p.rule))
    : rule.kind === 'discretionary' || rule.kind === 'bonus' || rule.kind === 'proportional';

describe('evaluateRule and allowedValues on random rules', () => {
  test('a score is within its bounds, on the grain, and among the allowed values', () => {
    fc.assert(
      fc.property(clause, ({ max, rule, inputs }) => {
        const result = evaluateRule(rule, max, inputs);
        if (rule.kind === 'penalty') expect(result.gte(max.neg()) && result.lte(0)).toBe(true);
        else expect(result.gte(0) && result.lte(max)).toBe(true);
        expect(isMultiple(result, fineGrained(rule) ? '0.01' : GRAIN)).toBe(true);
        expect(isAllowed(rule, max, RES, result)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('every listed allowed value lies within the bounds', () => {
    fc.assert(
      fc.property(clause, ({ max, rule }) => {
        const allowed = allowedValues(rule, max, RES);
        const [lo, hi] = allowed.kind === 'set' ? [allowed.values[0], allowed.values[allowed.values.length - 1]] : [allowed.min, allowed.max];
        const [floor, ceiling] = rule.kind === 'penalty' ? [max.neg(), dec(0)] : [dec(0), max];
        expect(lo?.gte(floor) && hi?.lte(ceiling)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('more cases never raise a score', () => {
    const withCases = clause.filter(
      ({ rule }) => rule.kind === 'deduct' || rule.kind === 'penalty' || (rule.kind === 'composite' && rule.deductPerCase !== undefined),
    );
    fc.assert(
      fc.property(withCases, fc.nat(2), ({ max, rule, inputs }, which) => {
        const before = evaluateRule(rule, max, inputs);
        const cases = inputs.cases;
        const more = Array.isArray(cases)
          ? cases.map((n: number, i: number) => (i === which % cases.length ? n + 1 : n))
          : (cases as number) + 1;
        expect(evaluateRule(rule, max, { ...inputs, cases: more }).lte(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('allowedValues is exactly what evaluateRule can reach', () => {
  const reach = (rule: Rule, max: number, inputs: RuleInputs[]): string[] =>
    [...new Set(inputs.map((i) => evaluateRule(rule, max, i).toString()))].sort((a, b) => dec(a).cmp(dec(b)));
  const listed = (rule: Rule, max: number): string[] => {
    const allowed = allowedValues(rule, max, RES);
    if (allowed.kind !== 'set') throw new Error('expected a set');
    return allowed.values.map((v) => v.toString());
  };
  const upTo = (n: number): number[] => Array.from({ length: n + 1 }, (_, i) => i);

  test('deduct 2 at 0.3 per case', () => {
    const rule: Rule = { kind: 'deduct', perCase: 0.3 };
    expect(reach(rule, 2, upTo(10).map((cases) => ({ cases })))).toEqual(listed(rule, 2));
  });

  test('流浪乞讨人员救助 composite', () => {
    const rule: Rule = {
      kind: 'composite',
      parts: [
        { label: 'a', rule: { kind: 'all-or-nothing', points: 0.5 } },
        { label: 'b', rule: { kind: 'all-or-nothing', points: 0.5 } },
      ],
      deductPerCase: 0.2,
    };
    const inputs = [true, false].flatMap((a) =>
      [true, false].flatMap((b) => upTo(6).map((cases) => ({ parts: [{ met: a }, { met: b }], cases }))),
    );
    expect(reach(rule, 1, inputs)).toEqual(listed(rule, 1));
  });

  test('安全管理 2 penalty', () => {
    const rule: Rule = { kind: 'penalty', cases: [{ label: '伤害', perCase: 1 }, { label: '死亡', perCase: 3 }] };
    const inputs = upTo(5).flatMap((injuries) => upTo(2).map((deaths) => ({ cases: [injuries, deaths] })));
    expect(reach(rule, 5, inputs)).toEqual(listed(rule, 5));
  });

  test('退回率 band', () => {
    const rule: Rule = { kind: 'band', measure: '退回率', threshold: 0.05, step: 0.01, perStep: 0.1, points: 0.5 };
    expect(reach(rule, 0.5, upTo(100).map((k) => ({ rate: `${k}%` })))).toEqual(listed(rule, 0.5));
  });
});
