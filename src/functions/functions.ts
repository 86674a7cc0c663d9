/**
 * Excel custom functions in the RUBRIC namespace (=RUBRIC.SCORE_DEDUCT(2,B5,0.5)).
 *
 * custom-functions-metadata-plugin reads the JSDoc below at build time to write dist/functions.json,
 * and its loader appends the CustomFunctions.associate calls to this file: never add them by hand.
 * Every function is one line handing its raw arguments to the shared implementation (engine/functions/catalog); this
 * file only turns an argument error into CustomFunctions.Error in Office's display language.
 * Parameters are typed `any` so that Excel passes values through unconverted and the engine's own
 * checks name the argument (Excel's coercion would answer 是/否 or "15%" with a bare #VALUE!).
 * A custom function never writes to or formats cells.
 */
import { RubricArgError } from '../engine/args';
import type { Locale } from '../engine/messages';
import { bundledContext } from '../host/bundled-rubric';
import { callFunction, type FunctionName } from '../engine/functions/catalog';

/** English when Office shows English, otherwise Chinese (the product's language). */
export function displayLocale(): Locale {
  try {
    const lang = typeof Office === 'undefined' ? undefined : Office.context?.displayLanguage;
    return typeof lang === 'string' && /^en(-|$)/i.test(lang) ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * #VALUE! with the engine's message (Excel shows a custom function's message only on #VALUE! and #N/A);
 * a number out of range is a bare #NUM!, as Excel's own functions answer it: Excel would drop a message
 * given with it ("Handle and return errors in your custom function"), so none is given. The functions'
 * help says so, and `npm run rubric-check -- eval` prints the message for any formula.
 * Anything unexpected is a #VALUE! that still says what happened.
 */
export function toExcelError(err: unknown): CustomFunctions.Error {
  if (err instanceof RubricArgError) {
    if (err.code === '#NUM!') return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, err.localized(displayLocale()));
  }
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, err instanceof Error ? err.message : String(err));
}

function run(name: FunctionName, args: unknown[]): number | string {
  try {
    return callFunction(name, args, bundledContext);
  } catch (err) {
    throw toExcelError(err);
  }
}

/**
 * Deduct per case until nothing is left: max(0, max − cases × per_case), exact.
 * @customfunction SCORE_DEDUCT
 * @param max The clause's maximum points.
 * @param cases Cases found: 0, 1, 2 …
 * @param per_case Points taken off per case.
 * @returns The score, never below 0.
 */
export function scoreDeduct(max: any, cases: any, per_case: any): number {
  return run('SCORE_DEDUCT', [max, cases, per_case]) as number;
}

/**
 * Deduct per step a rate rises past a threshold (e.g. ≤10% scores full, −0.1 per further 10%), exact. A rate may be 0.15, "15%" or 15: a number above 1 is read as a percentage, exactly 1 is 100%.
 * @customfunction SCORE_BAND
 * @param rate The measured rate.
 * @param threshold The rate up to which full points are given.
 * @param step The rate step past the threshold that costs per_step.
 * @param per_step Points taken off per step.
 * @param max Points when the rate is within the threshold.
 * @param [mode] "full" (default) counts whole steps only; "started" counts a started step as one.
 * @returns The score, never below 0.
 */
export function scoreBand(rate: any, threshold: any, step: any, per_step: any, max: any, mode?: any): number {
  return run('SCORE_BAND', [rate, threshold, step, per_step, max, mode]) as number;
}

/**
 * All points if the value meets the threshold, otherwise 0. Compare like with like: two rates as fractions (0.85 and 0.8), or two plain numbers.
 * @customfunction SCORE_THRESHOLD
 * @param value The measured value.
 * @param comparison One of ">", ">=", "<", "<=" (≥ ≤ and 大于/不低于… are accepted).
 * @param threshold The value to compare with.
 * @param points Points when the comparison holds.
 * @returns points or 0.
 */
export function scoreThreshold(value: any, comparison: any, threshold: any, points: any): number {
  return run('SCORE_THRESHOLD', [value, comparison, threshold, points]) as number;
}

/**
 * The points of the first tier, in the order given, whose threshold the value reaches; 0 if none.
 * @customfunction SCORE_TIER
 * @param value The measured value.
 * @param thresholds Each tier's threshold, highest tier first (a range or an array such as {2,1}).
 * @param points Each tier's points, in the same order.
 * @returns The first reached tier's points, or 0.
 */
export function scoreTier(value: any, thresholds: any[][], points: any[][]): number {
  return run('SCORE_TIER', [value, thresholds, points]) as number;
}

/**
 * Points per case up to a cap: min(cap, count × per_case), exact.
 * @customfunction SCORE_ADD
 * @param count How many were reported: 0, 1, 2 …
 * @param per_case Points per case.
 * @param cap The most this can add up to.
 * @returns The score, never above cap.
 */
export function scoreAdd(count: any, per_case: any, cap: any): number {
  return run('SCORE_ADD', [count, per_case, cap]) as number;
}

/**
 * Proportional points: max × compliant ÷ total, rounded half-up to 0.01.
 * @customfunction SCORE_RATIO
 * @param max The clause's maximum points.
 * @param compliant How many comply.
 * @param total Out of how many (above 0).
 * @returns The proportional score.
 */
export function scoreRatio(max: any, compliant: any, total: any): number {
  return run('SCORE_RATIO', [max, compliant, total]) as number;
}

/**
 * All or nothing: the points if the requirement is met, otherwise 0.
 * @customfunction SCORE_BINARY
 * @param met Whether it is met: TRUE/FALSE, 1/0, 是/否, √/×.
 * @param points Points when met.
 * @returns points or 0.
 */
export function scoreBinary(met: any, points: any): number {
  return run('SCORE_BINARY', [met, points]) as number;
}

/**
 * The exact sum of scores, then limited to the cap and floor when given (bonus: cap 5; penalty: floor -5). Empty cells are skipped.
 * @customfunction SCORE_SUM
 * @param values The scores: a range or an array.
 * @param [cap] The most the sum may count.
 * @param [floor] The least the sum may count.
 * @returns The clamped sum.
 */
export function scoreSum(values: any[][], cap?: any, floor?: any): number {
  return run('SCORE_SUM', [values, cap, floor]) as number;
}

/**
 * The grade for a total under the bundled rubric's bands: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, otherwise 不合格; a veto makes it 不合格.
 * @customfunction SCORE_GRADE
 * @param total The total score.
 * @param [veto] Whether 一票否决 applies: TRUE/FALSE, 是/否 (default no).
 * @returns 优秀, 良好, 合格 or 不合格.
 */
export function scoreGrade(total: any, veto?: any): string {
  return run('SCORE_GRADE', [total, veto]) as string;
}

/**
 * A clause's score under the bundled rubric. Inputs by rule: score; met; cases; rate; value; tier reached; count; compliant, total; composite: each part's inputs, then cases; penalty: a count per case type.
 * @customfunction SCORE_CLAUSE
 * @param clause_id The clause id in double quotes, such as "3.6.4".
 * @param inputs The clause's inputs, in the order above.
 * @returns The clause's score.
 */
export function scoreClause(clause_id: any, inputs: any[]): number {
  return run('SCORE_CLAUSE', [clause_id, ...(inputs ?? [])]) as number;
}

/**
 * The maximum points of a clause ("3.6.4"), an item ("3.6") or a category's cap ("3") in the bundled rubric.
 * @customfunction RUBRIC_MAX
 * @param id The id in double quotes.
 * @returns The maximum points.
 */
export function rubricMax(id: any): number {
  return run('RUBRIC_MAX', [id]) as number;
}
