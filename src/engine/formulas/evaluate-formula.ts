/**
 * One formula computed by HyperFormula with the RUBRIC functions: what `rubric-check eval` prints and
 * the playground's formula bar shows.
 */
import { DetailedCellError, HyperFormula, type CellValue as EngineValue } from 'hyperformula';
import { t, type Locale } from '../messages';
import type { Rubric } from '../rubric-types';
import { rubricSignatures, toEngineFormula } from './formula-text';
import { HYPERFORMULA_LICENSE, registerRubricPlugin, withFormulaContext } from './rubric-plugin';

/**
 * Excel-like settings for every HyperFormula instance the engine builds. No smart rounding: HyperFormula
 * would round results to 10 decimal places; the engine wants the result itself (shown to 15 significant
 * digits, as Excel does, by whoever prints it).
 */
export const ENGINE_CONFIG = { licenseKey: HYPERFORMULA_LICENSE, leapYear1900: true, smartRounding: false } as const;

export type FormulaValue = number | string | boolean | null;

export type FormulaResult =
  | { ok: true; value: FormulaValue | FormulaValue[][] }
  /** code: an Excel error code (#VALUE!, #NUM!, #DIV/0! …), or #SYNTAX! when the text is not a formula. */
  | { ok: false; code: string; message: string };

function fromEngine(value: EngineValue | EngineValue[][]): FormulaResult {
  if (Array.isArray(value)) {
    const cells = value.map((row) => row.map(fromEngine));
    const error = cells.flat().find((c): c is Extract<FormulaResult, { ok: false }> => !c.ok);
    if (error) return error;
    return { ok: true, value: cells.map((row) => row.map((c) => (c.ok ? (c.value as FormulaValue) : null))) };
  }
  if (value instanceof DetailedCellError) return { ok: false, code: value.value, message: value.message };
  return { ok: true, value: value ?? null };
}

/** HyperFormula's own (English) message for too few or too many arguments; RUBRIC calls get their signatures. */
const WRONG_ARG_COUNT = 'Wrong number of arguments.';

function explainArgCount(result: Extract<FormulaResult, { ok: false }>, formula: string, locale: Locale): FormulaResult {
  const signatures = rubricSignatures(formula);
  if (result.message !== WRONG_ARG_COUNT || signatures.length === 0) return result;
  const separator = locale === 'en' ? '; ' : '；';
  return { ok: false, code: result.code, message: t('formula.argCount', { signatures: signatures.join(separator) }, locale) };
}

/** Compute `formula` (with or without '=', RUBRIC. prefix optional) against an empty sheet. */
export function evaluateFormula(formula: string, rubric: Rubric, locale: Locale = 'zh-CN'): FormulaResult {
  registerRubricPlugin();
  const hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
  try {
    const sheet = hf.getSheetId(hf.addSheet()) as number;
    const text = toEngineFormula(formula);
    if (!hf.validateFormula(text)) {
      return { ok: false, code: '#SYNTAX!', message: t('formula.syntax', { formula: formula.trim() }, locale) };
    }
    const result = withFormulaContext({ rubric, locale }, () => fromEngine(hf.calculateFormula(text, sheet)));
    return result.ok ? result : explainArgCount(result, formula, locale);
  } finally {
    hf.destroy();
  }
}
