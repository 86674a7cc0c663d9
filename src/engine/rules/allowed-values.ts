import { nonNegative, positive } from '../args';
import { D, dec, type Dec } from '../decimal';
import type { CompositePart, PartRule, Rule } from '../rubric-types';
import { partPoints, statedOr, unknownKind } from './rule-data';

/** Every score a rule can produce: a finite set, or a grid [min, max] in steps of `step`. */
export type AllowedValues =
  | { readonly kind: 'set'; readonly values: readonly Dec[] }
  | { readonly kind: 'range'; readonly min: Dec; readonly max: Dec; readonly step: Dec };

const ZERO = new D(0);
const CENT = new D('0.01');

/**
 * Beyond this many values a set stops being useful to list; the grid [min, max] at the rubric's
 * resolution (the finest step any score takes) stands in for it.
 */
const MAX_SET_SIZE = 5000;

function uniqueSorted(values: readonly Dec[]): Dec[] {
  const unique = new Map<string, Dec>();
  for (const v of values) unique.set(v.toString(), v.isZero() ? ZERO : v);
  return [...unique.values()].sort((a, b) => a.cmp(b));
}

const set = (values: readonly Dec[]): AllowedValues => ({ kind: 'set', values: uniqueSorted(values) });

const range = (min: Dec, max: Dec, step: Dec): AllowedValues => ({ kind: 'range', min, max, step });

/** top, top − per, top − 2·per … down to 0 (扣完为止: 0 is always reachable). */
function ladder(top: Dec, per: Dec, resolution: Dec): AllowedValues {
  if (per.isZero()) return set([top, ZERO]);
  if (top.div(per).gt(MAX_SET_SIZE)) return range(ZERO, top, resolution);
  const values: Dec[] = [ZERO];
  for (let v = top; v.gt(0); v = v.minus(per)) values.push(v);
  return set(values);
}

/** 0, per, 2·per … up to the cap, which is reached even when it is not a multiple of per. */
function multiplesUpTo(per: Dec, cap: Dec, resolution: Dec): AllowedValues {
  if (per.isZero()) return set([ZERO]);
  if (cap.div(per).gt(MAX_SET_SIZE)) return range(ZERO, cap, resolution);
  const values: Dec[] = [];
  for (let v = ZERO; v.lt(cap); v = v.plus(per)) values.push(v);
  values.push(cap);
  return set(values);
}

const capAt = (values: readonly Dec[], max: Dec): Dec[] => values.map((v) => D.min(v, max));

const capAllowed = (allowed: AllowedValues, max: Dec): AllowedValues =>
  allowed.kind === 'set' ? set(capAt(allowed.values, max)) : range(allowed.min, D.min(allowed.max, max), allowed.step);

/**
 * The allowed values of a clause's rule, for the validator's SCORE_NOT_ALLOWED: 0.5 on a 1-point
 * all-or-nothing clause, or 1.3 on a 2-point clause losing 0.5 per case, is not a score the rule
 * can give. Mirrors evaluateRule, including the clause max binding every rule.
 */
export function allowedValues(rule: Rule, max: Dec | number, resolution: Dec | number): AllowedValues {
  return allowed(rule, nonNegative('max', max), positive('resolution', resolution));
}

export function isAllowed(rule: Rule, max: Dec | number, resolution: Dec | number, value: Dec): boolean {
  const allowedSet = allowedValues(rule, max, resolution);
  if (allowedSet.kind === 'set') return allowedSet.values.some((v) => v.eq(value));
  return value.gte(allowedSet.min) && value.lte(allowedSet.max) && value.minus(allowedSet.min).mod(allowedSet.step).isZero();
}

function allowed(rule: Rule, max: Dec, resolution: Dec): AllowedValues {
  switch (rule.kind) {
    case 'composite':
      return allowedComposite(rule.parts, max, resolution, rule.deductPerCase);
    case 'penalty':
      return allowedPenalty(rule.cases.map((c) => nonNegative('perCase', c.perCase)), max, resolution);
    case 'veto':
      return set([ZERO]);
    case 'bonus':
      return range(ZERO, max, resolution);
    default:
      return allowedPart(rule, max, resolution);
  }
}

