import type { CompositePart, PartRule, Rule } from './rubric-types';

/** The most a rule can award on its own terms, or undefined when it takes the clause/part maximum. */
export function statedMax(rule: Rule | PartRule): number | undefined {
  switch (rule.kind) {
    case 'all-or-nothing':
    case 'band':
    case 'threshold':
    case 'proportional':
      return rule.points;
    case 'tiers':
      return Math.max(...rule.tiers.map((t) => t.points));
    case 'additive':
      return rule.cap;
    default:
      return undefined;
  }
}

/** A composite part's maximum: its own `max`, else what its rule states. */
export function partMax(part: CompositePart): number | undefined {
  return part.max ?? statedMax(part.rule);
}
