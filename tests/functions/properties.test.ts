/**
 * Properties of the RUBRIC functions against oracles in integer arithmetic: every score here is a whole
 * number of hundredths, so (value × 100) computed with integers is the exact answer a float would miss.
 */
import fc from 'fast-check';
import { callFunction, rubricContext, type FunctionName } from '../../src/engine/functions/catalog';
import { loadBundled } from '../rubric/bundled';

const ctx = rubricContext(loadBundled());
const call = (name: FunctionName, ...args: unknown[]) => callFunction(name, args, ctx);

/** n hundredths as the number a cell would hold (0.07, 1.25 …). */
const cents = (n: number): number => n / 100;
const asCents = (x: number): number => Math.round(x * 100);
const centsArb = (max: number) => fc.integer({ min: 0, max });

describe('SCORE_DEDUCT', () => {
  test('is max(0, max − cases × per_case), exactly, and never outside [0, max]', () => {
    fc.assert(
      fc.property(centsArb(1000), fc.integer({ min: 0, max: 50 }), centsArb(300), (max, cases, per) => {
        const got = call('SCORE_DEDUCT', cents(max), cases, cents(per)) as number;
        expect(asCents(got)).toBe(Math.max(0, max - cases * per));
        expect(got).toBe(cents(Math.max(0, max - cases * per)));
        expect(got).toBeGreaterThanOrEqual(0);
        expect(got).toBeLessThanOrEqual(cents(max));
      }),
    );
  });

  test('one more case never raises the score', () => {
    fc.assert(
      fc.property(centsArb(1000), fc.integer({ min: 0, max: 50 }), centsArb(300), (max, cases, per) => {
        expect(call('SCORE_DEDUCT', cents(max), cases + 1, cents(per))).toBeLessThanOrEqual(
          call('SCORE_DEDUCT', cents(max), cases, cents(per)) as number,
        );
      }),
    );
  });
});

describe('SCORE_BAND', () => {
  test('counts whole steps past the threshold exactly (rates in whole percent)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 30 }),
        centsArb(50),
        centsArb(500),
        (rate, limit, step, per, max) => {
          const got = call('SCORE_BAND', `${rate}%`, `${limit}%`, `${step}%`, cents(per), cents(max)) as number;
          const steps = rate <= limit ? 0 : Math.floor((rate - limit) / step);
          expect(got).toBe(cents(Math.max(0, max - steps * per)));
          // The same rate written as a fraction (0.06) gives the same score.
          expect(call('SCORE_BAND', rate / 100, limit / 100, step / 100, cents(per), cents(max))).toBe(got);
        },
      ),
    );
  });

  test('started never scores above full', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 300 }), (r, l, s) => {
        const args = [r / 1000, l / 1000, s / 1000, 0.1, 0.5];
        expect(call('SCORE_BAND', ...args, 'started')).toBeLessThanOrEqual(call('SCORE_BAND', ...args, 'full') as number);
      }),
    );
  });
});

describe('SCORE_ADD', () => {
  test('is min(cap, count × per_case), exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), centsArb(100), centsArb(1000), (count, per, cap) => {
        expect(call('SCORE_ADD', count, cents(per), cents(cap))).toBe(cents(Math.min(cap, count * per)));
      }),
    );
  });
});

describe('SCORE_SUM', () => {
  test('is the exact sum, clamped to [floor, cap]; empty cells count for nothing', () => {
    const cell = fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(cents), fc.constant(null), fc.constant(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 8 }), fc.integer({ min: -500, max: 0 }), fc.integer({ min: 0, max: 500 }), (rows, floor, cap) => {
        const total = rows.flat().reduce<number>((s, v) => s + (typeof v === 'number' ? asCents(v) : 0), 0);
        expect(call('SCORE_SUM', rows)).toBe(cents(total));
        expect(call('SCORE_SUM', rows, cents(cap), cents(floor))).toBe(cents(Math.min(Math.max(total, floor), cap)));
      }),
    );
  });
});

describe('SCORE_RATIO', () => {
  test('is max × compliant ÷ total rounded half-up to 0.01 (integer oracle)', () => {
    fc.assert(
      fc.property(centsArb(1000), fc.integer({ min: 1, max: 500 }), fc.nat(), (max, total, k) => {
        const compliant = k % (total + 1);
        // hundredths of max·compliant/total, rounded half-up: floor((2·max·compliant + total) / (2·total)).
        const expected = Math.floor((2 * max * compliant + total) / (2 * total));
        expect(call('SCORE_RATIO', cents(max), compliant, total)).toBe(cents(expected));
      }),
    );
  });
});

describe('SCORE_THRESHOLD', () => {
  test('> and >= agree everywhere except at equality', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (v, limit) => {
        const strict = call('SCORE_THRESHOLD', cents(v), '>', cents(limit), 1);
        const loose = call('SCORE_THRESHOLD', cents(v), '>=', cents(limit), 1);
        expect(strict).toBe(v > limit ? 1 : 0);
        expect(loose).toBe(v >= limit ? 1 : 0);
      }),
    );
  });
});
