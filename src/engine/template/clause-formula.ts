/**
 * The computing score cell of the formulas template: for a clause whose rule takes exactly one
 * RUBRIC.SCORE_CLAUSE input (see functions/clause-inputs.ts), the score cell computes from that row's
 * 计分依据 cell, and the input cell carries the hint of what to enter. Rules that take several inputs
 * (proportional, composite, penalty with several case types) or a judgement (discretionary, bonus) and
 * the veto keep a score typed by hand.
 */
import { t, type Locale } from '../messages';
import type { Rule } from '../rubric-types';
import { isRateMeasure } from '../rules';
import type { TemplateCell, TemplateValidation } from './template-spec';

/** Upper bound of a count or measured value: only there so a typed minus sign or a stray huge number is caught. */
const MAX_COUNT = 100000;
/** A rate may be typed as 6% (0.06) or as 6; both are read by the engine. */
const MAX_RATE = 100;

/** `IF(H5="","",RUBRIC.SCORE_CLAUSE("3.6.2",H5))`: an empty input leaves the score empty, not 0 or an error. */
export const scoreFormula = (clauseId: string, input: string): string =>
  `IF(${input}="","",RUBRIC.SCORE_CLAUSE("${clauseId.replace(/"/g, '""')}",${input}))`;

function numberInput(range: string, max: number, prompt: string, error: string): TemplateValidation {
  return { range, min: 0, max, error, prompt };
}

/** The hint and validation of the one input `rule` takes, or undefined when the score stays typed by hand. */
function inputValidation(rule: Rule, range: string, locale: Locale): TemplateValidation | undefined {
  const numberError = t('template.input.numberError', {}, locale);
  switch (rule.kind) {
    case 'deduct':
      return numberInput(
        range,
        MAX_COUNT,
        rule.caseLabel ? t('template.input.cases', { label: rule.caseLabel }, locale) : t('template.input.casesPlain', {}, locale),
        numberError,
      );
    case 'band':
      return numberInput(range, MAX_RATE, t('template.input.rate', { measure: rule.measure }, locale), t('template.input.rateError', {}, locale));
    case 'threshold':
      return isRateMeasure(rule)
        ? numberInput(range, MAX_RATE, t('template.input.rate', { measure: rule.measure }, locale), t('template.input.rateError', {}, locale))
        : numberInput(range, MAX_COUNT, t('template.input.value', { measure: rule.measure }, locale), numberError);
    case 'tiers':
      if (rule.tiers.every((tier) => tier.min !== undefined)) {
        const measure = rule.measure ?? '';
        return isRateMeasure(rule)
          ? numberInput(range, MAX_RATE, t('template.input.rate', { measure }, locale), t('template.input.rateError', {}, locale))
          : numberInput(range, MAX_COUNT, t('template.input.value', { measure }, locale), numberError);
      }
      return numberInput(
        range,
        rule.tiers.length,
        t('template.input.tier', { tiers: rule.tiers.map((tier, i) => `${i + 1}=${tier.label}`).join('；') }, locale),
        t('template.input.tierError', { n: rule.tiers.length }, locale),
      );
    case 'additive':
      return numberInput(
        range,
        MAX_COUNT,
        rule.caseLabel ? t('template.input.count', { label: rule.caseLabel }, locale) : t('template.input.countPlain', {}, locale),
        numberError,
      );
    case 'all-or-nothing':
      return { range, min: 0, max: 0, list: ['是', '否'], prompt: t('template.input.met', {}, locale), error: t('template.input.metError', {}, locale) };
    default:
      return undefined;
  }
}

/** The 计分依据 cell at `address` for a clause whose score computes, with its validation; undefined otherwise. */
export function inputCell(rule: Rule, address: string, locale: Locale): { cell: TemplateCell; validation: TemplateValidation } | undefined {
  const validation = inputValidation(rule, address, locale);
  if (!validation) return undefined;
  // 是/否 stays text; a number typed as 6% keeps showing as a percentage by Excel's own formatting.
  const cell: TemplateCell = { address, align: 'center', ...(validation.list ? { numberFormat: '@' } : {}) };
  return { cell, validation };
}
