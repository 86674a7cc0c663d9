/**
 * The scores a located row can hold: one clause's allowed values, or for an item written as one row,
 * every sum of its clauses' allowed values.
 */
import { D, type Dec } from '../decimal';
import { t, type Locale } from '../messages';
import { allowedValues, type AllowedValues } from '../rules';
import type { Clause } from '../rubric-types';

const MAX_SET = 5000;
const SHOWN = 12;

/** Keyed by the row's first clause; rubric objects are immutable once loaded, so the sets can be kept. */
const cache = new WeakMap<Clause, Map<string, AllowedValues>>();

export function rowAllowed(clauses: readonly Clause[], resolution: number): AllowedValues {
  if (clauses.length === 0) return { kind: 'set', values: [new D(0)] };
  const key = `${clauses.map((c) => c.id).join(',')}@${resolution}`;
  let byKey = cache.get(clauses[0]);
  if (!byKey) cache.set(clauses[0], (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const computed = computeAllowed(clauses, resolution);
  byKey.set(key, computed);
  return computed;
}

function computeAllowed(clauses: readonly Clause[], resolution: number): AllowedValues {
  const each = clauses.map((c) => allowedValues(c.rule, c.max, resolution));
  if (each.length === 1) return each[0];
  if (each.every((a) => a.kind === 'set')) {
    let sums = new Map<string, Dec>([['0', new D(0)]]);
    for (const a of each) {
      if (a.kind !== 'set') break;
      const next = new Map<string, Dec>();
      for (const s of sums.values()) for (const v of a.values) next.set(s.plus(v).toString(), s.plus(v));
      sums = next;
      if (sums.size > MAX_SET) break;
    }
    if (sums.size <= MAX_SET) return { kind: 'set', values: [...sums.values()].sort((a, b) => a.cmp(b)) };
  }
  const bounds = each.map((a) => (a.kind === 'range' ? { lo: a.min, hi: a.max } : { lo: a.values[0], hi: a.values[a.values.length - 1] }));
  const step = each.reduce((s, a) => (a.kind === 'range' ? D.min(s, a.step) : s), new D(resolution));
  return {
    kind: 'range',
    min: bounds.reduce((s, b) => s.plus(b.lo ?? 0), new D(0)),
    max: bounds.reduce((s, b) => s.plus(b.hi ?? 0), new D(0)),
    step,
  };
}

export function allows(allowed: AllowedValues, value: Dec): boolean {
  if (allowed.kind === 'set') return allowed.values.some((v) => v.eq(value));
  return value.gte(allowed.min) && value.lte(allowed.max) && value.minus(allowed.min).mod(allowed.step).isZero();
}

/**
 * The allowed value nearest to `value`: what a flagged score counts as in the total until it is corrected.
 * Exactly between two allowed values neither is likelier, so the value stays as entered.
 */
export function nearestAllowed(allowed: AllowedValues, value: Dec): Dec {
  if (allowed.kind === 'range') {
    if (value.lte(allowed.min)) return allowed.min;
    if (value.gte(allowed.max)) return allowed.max;
    const below = allowed.min.plus(value.minus(allowed.min).div(allowed.step).floor().times(allowed.step));
    return closer(below, D.min(below.plus(allowed.step), allowed.max), value);
  }
  let lo: Dec | undefined;
  let hi: Dec | undefined;
  for (const v of allowed.values) {
    if (v.lte(value)) lo = v;
    else {
      hi = v;
      break;
    }
  }
  if (lo === undefined) return hi ?? value;
  if (hi === undefined) return lo;
  return closer(lo, hi, value);
}

function closer(lo: Dec, hi: Dec, value: Dec): Dec {
  const down = value.minus(lo);
  const up = hi.minus(value);
  return down.lt(up) ? lo : up.lt(down) ? hi : value;
}

/** 0、0.5、1 — or the first and last few of a long list, or the range in words. */
export function describeAllowed(allowed: AllowedValues, locale: Locale): string {
  const sep = t('finding.list.separator', {}, locale);
  if (allowed.kind === 'range') {
    return t('finding.allowed.range', { min: allowed.min.toString(), max: allowed.max.toString(), step: allowed.step.toString() }, locale);
  }
  const shown = allowed.values.map((v) => v.toString());
  return shown.length <= SHOWN ? shown.join(sep) : [...shown.slice(0, 5), '…', ...shown.slice(-2)].join(sep);
}
