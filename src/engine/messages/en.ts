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
  'arg.list.empty': 'Argument {argRef} has no entries; it needs at least 1. Provide at least one entry.',
  'arg.tier.missing': 'Argument {argRef} is empty. Enter the name or number of the tier reached ({options}); enter 0 if no tier was reached.',
  'arg.tier.invalid': 'Argument {argRef} should be a tier name or number ({options}), got "{value}". Enter one of them, or 0 if no tier was reached.',
  'arg.cases.unknownLabel': 'Argument {argRef} names the case type "{value}", which is not one of {options}. Give the counts under those names.',
  'arg.cases.shape': 'Argument {argRef} should give a count for each case type ({options}), got "{value}". Enter a count for every case type.',
  'arg.parts.invalid':
    'Argument {argRef} should give one input per sub-point, in the rubric\'s order ({count} in all), got "{value}". Provide an input for every sub-point.',
  'arg.rule.unknownKind': 'Argument {argRef} should have a kind among {options}, got "{value}". Check the spelling of the clause\'s kind in the rubric file.',

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

  // --- Table locator (locate/) ---
  'locate.tableNotFound':
    'No rubric table found on sheet "{sheet}": none of its {rows} rows is a header with both an item column ({itemNames}) and a self-assessed score column ({scoreNames}). Use one of these column names in the header.',
  'locate.nearMiss': 'The nearest is row {row}: it has {found} but no {missing} column. Add or correct that column name in this row.',
  'locate.nearMiss.none': 'No row holds any recognisable column name.',
  'locate.role.category': '指标体系 (category)',
  'locate.role.item': '评价内容 (item)',
  'locate.role.points': '分值 (points)',
  'locate.role.rule': '评分细则 (rule)',
  'locate.role.score': '自评得分 (score)',
  'locate.role.evidence': '佐证材料 (evidence)',
  'locate.role.reason': '扣分说明 (reason)',
  'locate.role.deduction': '扣分 (deduction)',
  'locate.role.review': '复核得分 (review score)',
  'locate.role.reviewNote': '复核意见 (review remark)',

  // --- Findings (validate/) ---
  'finding.list.separator': ', ',
  'finding.where.clause': 'Clause {id} ({item}, no. {number})',
  'finding.where.item': '"{item}" (clauses {ids})',
  'finding.allowed.range': 'a value from {min} to {max} in steps of {step}',
  'finding.total.grand': 'The total',
  'finding.total.subtotal': 'The subtotal of "{category}"',
  'finding.evidence.generic': 'the relevant ledgers or work records',
  'finding.SCORE_MISSING': '{where}: the self-assessed score is empty. Enter a score from 0 to {max}.',
  'finding.SCORE_NOT_NUMBER': '{where}: the score "{value}" is not a number. Enter a number from 0 to {max}, without 分 or other text.',
  'finding.SCORE_NOT_NUMBER.error': '{where}: the score cell shows the error {value}. Check the cell\'s formula, or enter a number from 0 to {max}.',
  'finding.SCORE_NOT_NUMBER.notApplicable':
    '{where}: the score says "{value}", but this clause has no not-applicable case. Enter a score from 0 to {max}.',
  'finding.SCORE_NOT_NUMBER.penalty': '{where}: the deduction "{value}" is not a number. Enter it as a negative number such as -{example}; enter 0 if nothing is deducted.',
  'finding.SCORE_NOT_NUMBER.veto': '{where}: enter 是 (yes) or 否 (no), got "{value}". Enter 是 only if a veto case occurred, otherwise 否.',
  'finding.SCORE_NEGATIVE': '{where}: the score {value} is negative. This clause cannot score below 0; enter a score from 0 to {max}.',
  'finding.SCORE_ABOVE_MAX': '{where}: the score {value} is above the clause maximum of {max}. Enter a score from 0 to {max}.',
  'finding.SCORE_ABOVE_MAX.item': '{where}: the score {value} is above the item maximum of {max}. Enter a score from 0 to {max}.',
  'finding.SCORE_ABOVE_MAX.penalty': '{where}: the deduction {value} is more than this clause can take off ({max}). Enter a value from -{max} to 0.',
  'finding.SCORE_NOT_ALLOWED': '{where}: the score {value} is not one the clause\'s scoring rule can give. Allowed: {allowed}. Correct it according to the rule.',
  'finding.SCORE_NOT_ALLOWED.penaltyPositive':
    '{where}: the positive number {value} was entered. Deductions are negative: for one case costing {example} points enter -{example}; enter 0 if nothing is deducted.',
  'finding.EVIDENCE_MISSING': '{where}: {value} points are claimed but the evidence cell is empty. Name the evidence behind the score, such as {evidence}.',
  'finding.EVIDENCE_MISSING.penalty': '{where}: {value} points are deducted but the evidence cell is empty. Describe what was reported and the records, such as {evidence}.',
  'finding.REASON_MISSING': '{where}: the score {value} is below the maximum of {max} but the reason cell is empty. Explain why {lost} points were taken off.',
  'finding.BONUS_CAP_EXCEEDED': 'The bonus items add up to {sum}, above the cap of {cap}. Adjust the bonus points so that they add up to at most {cap}.',
  'finding.PENALTY_FLOOR_EXCEEDED': 'The penalty items add up to {sum}, more than the most the section can take off ({cap}). Check the deductions so that they add up to no less than -{cap}.',
  'finding.TOTAL_MISMATCH': '{label} says {value}, but the clause scores add up to {expected}. Change it to {expected}, or check the clause scores.',
  'finding.TOTAL_MISMATCH.notNumber': '{label} reads "{value}", which is not a number; the clause scores add up to {expected}. Enter {expected} or check the formula.',
  'finding.SCORE_AS_TEXT':
    '{where}: the score is written as the text "{text}" and was read as {value}. Enter the bare number {value} (without 分) so that Excel\'s SUM counts it.',
  'finding.SCORE_AS_TEXT.total':
    '{label} is written as the text "{text}" and was read as {value}. Enter the bare number {value}, or a SUM formula.',
  'finding.SCORE_PERCENT_FORMAT':
    '{where}: the score cell is formatted as a percentage, so {value} points show as "{shown}". A score is not a percentage: set the cell\'s format to General or Number, then check that {value} is the score meant.',
  'finding.SCORE_DEDUCTION_MISMATCH':
    '{where}: the score says {value} and the deduction says {deduction}, which disagree: {max} less {deduction} is {expected}. Correct one of them.',
  'finding.SCORE_DEDUCTION_MISMATCH.penalty':
    '{where}: the score says {value} and the deduction column says {deduction}, which disagree (a deduction of {deduction} is {expected}). Correct one of them.',
  'finding.DEDUCTION_NOT_NUMBER':
    '{where}: the deduction "{value}" is not a number. Enter the points taken off, such as 0.5; enter 0 or leave it empty if nothing is deducted.',
  'finding.DEDUCTION_ABOVE_MAX':
    '{where}: the deduction {deduction} is more than the maximum of {max}. Enter a deduction from 0 to {max}.',
  'finding.SCORE_NOT_ALLOWED.deduction':
    '{where}: a deduction of {deduction} leaves {value}, which the clause\'s scoring rule cannot give. Possible scores: {allowed}. Correct the deduction according to the rule.',
  'finding.SCORE_ABOVE_MAX.rows':
    '{where}: scored on {rows} rows adding up to {value}, above the maximum of {max}. Adjust the rows so that they add up to 0 to {max}.',
  'finding.SCORE_NOT_ALLOWED.rows':
    '{where}: scored on {rows} rows adding up to {value}, which the clause\'s scoring rule cannot give. Allowed: {allowed}. Correct it according to the rule.',
  'finding.TOTAL_MISMATCH.corrected':
    '{label} says {value}. With each marked score counted at the nearest value its rule allows, {label} comes to {expected}. Once those scores are corrected, change {label} to {expected} (a SUM formula updates by itself).',
  'finding.CLAUSE_MISSING': 'No row scores {where}. Add a row for it, starting its rule text with the clause number "{number}、".',
  'finding.CLAUSE_MISSING.item': 'The item "{item}" (clauses {ids}) is not in the table. Add rows for it, named as in the rubric.',
  'finding.UNKNOWN_ROW': 'Row {row} ("{text}") matches no clause of the rubric. Check that the item name and clause number (such as "1、") match the rubric; move notes below the table.',
  'finding.UNKNOWN_ROW.duplicate': 'Row {row} scores the same clause(s) {ids} as row {first}, which would count them twice. Delete the duplicate row or correct the clause number.',
  'finding.VETO': 'The veto (一票否决) is marked "{value}": the year\'s grade is "{grade}" whatever the points. If no veto case occurred, change it to 否.',
  'finding.PII_ID_NUMBER': 'The cell holds an ID card number ({masked}). Recipients\' ID numbers must not be submitted or published: delete it or keep only a masked form; the sheet cannot be submitted until then.',
  'finding.PII_PHONE': 'The cell holds a mobile number ({masked}). This sheet is submitted and published; delete it or keep only a masked form (middle four digits hidden).',
  'finding.PII_PHONE.contact': 'The preparer\'s contact number ({masked}). This sheet is published; use an office number if this one should not be.',
  'finding.LAYOUT_CHOICE.column': 'Several header columns are "{role}" columns: column {used} ("{usedText}") was checked and {ignored} ignored. If that is the wrong column, delete the extra one or correct its name.',
  'finding.LAYOUT_CHOICE.hidden': 'hidden column {col} ("{text}")',
  'finding.LAYOUT_CHOICE.otherYear': 'column {col} of another year ("{text}")',
  'finding.LAYOUT_CHOICE.second': 'column {col} ("{text}")',
  'finding.LAYOUT_CHOICE.row': 'Hidden row {hidden} and row {used} both score clause(s) {ids}: the visible row {used} was scored and hidden row {hidden} ignored. Delete the hidden row if it is out of date.',

  // --- Self-assessment template (template/build-template.ts) ---
  'template.score.prompt': 'This clause is worth {max} points. Below full marks, give the reason under 扣分说明 and list the evidence under 佐证材料.',
  'template.score.error': 'The score must be a number from 0 to {max} (in steps of {step}). Score it by the clause\'s rule.',
  'template.bonus.prompt': 'Bonus points at the assessor\'s discretion; all bonus rows together count at most {cap}. List the evidence under 佐证材料.',
  'template.penalty.prompt': 'Enter deductions as negative numbers, e.g. -2; this clause takes at most {max} off. Enter 0 if nothing happened.',
  'template.penalty.error': 'A penalty row takes a number from {min} to 0 (negative = points taken off). Enter 0 if nothing happened.',
  'template.veto.prompt': 'Enter 是 if a criminal case or a grave moral incident occurred this year (the grade becomes 不合格), otherwise 否.',
  'template.veto.error': 'Enter 是 (yes) or 否 (no) for the veto.',
  'template.total.note': 'Total = each category\'s score (capped at its limit, base {total}) + bonus (at most {bonus}) + penalty (at most {penalty} off).',
  // --- Formulas template: 计分依据 inputs (template/clause-formula.ts) ---
  'template.input.header': 'Scoring input',
  'template.input.cases': 'Enter the number of cases found ({label}), e.g. 0.',
  'template.input.casesPlain': 'Enter the number of cases found, e.g. 0.',
  'template.input.rate': 'Enter the rate ({measure}), e.g. 6%.',
  'template.input.value': 'Enter the measured value ({measure}).',
  'template.input.tier': 'Enter the tier reached: {tiers}; 0 if none.',
  'template.input.count': 'Enter how many ({label}), e.g. 2.',
  'template.input.countPlain': 'Enter how many, e.g. 2.',
  'template.input.met': 'Enter 是 (yes) or 否 (no).',
  'template.input.numberError': 'The scoring input must be a number of at least 0, e.g. 0. Leave it empty to score nothing.',
  'template.input.rateError': 'The scoring input must be a rate, e.g. 6% (0.06 or 6 also work). Leave it empty to score nothing.',
  'template.input.tierError': 'The scoring input must be a tier number from 0 to {n} (0 = none reached).',
  'template.input.metError': 'Enter 是 (yes) or 否 (no) as the scoring input.',

  // --- Formulas (src/functions, src/engine/formulas: RUBRIC.* custom functions, eval, FORMULA_STALE) ---
  'argLabel.per_case': 'points per case',
  'argLabel.per_step': 'points per step',
  'argLabel.clause_id': 'clause id',
  'argLabel.id': 'id',
  'formula.id.missing':
    'Argument {argRef} is empty. Enter an id from the rubric in double quotes, such as "3.6.4" (a clause), "3.6" (an item) or "3" (a category).',
  'formula.clause.unknown':
    'Argument {argRef} "{value}" is not a clause id in the rubric "{rubric}". Enter a clause id such as "3.6.4" (category.item.clause), in double quotes.',
  'formula.id.unknown':
    'Argument {argRef} "{value}" is not a category, item or clause id in the rubric "{rubric}". Enter an id such as "3", "3.6" or "3.6.4", in double quotes.',
  'formula.clause.tooManyInputs':
    'Argument {argRef}: clause {clause} takes {count} inputs ({names}) but got {given}. Remove the extra inputs; the order is in the function\'s help.',
  'formula.argCount': 'A function has the wrong number of arguments. Write it as follows (arguments in square brackets may be left out): {signatures}.',
  'formula.syntax': 'The formula "{formula}" cannot be parsed. Check that brackets and double quotes are paired and that arguments are separated by commas.',
  'formula.stale':
    'The formula ={formula} gives {expected} from the sheet\'s data, but the cell holds {cached}: the file was saved without recalculating. Open it in Excel with Rubric Check loaded, press Ctrl+Alt+F9 and save again.',
  'formula.stale.addinMissing':
    'The formula ={formula} holds {cached} (Rubric Check was not loaded when the file was saved, so the function could not run); from the sheet\'s data it gives {expected}. Load Rubric Check, press Ctrl+Alt+F9 and save again.',
  'formula.stale.error':
    'The formula ={formula} gives the error {code} ({reason}) from the sheet\'s data, but the cell holds {cached}. Fix the formula\'s inputs as the error says, then recalculate and save.',
  'formula.circular':
    'Formulas refer to themselves in a circle ({cells}): a formula refers, directly or through others, to its own cell, so Excel has no definite result, and their saved results were not checked. Change the formulas so no cell refers to itself.',
  'formula.tooDeep':
    'The formula is nested too deeply (more than {max} levels of brackets), so its saved result was not checked. Excel allows 64 levels at most; split the formula over several cells.',

  // --- The district's 复核 columns (validate/check-review.ts) ---
  'finding.review.prefix': '[Review] {message}',
  'finding.REVIEW_MISSING': '[Review] {where}: the review score is empty (the self-assessed score is {self}). The review total counts the self-score until a review score is entered.',
  'finding.REVIEW_NOTE_MISSING': '[Review] {where}: the review score {review} is below the self-assessed score {self}, but the review remark (复核意见) is empty. Say why points were taken off.',
  'finding.REVIEW_NOTE_MISSING.noColumn':
    '[Review] {where}: the review score {review} is below the self-assessed score {self}, and the sheet has no review remark (复核意见) column. Add one and say why points were taken off.',

  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',

  'issueList.sheetName': '问题清单',
  'issueList.severity': 'Finding',
  'issueList.cell': 'Cell',
  'issueList.clause': 'Clause',
  'issueList.message': 'Message',

  'score.ofCap': '{score} / {cap}',
  'score.penalty': '{deducted} deducted (at most {cap})',

  'note.heading': 'Rubric Check:',
  'note.line': '{severity}: {message}',
};
