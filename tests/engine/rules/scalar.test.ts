import { D, dec, toNumber } from '../../../src/engine/decimal';
import { additive, band, binary, composite, deduct, penalty, ratio, threshold, tier } from '../../../src/engine/rules';
import { expectArgError } from '../arg-error';

const s = (x: number | string) => dec(x);

describe('deduct: max(0, max − cases·perCase)', () => {
  test.each([
    [2, 0, 0.5, '2'],
    [2, 1, 0.5, '1.5'],
    [2, 3, 0.5, '0.5'],
    [2, 4, 0.5, '0'],
    [2, 5, 0.5, '0'],
    [2, 9, 0.2, '0.2'],
    [2, 10, 0.2, '0'],
    [2, 11, 0.2, '0'],
    [0, 3, 0.5, '0'],
    [2, 3, 0, '2'],
  ])('max %p, %p cases at %p each → %s', (max, cases, per, expected) => {
    expect(deduct(s(max), s(cases), s(per)).toString()).toBe(expected);
  });

  test('2 − 0.2·6 is exactly 0.8 (binary floating point says 0.7999999999999998)', () => {
    expect(2 - 0.2 * 6).not.toBe(0.8);
    const result = deduct(s(2), s(6), s(0.2));
    expect(result.toString()).toBe('0.8');
    expect(toNumber(result)).toBe(0.8);
  });
});

describe('band: full steps past the threshold by default', () => {
  // 居民经济状况核对机制 3: 超期率≤10% 得 0.5，每增加 10% 扣 0.1.
  const overdue = (rate: string, mode?: 'full' | 'started') =>
    band(s(rate), s('0.1'), s('0.1'), s('0.1'), s('0.5'), mode).toString();

  test.each([
    ['0', '0.5'],
    ['0.1', '0.5'],
    ['0.15', '0.5'],
    ['0.1999', '0.5'],
    ['0.2', '0.4'],
    ['0.2001', '0.4'],
    ['0.3', '0.3'],
    ['0.6', '0'],
    ['0.7', '0'],
    ['1', '0'],
  ])('超期率 %s → %s', (rate, expected) => {
    expect(overdue(rate)).toBe(expected);
  });

  test.each([
    ['0.1', '0.5'],
    ['0.1001', '0.4'],
    ['0.15', '0.4'],
    ['0.2', '0.4'],
    ['0.2001', '0.3'],
  ])('started mode: 超期率 %s → %s', (rate, expected) => {
    expect(overdue(rate, 'started')).toBe(expected);
  });

  test('a 6% 退回率 against ≤5% in 1% steps is exactly one step: 0.4', () => {
    // The float step count is 0.9999999999999994, which floors to 0 steps.
    expect(Math.floor((0.06 - 0.05) / 0.01)).toBe(0);
    const returned = (rate: string) => band(s(rate), s('0.05'), s('0.01'), s('0.1'), s('0.5')).toString();
    expect(returned('0.06')).toBe('0.4');
    expect(returned('0.05')).toBe('0.5');
    expect(returned('0.0599')).toBe('0.5');
    expect(returned('0.07')).toBe('0.3');
    expect(returned('0.1')).toBe('0');
  });

  test('住房保障类 退回率 ≤10% in 2% steps', () => {
    const housing = (rate: string) => band(s(rate), s('0.1'), s('0.02'), s('0.1'), s('0.5')).toString();
    expect(housing('0.12')).toBe('0.4');
    expect(housing('0.13')).toBe('0.4');
    expect(housing('0.14')).toBe('0.3');
  });
});

describe('threshold', () => {
  test('> does not hold at equality; >= does', () => {
    expect(threshold(s('0.8'), '>', s('0.8'), s(1)).toString()).toBe('0');
    expect(threshold(s('0.8001'), '>', s('0.8'), s(1)).toString()).toBe('1');
    expect(threshold(s('0.8'), '>=', s('0.8'), s(1)).toString()).toBe('1');
    expect(threshold(s('0.7999'), '>=', s('0.8'), s(1)).toString()).toBe('0');
  });

  test('< does not hold at equality; <= does (2 小时内报灾)', () => {
    expect(threshold(s(2), '<=', s(2), s('0.5')).toString()).toBe('0.5');
    expect(threshold(s('2.01'), '<=', s(2), s('0.5')).toString()).toBe('0');
    expect(threshold(s(2), '<', s(2), s('0.5')).toString()).toBe('0');
    expect(threshold(s('1.99'), '<', s(2), s('0.5')).toString()).toBe('0.5');
  });
});

