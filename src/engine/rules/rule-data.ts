import { RubricArgError } from '../args';
import { dec, type Dec } from '../decimal';
import { partMax } from '../rule-points';
import type { CompositePart, RuleKind, ThresholdRule, TiersRule } from '../rubric-types';

/** `points` when the rubric states it, else the clause max (得 X 分 where X is the clause's （N分）). */
export const statedOr = (points: number | undefined, max: Dec): Dec => (points === undefined ? max : dec(points));

/** A composite part's maximum (its own `max`, else its rule's points), else the clause max. */
export function partPoints(part: CompositePart, clauseMax: Dec): Dec {
  const stated = partMax(part);
  return stated === undefined ? clauseMax : dec(stated);
}

/**
 * Whether a measure is a rate (0.8 = 80%). `unit` says so when given; without it, a measure named …率
 * (参训率, 知晓率) is a rate and anything else (hours, people) a plain number.
 */
export function isRateMeasure(rule: ThresholdRule | TiersRule): boolean {
  if (rule.kind === 'threshold' && rule.unit !== undefined) return rule.unit === 'rate';
  return rule.measure?.includes('率') ?? false;
}

export const RULE_KINDS: readonly RuleKind[] = [
  'discretionary',
  'all-or-nothing',
  'deduct',
  'band',
  'threshold',
  'tiers',
  'additive',
  'proportional',
  'composite',
  'penalty',
  'veto',
  'bonus',
];

/** Rubric data reaches the engine untyped at runtime; an unknown kind is named, not scored as 0. */
export function unknownKind(rule: { kind?: unknown }): never {
  throw new RubricArgError('#VALUE!', 'arg.rule.unknownKind', 'rule', rule.kind, { options: RULE_KINDS.join(', ') });
}

