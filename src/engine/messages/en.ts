import type { Messages } from './zh-CN';

/** English messages: the same keys and placeholders as zh-CN.ts (typed, so a missing key does not compile). */
export const en: Messages = {
  // --- How an argument is named inside a message (args.ts) ---
  'arg.ref': '"{arg}"',
  'arg.refLabelled': '"{arg}" ({label})',

  // --- Argument labels ---
  'argLabel.max': 'maximum points',
  'argLabel.cases': 'cases found',
  'argLabel.perCase': 'points per case',
  'argLabel.rate': 'rate',
  'argLabel.threshold': 'threshold',
  'argLabel.thresholds': 'tier thresholds',
  'argLabel.step': 'step size',
  'argLabel.perStep': 'points per step',
  'argLabel.mode': 'step counting',
  'argLabel.value': 'measured value',
  'argLabel.comparison': 'comparison',
  'argLabel.points': 'points',
  'argLabel.count': 'count',
  'argLabel.cap': 'cap',
  'argLabel.floor': 'floor',
  'argLabel.compliant': 'compliant count',
  'argLabel.total': 'total',
  'argLabel.met': 'requirement met',
  'argLabel.values': 'scores',
  'argLabel.veto': 'veto',
  'argLabel.score': 'score',
  'argLabel.tier': 'tier reached',
  'argLabel.bands': 'grade bands',
  'argLabel.parts': 'sub-points',
  'argLabel.resolution': 'score resolution',
  'argLabel.rule': 'scoring rule',

  // --- Argument errors (args.ts) ---
  'arg.number.missing': 'Argument {argRef} is empty. Enter a number, such as 2 or 0.5.',
  'arg.number.invalid':
    'Argument {argRef} should be a number, got "{value}". Enter a number such as 2 or 0.5, without units or words.',
  'arg.count.missing': 'Argument {argRef} is empty. Enter the number of cases found, such as 0, 1 or 2; enter 0 if none were found.',
  'arg.count.invalid': 'Argument {argRef} should be 0 or a positive whole number, got "{value}". Enter the number of cases found, such as 0, 1 or 2.',
  'arg.positive.notPositive': 'Argument {argRef} should be greater than 0, got "{value}". Enter a number above 0, such as 0.1 or 10%.',
  'arg.nonNegative.negative':
    'Argument {argRef} cannot be negative, got "{value}". Enter 0 or a positive number; enter deductions as positive numbers too.',
  'arg.rate.missing': 'Argument {argRef} is empty. Enter a rate, such as 15%, 0.15 or 15 (all mean fifteen percent).',
  'arg.rate.invalid': 'Argument {argRef} should be a rate, got "{value}". Enter for example 15%, 0.15 or 15 (all mean fifteen percent).',
  'arg.rate.outOfRange':
    'Argument {argRef} should be between 0% and 100%, got "{value}". A number above 1 is read as a percentage (15 is 15%, 1 is 100%); check for a negative number or an extra digit.',
  'arg.comparison.missing': 'Argument {argRef} is empty. Enter a comparison: >, >=, < or <=.',
  'arg.comparison.invalid':
    'Argument {argRef} should be one of >, >=, < or <=, got "{value}". Enter one of them (＞, ≥, ＜ and ≤ are accepted too).',
  'arg.bandMode.invalid':
    'Argument {argRef} should be full (count only full steps) or started (a started step counts), got "{value}". Enter full or started, or leave it empty (full).',
  'arg.bool.missing': 'Argument {argRef} is empty. Enter yes or no: TRUE/FALSE, 1/0, 是/否, √/× or Y/N.',
  'arg.bool.invalid': 'Argument {argRef} should be yes or no, got "{value}". Enter TRUE/FALSE, 1/0, 是/否, √/× or Y/N.',
  'arg.range.outside': 'Argument {argRef} should be between {min} and {max}, got "{value}". Enter a number from {min} to {max}.',
  'arg.notAbove': 'Argument {argRef} is "{value}", more than argument {otherRef} at "{limit}". The first cannot exceed the second; check both numbers.',
  'arg.ratio.totalZero':
    'Argument {argRef} is "{value}": with a total of 0 there is no proportion to score. Enter a total above 0, or mark the clause not applicable.',
  'arg.list.invalid': 'Argument {argRef} should be a list of numbers (a cell range or an array), got "{value}". Select a cell range or pass an array.',
  'arg.list.lengthMismatch':
    'Argument {argRef} has {count} entries but argument {otherRef} has {otherCount}. They pair up one to one; give both the same number of entries.',
  'arg.list.empty': 'Argument {argRef} is empty; it needs at least 1 entry. Provide at least one, such as "优秀 90".',
  'arg.tier.missing': 'Argument {argRef} is empty. Enter the name or number of the tier reached ({options}); enter 0 if no tier was reached.',
  'arg.tier.invalid': 'Argument {argRef} should be a tier name or number ({options}), got "{value}". Enter one of them, or 0 if no tier was reached.',
  'arg.cases.unknownLabel': 'Argument {argRef} names the case type "{value}", which is not one of {options}. Give the counts under those names.',
  'arg.cases.shape': 'Argument {argRef} should give a count for each case type ({options}), got "{value}". Enter a count for every case type.',
  'arg.parts.invalid':
    'Argument {argRef} should give one input per sub-point, in the rubric\'s order ({count} in all), got "{value}". Provide an input for every sub-point.',
  'arg.rule.unknownKind': 'Argument {argRef} has the kind "{value}", which is not recognised. Check kind in the rubric file; it should be one of {options}.',

  // --- Rubric lint (lint.ts) ---
  'lint.DUPLICATE_ID': 'The id "{id}" is used twice; first at {first}. Every category, item and clause id must be unique; change one of them.',
  'lint.ID_HIERARCHY': 'The id "{id}" does not match its parent; it should be "{parent}" (clause id = item id.clause number). Fix the id.',
  'lint.STATED_POINTS': 'Clause {id} ({item}) says "得 {stated} 分" in its text but its maximum is ({max}分). A slip in the source: scored with the maximum {max}; confirm with the district bureau.',
  'lint.RULE_ABOVE_MAX': 'Clause {id}: its rule can award {points} points, more than the clause maximum {max}. Check the rule parameters or the maximum.',
  'lint.PART_MAX_MISSING': 'Clause {id}: the part "{label}" has no maximum (max). Discretionary and per-case parts must state max.',
  'lint.PARTS_SUM': 'Clause {id}: its parts add up to {sum}, not the clause maximum {max}. Check the parts\' points.',
  'lint.TYPO': 'Clause {id}: "{text}" in the source probably means "{meant}"; the data keeps the source text.',
  'lint.ITEM_SUM': 'Item {id} "{name}": its clauses add up to {sum}, not the item\'s {max}. Check the clause maxima.',
  'lint.CATEGORY_SUM': 'Category "{name}": its items add up to {sum}, not the cap {cap}. Check the items\' points.',
  'lint.TOTAL_SUM': 'The base categories add up to {sum}, not the total {total}. Check the category caps.',
  'lint.GRADE_ORDER': 'Grade "{grade}" starts at {min}, not below the grade above it, "{prev}". List grades from highest to lowest.',
  'lint.GRADE_ASSUMPTION': 'The grade bands are this tool\'s assumption (the source has none): {note}',
};
