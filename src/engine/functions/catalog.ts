/**
 * The RUBRIC.* functions, declared once: name, parameters and one small method each. Every adapter
 * reads this list — functions.ts (Excel custom functions), the HyperFormula plugin (CLI eval,
 * FORMULA_STALE, the playground) — so a function behaves the same everywhere.
 *
 * A method receives raw cell values, checks them only through ../engine/args (RubricArgError with
 * #VALUE!/#NUM! and a message naming the argument) and computes only through the engine's rules:
 * nothing here re-implements a rule. Nothing here touches Office or Node either.
 */
import {
  bandMode,
  bool,
  comparison,
  count,
  isEmpty,
  nonNegative,
  number,
  numberList,
  rate,
  requireNonEmpty,
  RubricArgError,
} from '../args';
import { dec, toNumber, type Dec } from '../decimal';
import { indexRubric } from '../rubric-index';
import { additive, band, binary, deduct, evaluateRule, grade, ratio, sum, threshold, tier } from '../rules';
import { deductScaled } from '../rules/scaled';
import type { Rubric } from '../rubric-types';
import { clauseInputNames, toRuleInputs } from './clause-inputs';

export const FUNCTION_NAMESPACE = 'RUBRIC';

export type FunctionName =
  | 'SCORE_DEDUCT'
  | 'SCORE_BAND'
  | 'SCORE_THRESHOLD'
  | 'SCORE_TIER'
  | 'SCORE_ADD'
  | 'SCORE_RATIO'
  | 'SCORE_BINARY'
  | 'SCORE_SUM'
  | 'SCORE_GRADE'
  | 'SCORE_CLAUSE'
  | 'RUBRIC_MAX';

/** scalar: one value (a range there spills, as in Excel); range: a block of cells or an array constant. */
export type ParamShape = 'scalar' | 'range';

export interface ParamDecl {
  readonly name: string;
  readonly shape: ParamShape;
  readonly optional?: boolean;
  /** The last parameter may repeat (SCORE_CLAUSE's inputs). */
  readonly repeating?: boolean;
}

/** What a function may need beyond its arguments: the rubric, fetched only by the functions that use it. */
export interface FunctionContext {
  rubric(): Rubric;
}

export interface FunctionDecl {
  readonly name: FunctionName;
  readonly params: readonly ParamDecl[];
  readonly returns: 'number' | 'string';
  /** Raw values in declaration order (a repeating parameter's values spread at the end). Throws RubricArgError. */
  readonly run: (args: readonly unknown[], ctx: FunctionContext) => Dec | number | string;
}

const scalar = (name: string, more: Partial<ParamDecl> = {}): ParamDecl => ({ name, shape: 'scalar', ...more });
const range = (name: string): ParamDecl => ({ name, shape: 'range' });

const optionalNumber = (arg: string, value: unknown): Dec | undefined => (isEmpty(value) ? undefined : number(arg, value));

/** A band's step is a rate (1%, 0.01 or 1) that must be above 0, or no step could ever be counted. */
function stepRate(arg: string, value: unknown): Dec {
  const d = rate(arg, value);
  if (d.isZero()) throw new RubricArgError('#NUM!', 'arg.positive.notPositive', arg, value);
  return d;
}

/** An id typed as text ("3.6.4") or, for one-level and two-level ids, possibly as a number (3.6). */
function idText(arg: string, value: unknown): string {
  if (isEmpty(value)) throw new RubricArgError('#VALUE!', 'formula.id.missing', arg, value);
  return typeof value === 'number' ? String(value) : String(value).normalize('NFKC').trim();
}

