export { additive, band, bandSteps, binary, composite, deduct, penalty, ratio, threshold, tier } from './scalar';
export { sum } from './sum';
export { grade, type GradeBandInput } from './grade';
export { evaluateRule, type RuleInputs } from './evaluate-rule';
export { allowedValues, isAllowed, type AllowedValues } from './allowed-values';
export { isRateMeasure, partPoints, RULE_KINDS } from './rule-data';