describe('tier: the first tier whose threshold is reached', () => {
  const thresholds = [s(2), s(1)];
  const points = [s(1), s('0.5')];
  test.each([
    [3, '1'],
    [2, '1'],
    ['1.99', '0.5'],
    [1, '0.5'],
    ['0.99', '0'],
    [0, '0'],
  ])('value %p → %s', (value, expected) => {
    expect(tier(s(value), thresholds, points).toString()).toBe(expected);
  });

  test('takes tiers in the order given', () => {
    expect(tier(s(2), [s(1), s(2)], [s('0.5'), s(1)]).toString()).toBe('0.5');
  });

  test('thresholds and points must pair up', () => {
    expectArgError(() => tier(s(1), [s(1), s(2)], [s(1)]), '#VALUE!', 'thresholds');
    expect(tier(s(1), [], []).toString()).toBe('0');
  });
});

describe('additive: min(cap, count·perCase)', () => {
  test.each([
    [0, '0'],
    [1, '0.1'],
    [3, '0.3'],
    [5, '0.5'],
    [6, '0.5'],
    [100, '0.5'],
  ])('%p cases → %s', (n, expected) => {
    expect(additive(s(n), s('0.1'), s('0.5')).toString()).toBe(expected);
  });

  test('a cap that is not a multiple of the per-case points is still reached', () => {
    expect(additive(s(2), s('0.3'), s('0.5')).toString()).toBe('0.5');
  });
});

describe('ratio: max·compliant/total, half-up to 0.01', () => {
  test.each([
    [2, 1, 3, '0.67'],
    [1, 1, 3, '0.33'],
    [1, 1, 8, '0.13'],
    [2, 0, 5, '0'],
    [2, 5, 5, '2'],
    [3, 7, 9, '2.33'],
    [1, 2, 3, '0.67'],
  ])('%p · %p/%p → %s', (max, c, t, expected) => {
    expect(ratio(s(max), s(c), s(t)).toString()).toBe(expected);
  });

  test('compliant above total is #NUM!', () => {
    const err = expectArgError(() => ratio(s(2), s(6), s(5)), '#NUM!', 'compliant');
    expect(err.message).toContain('“total”（总数）');
  });

  test('a total of 0 is #NUM! and says why', () => {
    const err = expectArgError(() => ratio(s(2), s(0), s(0)), '#NUM!', 'total');
    expect(err.message).toContain('总数为 0，无法按比例计算');
  });
});

test('binary: points or 0', () => {
  expect(binary(true, s(1)).toString()).toBe('1');
  expect(binary(false, s(1)).toString()).toBe('0');
});

describe('composite: parts summed, capped, then a per-case deduction floored at 0', () => {
  test('流浪乞讨人员救助: 0.5 + 0.5 − 0.2 per case', () => {
    const parts = [s('0.5'), s('0.5')];
    expect(composite(parts, s(1), s(0), s('0.2')).toString()).toBe('1');
    expect(composite(parts, s(1), s(1), s('0.2')).toString()).toBe('0.8');
    expect(composite(parts, s(1), s(5), s('0.2')).toString()).toBe('0');
    expect(composite(parts, s(1), s(6), s('0.2')).toString()).toBe('0');
    expect(composite([s('0.5'), s(0)], s(1), s(2), s('0.2')).toString()).toBe('0.1');
  });

  test('never above the clause max', () => {
    expect(composite([s(1), s(1)], s(1), s(0), s(0)).toString()).toBe('1');
  });

  test('0.1 + 0.2 style sums are exact', () => {
    expect(composite([s(0.1), s(0.2)], s(1), s(0), s(0)).eq(s('0.3'))).toBe(true);
  });
});

describe('penalty: −Σ cases·perCase, stopping at −max', () => {
  test.each([
    [[0], [2], '0'],
    [[1], [2], '-2'],
    [[2], [2], '-4'],
    [[3], [2], '-5'],
    [[1, 1], [1, 3], '-4'],
    [[0, 2], [1, 3], '-5'],
    [[2, 1], [1, 3], '-5'],
  ])('%p cases at %p → %s', (cases, per, expected) => {
    expect(penalty(cases.map(s), per.map(s), s(5)).toString()).toBe(expected);
  });

  test('no cases is +0, not −0', () => {
    expect(Object.is(toNumber(penalty([s(0)], [s(2)], s(5))), 0)).toBe(true);
    expect(penalty([s(0)], [s(2)], s(5)).isNeg()).toBe(false);
  });

  test('counts and case types must pair up', () => {
    expectArgError(() => penalty([s(1)], [s(1), s(3)], s(5)), '#VALUE!', 'cases');
  });

  test('D is the configured clone', () => {
    expect(penalty([s(1)], [s(2)], s(5))).toBeInstanceOf(D);
  });
});
