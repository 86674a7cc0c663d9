import {
  bandMode,
  bool,
  caseCounts,
  count,
  inRange,
  nonNegative,
  number,
  partInputs,
  positive,
  rate,
  tierChoice,
} from '../args';
import { D, dec, type Dec } from '../decimal';
import type { PartRule, Rule } from '../rubric-types';
import { isRateMeasure, partPoints, statedOr, unknownKind } from './rule-data';
import { additive, band, binary, composite, deduct, penalty, ratio, threshold, tier } from './scalar';

/**
 * What an assessor enters for one clause, by name; raw cell values, checked here. Which fields a rule
 * reads depends on its kind; the others are ignored.
 */
export interface RuleInputs {
  /** deduct, and a composite's deductPerCase: cases found. penalty: a count per case type, as an array in
   * the rubric's order, an object keyed by label, or one count when there is a single type. */
  readonly cases?: unknown;
  /** band: the measured rate (0.15, 15 or "15%"). */
  readonly rate?: unknown;
  /** threshold, and tiers whose tiers all have a min: the measured value (a rate for …率 measures). */
  readonly value?: unknown;
  /** tiers without mins: the tier reached, by label or 1-based number; 0 for none. */
  readonly tier?: unknown;
  /** additive: how many were reported. */
  readonly count?: unknown;
  /** proportional: how many comply out of how many. */
  readonly compliant?: unknown;
  readonly total?: unknown;
  /** all-or-nothing: whether the requirement is met. */
  readonly met?: unknown;
  /** composite: one RuleInputs per part, in the rubric's order. */
  readonly parts?: readonly (RuleInputs | null | undefined)[];
  /** discretionary and bonus: the score the assessor gives. */
  readonly score?: unknown;
}

const ZERO = new D(0);

/**
 * A clause's score from its rule and the assessor's inputs (RUBRIC.SCORE_CLAUSE). The clause max binds:
 * a rule whose stated points exceed it is a data slip for the linter, not extra points.
 * Penalty scores are negative (down to −max); veto scores 0 (its effect is on the grade).
 */
export function evaluateRule(rule: Rule, max: Dec | number, inputs: RuleInputs): Dec {
  return evaluate(rule, nonNegative('max', max), inputs, '');
}

function evaluate(rule: Rule, max: Dec, inputs: RuleInputs, prefix: string): Dec {
  const name = (field: string): string => prefix + field;
  switch (rule.kind) {
    case 'composite': {
      const given = partInputs(name('parts'), inputs.parts, rule.parts.length) as readonly RuleInputs[];
      const scores = rule.parts.map((part, i) =>
        evaluate(part.rule, partPoints(part, max), given[i] as RuleInputs, `${name('parts')}[${i}].`),
      );
      const perCase = rule.deductPerCase === undefined ? ZERO : nonNegative('deductPerCase', rule.deductPerCase);
      const cases = perCase.isZero() ? ZERO : count(name('cases'), inputs.cases);
      return composite(scores, max, cases, perCase);
    }
    case 'penalty': {
      const counts = caseCounts(name('cases'), inputs.cases, rule.cases.map((c) => c.label));
      return penalty(counts, rule.cases.map((c) => nonNegative('perCase', c.perCase)), max);
    }
    case 'veto':
      return ZERO;
    case 'bonus':
      return inRange(name('score'), inputs.score, ZERO, max);
    default:
      return D.min(max, evaluatePart(rule, max, inputs, name));
  }
}

function evaluatePart(rule: PartRule, max: Dec, inputs: RuleInputs, name: (field: string) => string): Dec {
  switch (rule.kind) {
    case 'discretionary':
      return inRange(name('score'), inputs.score, ZERO, max);
    case 'all-or-nothing':
      return binary(bool(name('met'), inputs.met), statedOr(rule.points, max));
    case 'deduct':
      return deduct(max, count(name('cases'), inputs.cases), nonNegative('perCase', rule.perCase));
    case 'band':
      return band(
        rate(name('rate'), inputs.rate),
        dec(rule.threshold),
        positive('step', rule.step),
        nonNegative('perStep', rule.perStep),
        statedOr(rule.points, max),
        bandMode('mode', rule.mode),
      );
    case 'threshold': {
      const value = isRateMeasure(rule) ? rate(name('value'), inputs.value) : nonNegative(name('value'), inputs.value);
      return threshold(value, rule.comparison, dec(rule.threshold), statedOr(rule.points, max));
    }
    case 'tiers': {
      const points = rule.tiers.map((t) => dec(t.points));
      if (rule.tiers.every((t) => t.min !== undefined)) {
        const value = isRateMeasure(rule) ? rate(name('value'), inputs.value) : number(name('value'), inputs.value);
        return tier(value, rule.tiers.map((t) => dec(t.min as number)), points);
      }
      const reached = tierChoice(name('tier'), inputs.tier, rule.tiers.map((t) => t.label));
      return reached < 0 ? ZERO : (points[reached] as Dec);
    }
    case 'additive':
      return additive(count(name('count'), inputs.count), nonNegative('perCase', rule.perCase), dec(rule.cap));
    case 'proportional':
      return ratio(
        statedOr(rule.points, max),
        nonNegative(name('compliant'), inputs.compliant),
        nonNegative(name('total'), inputs.total),
      );
    default:
      return unknownKind(rule);
  }
}
