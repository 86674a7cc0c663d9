import fc from 'fast-check';
import { dec, toNumber } from '../../../src/engine/decimal';
import { deduct } from '../../../src/engine/rules';
import { deductScaled } from '../../../src/engine/rules/scaled';
import { callFunction, rubricContext } from '../../../src/engine/functions/catalog';
import { loadBundled } from '../../rubric/bundled';

/** A number with at most `places` decimals, built from an integer so the test does not lean on floats. */
const decimalNumber = (maxInt: number, places: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: places })).map(([n, p]) => Number(dec(n).div(10 ** p).toString()));

const exact = (max: number, cases: number, perCase: number) => toNumber(deduct(dec(max), dec(cases), dec(perCase)));

describe('deductScaled, the exact shortcut for SCORE_DEDUCT', () => {
  it('gives the binary-floating-point trap exactly: 2 − 0.2·6 = 0.8', () => {
    expect(deductScaled(2, 6, 0.2)).toBe(0.8);
    expect(2 - 0.2 * 6).not.toBe(0.8);
  });

  it('returns the same double as the decimal path for every well-formed input', () => {
    fc.assert(
      fc.property(decimalNumber(10_000_000, 6), fc.integer({ min: 0, max: 10_000 }), decimalNumber(10_000_000, 6), (max, cases, perCase) => {
        const fast = deductScaled(max, cases, perCase);
        if (fast !== undefined) expect(fast).toBe(exact(max, cases, perCase));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the rubric-sized inputs (most calls) and leaves everything else to the decimal path', () => {
    expect(deductScaled(2, 3, 0.5)).toBe(0.5);
    expect(deductScaled(0.5, 1, 0.25)).toBe(0.25);
    for (const args of [
      [2, 1.5, 0.5], // fractional cases: the checked path raises #NUM!
      [2, -1, 0.5],
      [-2, 1, 0.5],
      [2, 1, 0.1234567], // seven decimals
      [1e5, 1, 0.5], // too large to scale safely
      [2, '3', 0.5], // text goes through the argument checks
      [2, 3, NaN],
    ] as unknown[][]) {
      expect(deductScaled(args[0], args[1], args[2])).toBeUndefined();
    }
  });

  it('SCORE_DEDUCT still reports bad arguments through the checked path', () => {
    const ctx = rubricContext(loadBundled());
    expect(() => callFunction('SCORE_DEDUCT', [2, 1.5, 0.5], ctx)).toThrow(expect.objectContaining({ code: '#NUM!', arg: 'cases' }));
    expect(callFunction('SCORE_DEDUCT', [2, '3', 0.5], ctx)).toBe(0.5);
  });
});
