/**
 * The rubric's scoring rules as functions of already-checked decimals (see ../args.ts).
 * All arithmetic is exact decimal: in binary floating point 2 − 0.2·6 is 0.7999999999999998 and a
 * 6% rate against a 5% threshold in 1% steps is 0.9999999999999994 steps.
 */
import { requireNonZeroTotal, requireNotAbove, requireSameLength } from '../args';
import { D, roundScore, type Dec } from '../decimal';
import type { BandMode, Comparison } from '../rubric-types';

const ZERO = new D(0);

/** 每发现 1 例…扣 Y 分，扣完为止. */
export const deduct = (max: Dec, cases: Dec, perCase: Dec): Dec => D.max(ZERO, max.minus(cases.times(perCase)));

/**
 * Steps past a threshold. divToInt is an exact truncating division, so 0.01 / 0.01 is exactly 1
 * step; full counts whole steps (floor), started counts a partial step as one (ceil).
 */
export function bandSteps(excess: Dec, step: Dec, mode: BandMode): Dec {
  const whole = excess.divToInt(step);
  return mode === 'started' && whole.times(step).lt(excess) ? whole.plus(1) : whole;
}

/** 超期率≤10%，得 0.5 分，每增加 10%，扣 0.1 分，扣完为止. */
export const band = (rate: Dec, threshold: Dec, step: Dec, perStep: Dec, max: Dec, mode: BandMode = 'full'): Dec =>
  rate.lte(threshold) ? max : deduct(max, bandSteps(rate.minus(threshold), step, mode), perStep);

const HOLDS: Readonly<Record<Comparison, (sign: number) => boolean>> = {
  '>': (sign) => sign > 0,
  '>=': (sign) => sign >= 0,
  '<': (sign) => sign < 0,
  '<=': (sign) => sign <= 0,
};

/** 参训率>80%，得 1 分，否则不得分: at equality only >= and <= hold. */
export const threshold = (value: Dec, comparison: Comparison, limit: Dec, points: Dec): Dec =>
  HOLDS[comparison](value.cmp(limit)) ? points : ZERO;

/** The first tier (in the order given) whose threshold the value reaches earns its points. */
export function tier(value: Dec, thresholds: readonly Dec[], points: readonly Dec[]): Dec {
  requireSameLength('thresholds', thresholds, 'points', points);
  const reached = thresholds.findIndex((limit) => value.gte(limit));
  return reached < 0 ? ZERO : (points[reached] as Dec);
}

/** 每报一例得 0.1 分，封顶 0.5 分. */
export const additive = (count: Dec, perCase: Dec, cap: Dec): Dec => D.min(cap, count.times(perCase));

/**
 * 按比例: max · compliant / total, half-up to 0.01. Multiplying before dividing keeps the one
 * inexact step (the division, at 40 digits) last, so the rounding to 0.01 sees the true value.
 */
export function ratio(max: Dec, compliant: Dec, total: Dec): Dec {
  requireNonZeroTotal('total', total);
  requireNotAbove('compliant', compliant, 'total', total);
  return roundScore(max.times(compliant).div(total));
}

/** 得 X 分，否则不得分. */
export const binary = (met: boolean, points: Dec): Dec => (met ? points : ZERO);

/**
 * Several sub-points in one clause (档案管理规范 1+1; 流浪乞讨人员救助 0.5+0.5 −0.2/例): the parts
 * never add up past the clause max, and a per-case deduction on the whole is floored at 0.
 */
export const composite = (partScores: readonly Dec[], max: Dec, cases: Dec, perCase: Dec): Dec =>
  deduct(D.min(max, partScores.reduce((acc, d) => acc.plus(d), ZERO)), cases, perCase);

/** 扣分项: each case type's count × its points, as a negative score that stops at −max. */
export function penalty(cases: readonly Dec[], perCase: readonly Dec[], max: Dec): Dec {
  requireSameLength('cases', cases, 'perCase', perCase);
  const taken = cases.reduce((acc, n, i) => acc.plus(n.times(perCase[i] as Dec)), ZERO);
  // ZERO.minus keeps "no cases" a positive 0 rather than −0.
  return ZERO.minus(D.min(max, taken));
}
