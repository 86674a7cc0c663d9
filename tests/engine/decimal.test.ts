import Decimal from 'decimal.js';
import { clamp, D, dec, roundScore, toNumber } from '../../src/engine/decimal';

describe('the engine decimal', () => {
  test('is a configured clone that leaves the global Decimal alone', () => {
    expect(D.precision).toBe(40);
    expect(D.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20);
    expect(D).not.toBe(Decimal);
  });

  test('dec reads a number from its shortest text, so 0.1 is exactly 0.1', () => {
    expect(dec(0.1).toString()).toBe('0.1');
    expect(dec(0.1).plus(dec(0.2)).eq(dec('0.3'))).toBe(true);
    expect(dec('2').minus(dec('0.2').times(6)).toString()).toBe('0.8');
  });

  test('dec refuses NaN and Infinity rather than carrying them', () => {
    expect(() => dec(NaN)).toThrow(RangeError);
    expect(() => dec(Infinity)).toThrow(RangeError);
    expect(() => dec(-Infinity)).toThrow(RangeError);
  });

  test('toNumber hands back plain numbers and never −0', () => {
    expect(toNumber(dec('0.8'))).toBe(0.8);
    expect(Object.is(toNumber(dec(-0)), 0)).toBe(true);
    expect(Object.is(toNumber(new D(0).neg()), 0)).toBe(true);
    expect(toNumber(dec('-1.5'))).toBe(-1.5);
  });

  test('clamp limits to [lo, hi] and rejects an inverted interval', () => {
    expect(clamp(dec(7), dec(0), dec(5)).toString()).toBe('5');
    expect(clamp(dec(-7), dec(-5), dec(0)).toString()).toBe('-5');
    expect(clamp(dec('2.5'), dec(0), dec(5)).toString()).toBe('2.5');
    expect(() => clamp(dec(1), dec(5), dec(0))).toThrow(RangeError);
  });

  test('roundScore rounds half-up to 0.01', () => {
    expect(roundScore(dec('0.125')).toString()).toBe('0.13');
    expect(roundScore(dec('0.124999')).toString()).toBe('0.12');
    expect(roundScore(dec(2).div(3)).toString()).toBe('0.67');
    expect(roundScore(dec(1).div(3)).toString()).toBe('0.33');
    expect(roundScore(dec('1.005')).toString()).toBe('1.01');
  });
});
