/**
 * RUBRIC.SCORE_CLAUSE(clause_id, inputs…) takes a clause's inputs as a flat list, because a cell formula
 * has no objects. This module fixes the order for each rule kind and turns the list back into the
 * RuleInputs the engine's evaluateRule reads. The order, per kind:
 *
 *   discretionary, bonus   score                        the score given
 *   all-or-nothing         met                          是/否, TRUE/FALSE, 1/0, √/×
 *   deduct                 cases                        cases found
 *   band                   rate                         the measured rate (15%, 0.15 or 15)
 *   threshold              value                        the measured value
 *   tiers (with mins)      value                        the measured value
 *   tiers (labels only)    tier                         the tier reached: its label or number, 0 for none
 *   additive               count                        how many were reported
 *   proportional           compliant, total             how many comply, out of how many
 *   composite              each part's inputs in the rubric's part order, then cases when the clause
 *                          deducts per case on the whole (流浪乞讨人员救助: met, met, cases)
 *   penalty                one count per case type, in the rubric's order
 *   veto                   (none: a veto scores 0; its effect is on the grade)
 *
 * The names are the ones the engine uses in its messages (parts[1].met …), so an error about a
 * missing input names the same thing this list documents.
 */
import type { RuleInputs } from '../rules';
import type { PartRule, Rule } from '../rubric-types';

type InputField = 'score' | 'met' | 'cases' | 'rate' | 'value' | 'tier' | 'count' | 'compliant' | 'total';

function partFields(rule: PartRule): InputField[] {
  switch (rule.kind) {
    case 'discretionary':
      return ['score'];
    case 'all-or-nothing':
      return ['met'];
    case 'deduct':
      return ['cases'];
    case 'band':
      return ['rate'];
    case 'threshold':
      return ['value'];
    case 'tiers':
      return rule.tiers.every((t) => t.min !== undefined) ? ['value'] : ['tier'];
    case 'additive':
      return ['count'];
    case 'proportional':
      return ['compliant', 'total'];
    default:
      return [];
  }
}

/** The inputs a clause's rule takes, in SCORE_CLAUSE order, named as the engine names them. */
export function clauseInputNames(rule: Rule): string[] {
  switch (rule.kind) {
    case 'composite': {
      const parts = rule.parts.flatMap((part, i) => partFields(part.rule).map((f) => `parts[${i}].${f}`));
      return rule.deductPerCase === undefined ? parts : [...parts, 'cases'];
    }
    case 'penalty':
      return rule.cases.length === 1 ? ['cases'] : rule.cases.map((c) => `cases[${c.label}]`);
    case 'veto':
      return [];
    case 'bonus':
      return ['score'];
    default:
      return partFields(rule);
  }
}

/** The flat SCORE_CLAUSE inputs as RuleInputs; a missing input stays undefined so the engine names it. */
export function toRuleInputs(rule: Rule, inputs: readonly unknown[]): RuleInputs {
  switch (rule.kind) {
    case 'composite': {
      let at = 0;
      const parts = rule.parts.map((part) => {
        const fields: Record<string, unknown> = {};
        for (const f of partFields(part.rule)) fields[f] = inputs[at++];
        return fields as RuleInputs;
      });
      return rule.deductPerCase === undefined ? { parts } : { parts, cases: inputs[at] };
    }
    case 'penalty':
      // A single case type takes a plain count; several take one count each, in order.
      return { cases: rule.cases.length === 1 ? inputs[0] : rule.cases.map((_, i) => inputs[i]) };
    case 'veto':
      return {};
    case 'bonus':
      return { score: inputs[0] };
    default: {
      const fields: Record<string, unknown> = {};
      partFields(rule).forEach((f, i) => (fields[f] = inputs[i]));
      return fields as RuleInputs;
    }
  }
}