function allowedPart(rule: PartRule, max: Dec, resolution: Dec): AllowedValues {
  switch (rule.kind) {
    case 'discretionary':
      return range(ZERO, max, resolution);
    // Rounded to 0.01 whatever the resolution, so the grid is at least that fine.
    case 'proportional':
      return range(ZERO, D.min(max, statedOr(rule.points, max)), D.min(resolution, CENT));
    case 'all-or-nothing':
    case 'threshold':
      return set([ZERO, D.min(max, statedOr(rule.points, max))]);
    case 'tiers':
      return set([ZERO, ...capAt(rule.tiers.map((t) => dec(t.points)), max)]);
    case 'deduct':
      return ladder(max, nonNegative('perCase', rule.perCase), resolution);
    // The band deducts from its own points and the max caps afterwards, as in evaluateRule.
    case 'band':
      return capAllowed(ladder(statedOr(rule.points, max), nonNegative('perStep', rule.perStep), resolution), max);
    case 'additive':
      return multiplesUpTo(nonNegative('perCase', rule.perCase), D.min(max, dec(rule.cap)), resolution);
    default:
      return unknownKind(rule);
  }
}

/** Sums of the parts' values, capped at the clause max, then each lowered by the per-case deduction. */
function allowedComposite(parts: readonly CompositePart[], max: Dec, resolution: Dec, deductPerCase?: number): AllowedValues {
  const perCase = deductPerCase === undefined ? ZERO : nonNegative('deductPerCase', deductPerCase);
  const each = parts.map((part) => allowedPart(part.rule, partPoints(part, max), resolution));
  const asRange = (): AllowedValues => {
    const bounds = each.map((a) =>
      a.kind === 'range' ? { lo: a.min, hi: a.max } : { lo: a.values[0] ?? ZERO, hi: a.values[a.values.length - 1] ?? ZERO },
    );
    const lo = perCase.isZero() ? D.min(max, bounds.reduce((s, b) => s.plus(b.lo), ZERO)) : ZERO;
    const hi = D.min(max, bounds.reduce((s, b) => s.plus(b.hi), ZERO));
    const step = each.reduce((s, a) => (a.kind === 'range' ? D.min(s, a.step) : s), resolution);
    return range(lo, hi, step);
  };
  if (each.some((a) => a.kind === 'range')) return asRange();

  let sums: Dec[] = [ZERO];
  for (const part of each) {
    if (part.kind !== 'set') return asRange();
    sums = uniqueSorted(sums.flatMap((s) => part.values.map((v) => s.plus(v))));
    if (sums.length > MAX_SET_SIZE) return asRange();
  }
  const capped = uniqueSorted(capAt(sums, max));
  if (perCase.isZero()) return set(capped);
  const lowered: Dec[] = [];
  for (const top of capped) {
    const rungs = ladder(top, perCase, resolution);
    if (rungs.kind === 'range') return asRange();
    lowered.push(...rungs.values);
    if (lowered.length > MAX_SET_SIZE * 4) return asRange();
  }
  return set(lowered);
}

/** 0, −(every total of case points below max), and −max itself once the cases reach it. */
function allowedPenalty(perCase: readonly Dec[], max: Dec, resolution: Dec): AllowedValues {
  const steps = perCase.filter((p) => p.gt(0));
  const reached = new Map<string, Dec>([['0', ZERO]]);
  const queue: Dec[] = [ZERO];
  while (queue.length > 0) {
    const taken = queue.shift() as Dec;
    for (const p of steps) {
      const next = D.min(max, taken.plus(p));
      if (reached.has(next.toString())) continue;
      reached.set(next.toString(), next);
      if (reached.size > MAX_SET_SIZE) return range(ZERO.minus(max), ZERO, resolution);
      if (next.lt(max)) queue.push(next);
    }
  }
  return set([...reached.values()].map((v) => ZERO.minus(v)));
}
