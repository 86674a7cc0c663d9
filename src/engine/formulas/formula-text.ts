/**
 * Formula text as people and files write it → as HyperFormula reads it. Only text outside string
 * literals ("…") and quoted sheet names ('…') is touched, so a label such as "SCORE_DEDUCT(" survives.
 */
import { FUNCTIONS, FUNCTION_NAMESPACE, type FunctionDecl } from '../functions/catalog';

const NAMES = FUNCTIONS.map((f) => f.name).join('|');
/** Excel writes add-in functions into files as _xldudf_RUBRIC_SCORE_DEDUCT(…). */
const XLDUDF = new RegExp(`_xldudf_${FUNCTION_NAMESPACE}_(${NAMES})(?=\\s*\\()`, 'gi');
/** A RUBRIC function written without its namespace: SCORE_DEDUCT(…), but not RUBRIC.SCORE_DEDUCT( or X.SCORE_DEDUCT(. */
const BARE = new RegExp(`(?<![\\w.])(${NAMES})(?=\\s*\\()`, 'gi');
const DOTTED = new RegExp(`(?<![\\w.])${FUNCTION_NAMESPACE}\\.(${NAMES})(?=\\s*\\()`, 'gi');
/** Newer built-ins are saved as _xlfn.IFS(…) / _xlws.SORT(…). */
const XLFN = /_xl(?:fn|ws)\./gi;
/** HyperFormula has TRUE() and FALSE() but no TRUE/FALSE literals; Excel users write the literals. */
const BOOL_LITERAL = /(?<![\w.$!])(TRUE|FALSE)(?![\w.!(]|\s*\()/gi;

/** HyperFormula reads 1e2 but not 1E2 or 1E+2, which Excel and people write. */
const EXPONENT = /(?<![\w.$])(\d+\.?\d*|\.\d+)E(?=[+-]?\d)/g;
/** Functions whose result changes on every recalculation (or depends on more than their arguments). */
const VOLATILE = /(?<![\w.])(?:_xlfn\.)?(RAND|RANDBETWEEN|RANDARRAY|NOW|TODAY|OFFSET|INDIRECT|CELL|INFO)\s*\(/i;

/** Split into [outside, quoted, outside, quoted, …]; quoted parts keep their quotes. */
function segments(formula: string): string[] {
  return formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
}

function mapOutsideQuotes(formula: string, fn: (text: string) => string): string {
  return segments(formula)
    .map((part, i) => (i % 2 === 0 ? fn(part) : part))
    .join('');
}

const withoutEquals = (formula: string): string => formula.trim().replace(/^=/, '');

/**
 * The formula HyperFormula should compute, with a leading '='. Accepts `=RUBRIC.SCORE_X(…)`,
 * `SCORE_X(…)` without the namespace, and the file form `_xldudf_RUBRIC_SCORE_X(…)`.
 */
export function toEngineFormula(formula: string): string {
  const body = mapOutsideQuotes(withoutEquals(formula), (text) =>
    text
      .replace(XLDUDF, (_, name: string) => `${FUNCTION_NAMESPACE}.${name.toUpperCase()}`)
      .replace(XLFN, '')
      .replace(BARE, (name: string) => `${FUNCTION_NAMESPACE}.${name.toUpperCase()}`)
      .replace(BOOL_LITERAL, (word: string) => `${word.toUpperCase()}()`)
      .replace(EXPONENT, '$1e'),
  );
  return `=${body}`;
}

/** The formula as Excel shows it in a cell (RUBRIC.SCORE_X rather than the file's _xldudf_ form), without '='. */
export function toDisplayFormula(formula: string): string {
  return mapOutsideQuotes(withoutEquals(formula), (text) =>
    text.replace(XLDUDF, (_, name: string) => `${FUNCTION_NAMESPACE}.${name.toUpperCase()}`).replace(XLFN, ''),
  );
}

/** How Excel stores our functions in a file: RUBRIC.SCORE_DEDUCT(…) → _xldudf_RUBRIC_SCORE_DEDUCT(…); Excel binds them when the add-in loads. */
export function toFileFormula(formula: string): string {
  return mapOutsideQuotes(withoutEquals(formula), (text) => text.replace(new RegExp(`\\b${FUNCTION_NAMESPACE}\\.`, 'gi'), `_xldudf_${FUNCTION_NAMESPACE}_`));
}

/** Whether the formula calls a volatile function: its saved result cannot be compared with a new one. */
export function callsVolatileFunction(formula: string): boolean {
  return segments(withoutEquals(formula)).some((part, i) => i % 2 === 0 && VOLATILE.test(part));
}

/** The deepest nesting of brackets outside quotes. */
export function nestingDepth(formula: string): number {
  let max = 0;
  segments(withoutEquals(formula)).forEach((part, i) => {
    if (i % 2 === 1) return;
    let depth = 0;
    for (const ch of part) {
      if (ch === '(') max = Math.max(max, ++depth);
      else if (ch === ')') depth--;
    }
  });
  return max;
}

/** Whether the formula calls one of the RUBRIC functions (in either written form). */
export function callsRubricFunction(formula: string): boolean {
  return segments(withoutEquals(formula)).some((part, i) => {
    if (i % 2 === 1) return false;
    XLDUDF.lastIndex = 0;
    DOTTED.lastIndex = 0;
    return XLDUDF.test(part) || DOTTED.test(part);
  });
}

/** How a function is written, as in Excel's tooltip: RUBRIC.SCORE_BAND(rate, …, [mode]). */
export function signature(decl: FunctionDecl): string {
  const params = decl.params.map((p) => (p.repeating ? `${p.name}…` : p.optional ? `[${p.name}]` : p.name));
  return `${FUNCTION_NAMESPACE}.${decl.name}(${params.join(', ')})`;
}

/** The signatures of the RUBRIC functions a formula calls, in order of first use. */
export function rubricSignatures(formula: string): string[] {
  const engine = toEngineFormula(formula);
  const used: string[] = [];
  for (const part of segments(engine).filter((_, i) => i % 2 === 0)) {
    for (const m of part.matchAll(DOTTED)) {
      const decl = FUNCTIONS.find((f) => f.name === (m[1] as string).toUpperCase());
      if (decl && !used.includes(signature(decl))) used.push(signature(decl));
    }
  }
  return used;
}
