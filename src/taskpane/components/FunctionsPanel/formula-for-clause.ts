/**
 * The RUBRIC formula that computes a clause's score from the cells a person points at, built from the
 * clause's rule in the rubric data (so 2 and 0.5 in =RUBRIC.SCORE_DEDUCT(2,B5,0.5) are the rubric's own).
 * Clauses scored by judgement (视情给分, 加分项 …) have no formula.
 */
import type { Clause } from '../../../engine/rubric-types';

export type InputKey = 'cases' | 'count' | 'rate' | 'value' | 'compliant' | 'total' | 'met';

export interface FormulaSpec {
  /** Function name as written in a cell, e.g. RUBRIC.SCORE_DEDUCT. */
  fn: string;
  /** The cells the person chooses, in argument order of appearance. */
  inputs: InputKey[];
  /** The formula with '=' for the given input cell addresses. */
  build(cells: Readonly<Record<InputKey, string>>): string;
}

const n = (x: number): string => String(x);
const call = (fn: string, args: string[]): string => `=${fn}(${args.join(',')})`;

export function formulaForClause(clause: Clause): FormulaSpec | undefined {
  const rule = clause.rule;
  const points = (p: number | undefined) => n(p ?? clause.max);
  switch (rule.kind) {
    case 'deduct':
      return { fn: 'RUBRIC.SCORE_DEDUCT', inputs: ['cases'], build: (c) => call('RUBRIC.SCORE_DEDUCT', [n(clause.max), c.cases, n(rule.perCase)]) };
    case 'additive':
      return { fn: 'RUBRIC.SCORE_ADD', inputs: ['count'], build: (c) => call('RUBRIC.SCORE_ADD', [c.count, n(rule.perCase), n(rule.cap)]) };
    case 'band':
      return {
        fn: 'RUBRIC.SCORE_BAND',
        inputs: ['rate'],
        build: (c) =>
          call('RUBRIC.SCORE_BAND', [c.rate, n(rule.threshold), n(rule.step), n(rule.perStep), points(rule.points), ...(rule.mode === 'started' ? ['"started"'] : [])]),
      };
    case 'threshold':
      return {
        fn: 'RUBRIC.SCORE_THRESHOLD',
        inputs: ['value'],
        build: (c) => call('RUBRIC.SCORE_THRESHOLD', [c.value, `"${rule.comparison}"`, n(rule.threshold), points(rule.points)]),
      };
    case 'proportional':
      return { fn: 'RUBRIC.SCORE_RATIO', inputs: ['compliant', 'total'], build: (c) => call('RUBRIC.SCORE_RATIO', [points(rule.points), c.compliant, c.total]) };
    case 'all-or-nothing':
      return { fn: 'RUBRIC.SCORE_BINARY', inputs: ['met'], build: (c) => call('RUBRIC.SCORE_BINARY', [c.met, points(rule.points)]) };
    case 'tiers': {
      // Only tiers with numeric thresholds fit SCORE_TIER; label-only tiers are judged by a person.
      const mins = rule.tiers.map((tier) => tier.min);
      if (mins.some((m) => m === undefined)) return undefined;
      return {
        fn: 'RUBRIC.SCORE_TIER',
        inputs: ['value'],
        build: (c) => call('RUBRIC.SCORE_TIER', [c.value, `{${mins.map((m) => n(m as number)).join(',')}}`, `{${rule.tiers.map((tier) => n(tier.points)).join(',')}}`]),
      };
    }
    default:
      return undefined;
  }
}

/** "h5", "$H$5" → "H5"; undefined when the text is not a single-cell A1 address. */
export function normaliseCell(text: string): string | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})\s*$/.exec(text);
  return m ? `${m[1].toUpperCase()}${m[2]}` : undefined;
}

/**
 * The formula as the panel writes it: an empty input cell leaves the score blank rather than showing
 * #VALUE!, as the template's =IF(H5="","",…) does; the validator then reports the score as not filled in.
 */
export function guardEmptyInputs(formula: string, cells: readonly string[]): string {
  if (cells.length === 0) return formula;
  const test = cells.length === 1 ? `${cells[0]}=""` : `OR(${cells.map((c) => `${c}=""`).join(',')})`;
  return `=IF(${test},"",${formula.replace(/^=/, '')})`;
}
