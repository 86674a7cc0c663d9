/**
 * The RUBRIC.* functions as a HyperFormula plugin, generated from the one declaration list in
 * src/engine/functions/catalog.ts, so a formula computes here exactly as the Excel custom function does.
 *
 * HyperFormula keeps plugins in a global registry and builds plugin instances itself, so the rubric
 * and message language a formula sees come from the formula context (withFormulaContext) around the
 * HyperFormula call. HyperFormula computes synchronously, so the context cannot leak between callers.
 * HyperFormula is GPL-3.0 (licenseKey 'gpl-v3'); the project is GPL-3.0-or-later.
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from 'hyperformula';
import { RubricArgError } from '../args';
import { CallMemo, callKey } from './call-memo';
import type { Locale } from '../messages';
import type { Rubric } from '../rubric-types';
import { callFunction, FUNCTIONS, FUNCTION_NAMESPACE, type FunctionDecl, type FunctionName } from '../functions/catalog';

/** The licence key HyperFormula requires; the GPL-3.0 key, matching the project's licence. */
export const HYPERFORMULA_LICENSE = 'gpl-v3';

export interface FormulaContext {
  rubric: Rubric;
  locale: Locale;
}

let defaultContext: FormulaContext | undefined;
let current: FormulaContext | undefined;

/** The context used when no withFormulaContext is active (the playground sets the bundled rubric once). */
export function setDefaultFormulaContext(ctx: FormulaContext | undefined): void {
  defaultContext = ctx;
}

/** Run fn (which calls HyperFormula) with the given rubric and message language; nests and restores. */
export function withFormulaContext<T>(ctx: FormulaContext, fn: () => T): T {
  const outer = current;
  current = ctx;
  try {
    return fn();
  } finally {
    current = outer;
  }
}

const activeContext = (): FormulaContext | undefined => current ?? defaultContext;

const rubricOrFail = (): Rubric => {
  const ctx = activeContext();
  if (!ctx) throw new RangeError('RUBRIC functions need a rubric: wrap the HyperFormula call in withFormulaContext');
  return ctx.rubric;
};
const functionContext = { rubric: rubricOrFail };

/** HyperFormula's id for a function: RUBRIC.SCORE_DEDUCT. */
export const engineName = (name: FunctionName): string => `${FUNCTION_NAMESPACE}.${name}`;

function parameters(decl: FunctionDecl): FunctionArgument[] {
  // NOERROR lets an error in a scalar argument propagate before the function runs, as in Excel;
  // ANY passes a range through whole, and its cells are checked below.
  return decl.params.map((p) => ({
    argumentType: p.shape === 'range' ? FunctionArgumentType.ANY : FunctionArgumentType.NOERROR,
    ...(p.optional || p.repeating ? { optionalArg: true } : {}),
  }));
}

/** A cell value as Excel hands it to a custom function: empty → null, a range → rows of values. */
function toExcelValue(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcelValue));
  // Typed numbers (percent, date, currency) carry their value in `val`.
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') {
    return (value as { val: number }).val;
  }
  return value;
}

/** The first error inside a range argument: a range holding #N/A makes the result #N/A, as SUM does. */
function firstError(value: unknown): CellError | undefined {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) {
    for (const row of value.rawData()) for (const cell of row) if (cell instanceof CellError) return cell;
  }
  return undefined;
}

/** Results for the current rubric and language (see CallMemo): reset whenever either changes. */
const memo = new CallMemo<number | string>();
let memoRubric: Rubric | undefined;
let memoLocale: Locale | undefined;

function compute(name: FunctionName, args: unknown[], locale: Locale): number | string | CellError {
  try {
    return callFunction(name, args, functionContext);
  } catch (err) {
    if (err instanceof RubricArgError) {
      const type = err.code === '#NUM!' ? ErrorType.NUM : ErrorType.VALUE;
      return new CellError(type, err.localized(locale));
    }
    return new CellError(ErrorType.VALUE, err instanceof Error ? err.message : String(err));
  }
}

function evaluate(name: FunctionName, raw: unknown[]): number | string | CellError {
  for (const arg of raw) {
    const err = firstError(arg);
    if (err) return err;
  }
  const args = raw.map(toExcelValue);
  const ctx = activeContext();
  if (ctx?.rubric !== memoRubric || ctx?.locale !== memoLocale) {
    memo.clear();
    memoRubric = ctx?.rubric;
    memoLocale = ctx?.locale;
  }
  const key = memo.worthLooking() ? callKey(name, args) : undefined;
  const known = key === undefined ? undefined : memo.get(key);
  if (known !== undefined) return known;
  const result = compute(name, args, ctx?.locale ?? 'zh-CN');
  // Errors are not kept: they are rare, and their message is built for one language.
  if (key !== undefined && !(result instanceof CellError)) memo.set(key, result);
  return result;
}

const methodName = (name: FunctionName): string => `rubric_${name}`;

/** The plugin class: one method per declared function, each handing its arguments to `evaluate`. */
export class RubricFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTIONS.map((decl) => [
      engineName(decl.name),
      {
        method: methodName(decl.name),
        parameters: parameters(decl),
        ...(decl.params.some((p) => p.repeating) ? { repeatLastArgs: 1 } : {}),
      },
    ]),
  );
}

for (const decl of FUNCTIONS) {
  const id = engineName(decl.name);
  const run = (...args: unknown[]) => evaluate(decl.name, args);
  // HyperFormula types a plugin method as (ProcedureAst, InterpreterState); neither type is exported,
  // and the method only passes them back to runFunction, so they stay opaque here.
  const method = function (this: RubricFunctionPlugin, ast: { args: unknown[] }, state: unknown) {
    const self = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, fn: (...args: unknown[]) => unknown): unknown;
      metadata(name: string): unknown;
    };
    return self.runFunction(ast.args, state, self.metadata(id), run);
  };
  (RubricFunctionPlugin.prototype as unknown as Record<string, unknown>)[methodName(decl.name)] = method;
}

let registered = false;

/** Register the plugin with HyperFormula, once per process or page. */
export function registerRubricPlugin(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTIONS.map((decl) => [engineName(decl.name), engineName(decl.name)]));
  HyperFormula.registerFunctionPlugin(RubricFunctionPlugin, { enGB: names });
  registered = true;
}