export const FUNCTIONS: readonly FunctionDecl[] = [
  {
    name: 'SCORE_DEDUCT',
    params: [scalar('max'), scalar('cases'), scalar('per_case')],
    returns: 'number',
    run: ([max, cases, perCase]) =>
      deductScaled(max, cases, perCase) ?? deduct(nonNegative('max', max), count('cases', cases), nonNegative('per_case', perCase)),
  },
  {
    name: 'SCORE_BAND',
    params: [scalar('rate'), scalar('threshold'), scalar('step'), scalar('per_step'), scalar('max'), scalar('mode', { optional: true })],
    returns: 'number',
    run: ([r, limit, step, perStep, max, mode]) =>
      band(
        rate('rate', r),
        rate('threshold', limit),
        stepRate('step', step),
        nonNegative('per_step', perStep),
        nonNegative('max', max),
        bandMode('mode', mode),
      ),
  },
  {
    name: 'SCORE_THRESHOLD',
    params: [scalar('value'), scalar('comparison'), scalar('threshold'), scalar('points')],
    returns: 'number',
    run: ([value, cmp, limit, points]) =>
      threshold(number('value', value), comparison('comparison', cmp), number('threshold', limit), nonNegative('points', points)),
  },
  {
    name: 'SCORE_TIER',
    params: [scalar('value'), range('thresholds'), range('points')],
    returns: 'number',
    run: ([value, thresholds, points]) => {
      const limits = numberList('thresholds', thresholds);
      requireNonEmpty('thresholds', limits);
      return tier(number('value', value), limits, numberList('points', points));
    },
  },
  {
    name: 'SCORE_ADD',
    params: [scalar('count'), scalar('per_case'), scalar('cap')],
    returns: 'number',
    run: ([n, perCase, cap]) => additive(count('count', n), nonNegative('per_case', perCase), nonNegative('cap', cap)),
  },
  {
    name: 'SCORE_RATIO',
    params: [scalar('max'), scalar('compliant'), scalar('total')],
    returns: 'number',
    run: ([max, compliant, total]) =>
      ratio(nonNegative('max', max), nonNegative('compliant', compliant), nonNegative('total', total)),
  },
  {
    name: 'SCORE_BINARY',
    params: [scalar('met'), scalar('points')],
    returns: 'number',
    run: ([met, points]) => binary(bool('met', met), nonNegative('points', points)),
  },
  {
    name: 'SCORE_SUM',
    params: [range('values'), scalar('cap', { optional: true }), scalar('floor', { optional: true })],
    returns: 'number',
    run: ([values, cap, floor]) => sum(values, optionalNumber('cap', cap), optionalNumber('floor', floor)),
  },
  {
    name: 'SCORE_GRADE',
    params: [scalar('total'), scalar('veto', { optional: true })],
    returns: 'string',
    run: ([total, veto], ctx) => {
      const t = number('total', total);
      const vetoed = isEmpty(veto) ? false : bool('veto', veto);
      const { bands, vetoGrade } = ctx.rubric().grades;
      return grade(t, vetoed, bands, vetoGrade);
    },
  },
  {
    name: 'SCORE_CLAUSE',
    params: [scalar('clause_id'), scalar('inputs', { repeating: true })],
    returns: 'number',
    run: ([id, ...inputs], ctx) => {
      const rubric = ctx.rubric();
      const text = idText('clause_id', id);
      const ref = indexRubric(rubric).clause(text);
      if (!ref) throw new RubricArgError('#VALUE!', 'formula.clause.unknown', 'clause_id', id, { rubric: rubric.title });
      const { rule, max } = ref.clause;
      const names = clauseInputNames(rule);
      // Excel hands an unused repeating parameter over as one empty value; only real extras are an error.
      if (inputs.slice(names.length).some((v) => !isEmpty(v))) {
        throw new RubricArgError('#VALUE!', 'formula.clause.tooManyInputs', 'inputs', inputs, {
          clause: text,
          count: names.length,
          names: names.join(', ') || '—',
          given: inputs.length,
        });
      }
      return evaluateRule(rule, max, toRuleInputs(rule, inputs));
    },
  },
  {
    name: 'RUBRIC_MAX',
    params: [scalar('id')],
    returns: 'number',
    run: ([id], ctx) => {
      const rubric = ctx.rubric();
      const text = idText('id', id);
      const index = indexRubric(rubric);
      const max = index.clause(text)?.clause.max ?? index.item(text)?.item.max ?? index.category(text)?.cap;
      if (max === undefined) throw new RubricArgError('#VALUE!', 'formula.id.unknown', 'id', id, { rubric: rubric.title });
      return dec(max);
    },
  },
];

const byName = new Map<string, FunctionDecl>(FUNCTIONS.map((f) => [f.name, f]));

export function functionDecl(name: string): FunctionDecl | undefined {
  return byName.get(name.toUpperCase());
}

/**
 * Run one function on raw values and hand back what a cell shows: the exact decimal result as the
 * nearest number, or text. Throws RubricArgError for bad arguments.
 */
export function callFunction(name: FunctionName, args: readonly unknown[], ctx: FunctionContext): number | string {
  const decl = byName.get(name);
  if (!decl) throw new RangeError(`callFunction: unknown function ${name}`);
  const result = decl.run(args, ctx);
  return typeof result === 'string' || typeof result === 'number' ? result : toNumber(result);
}

/** A context over one rubric that is already parsed. */
export const rubricContext = (rubric: Rubric): FunctionContext => ({ rubric: () => rubric });
