import Decimal from 'decimal.js';

/**
 * The engine's own decimal constructor. A clone, so the engine never changes settings that other
 * code sharing the global `Decimal` (HyperFormula, the add-in) relies on.
 * 40 significant digits are far beyond any score, so only a non-terminating division (a ratio) rounds at all.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type Dec = Decimal;
export type DecInput = Dec | number | string;

const ZERO = new D(0);

/**
 * A decimal from trusted data (rubric numbers, constants). A number is read from its shortest
 * round-trip text, so `dec(0.1)` is exactly 0.1. User input goes through `args.ts` instead.
 * Throws a RangeError for NaN/Infinity: a non-finite number here is a programming error.
 */
export function dec(x: DecInput): Dec {
  const d = new D(x);
  if (!d.isFinite()) throw new RangeError(`dec: expected a finite number, got ${String(x)}`);
  // -0 would print as 0 but fail Object.is comparisons downstream.
  return d.isZero() ? ZERO : d;
}

/** The nearest JavaScript number, for handing a result to Excel; -0 comes back as 0. */
export function toNumber(d: Dec): number {
  return d.isZero() ? 0 : d.toNumber();
}

/** d limited to [lo, hi]; lo above hi is a programming error, not something to guess around. */
export function clamp(d: Dec, lo: Dec, hi: Dec): Dec {
  if (lo.gt(hi)) throw new RangeError(`clamp: lower bound ${lo.toString()} is above upper bound ${hi.toString()}`);
  return D.min(D.max(d, lo), hi);
}

/** Half-up to 0.01. Only proportional scoring (按比例) rounds; every other rule is exact. */
export function roundScore(d: Dec): Dec {
  return d.toDecimalPlaces(2, D.ROUND_HALF_UP);
}
