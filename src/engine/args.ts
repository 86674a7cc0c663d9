/**
 * Argument checking, in one place. Every value that comes from a sheet cell, a custom-function call or
 * an inputs object passes through one of these checkers before any rule sees it, so rules can trust
 * their decimals. A checker returns a finite decimal (or the parsed type) or throws RubricArgError:
 * never NaN, never Infinity, never a silent 0.
 */
import { D, type Dec } from './decimal';
import { isMessageKey, t, type Locale, type MessageKey } from './messages';
import type { BandMode, Comparison } from './rubric-types';

/** Excel's codes: #VALUE! for the wrong kind of value, #NUM! for a number outside what the argument allows. */
export type ArgErrorCode = '#VALUE!' | '#NUM!';

/** A param that names another argument; it is rendered like the failing argument, in the message's locale. */
export interface ArgRefParam {
  readonly argRef: string;
}
export type ArgParam = string | number | ArgRefParam;
export type ArgParams = Readonly<Record<string, ArgParam>>;

export class RubricArgError extends Error {
  readonly code: ArgErrorCode;
  readonly arg: string;
  readonly value: unknown;
  readonly key: MessageKey;
  readonly params: ArgParams;

  constructor(code: ArgErrorCode, key: MessageKey, arg: string, value: unknown, params: ArgParams = {}) {
    super();
    this.name = 'RubricArgError';
    this.code = code;
    this.key = key;
    this.arg = arg;
    this.value = value;
    this.params = params;
    this.message = this.localized('zh-CN');
  }

  localized(locale: Locale = 'zh-CN'): string {
    const resolved: Record<string, string | number> = {
      argRef: describeArg(this.arg, locale),
      value: displayValue(this.value),
    };
    for (const [name, param] of Object.entries(this.params)) {
      resolved[name] = typeof param === 'object' ? describeArg(param.argRef, locale) : param;
    }
    return t(this.key, resolved, locale);
  }
}

/** `"cases" (cases found)`: the label comes from the argument's last segment, so `parts[1].cases` is labelled too. */
export function describeArg(arg: string, locale: Locale = 'zh-CN'): string {
  const base = arg.replace(/\[[^\]]*\]/g, '').split('.').pop() ?? arg;
  const labelKey = `argLabel.${base}`;
  return isMessageKey(labelKey)
    ? t('arg.refLabelled', { arg, label: t(labelKey, {}, locale) }, locale)
    : t('arg.ref', { arg }, locale);
}

const MAX_SHOWN = 40;

/** How a received value is quoted back to the user: as they would have typed it. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (D.isDecimal(value)) return value.toString();
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(displayValue).join(', ');
    return `[${shown}${value.length > 5 ? ', …' : ''}]`;
  }
  try {
    const json = JSON.stringify(value);
    return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN)}…` : json;
  } catch {
    return String(value);
  }
}

/** Empty cells reach custom functions as null or ''; a cell holding only spaces is empty too. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** NFKC folds full-width digits, signs and ％ (typed with a Chinese IME) into their ASCII forms. */
function normaliseText(text: string): string {
  return text.normalize('NFKC').trim();
}

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The finite decimal a value denotes, or undefined. Booleans are not numbers here, unlike in Excel arithmetic. */
/**
 * Spreadsheet arguments repeat (a clause's maximum and per-case points down a whole column), and a
 * decimal is immutable, so each number is converted once; the bound keeps a long recalculation flat.
 */
const NUMBER_CACHE_LIMIT = 4096;
const fromNumber = new Map<number, Dec>();

function decimalOf(n: number): Dec {
  let d = fromNumber.get(n);
  if (d === undefined) {
    if (fromNumber.size >= NUMBER_CACHE_LIMIT) fromNumber.clear();
    d = n === 0 ? new D(0) : new D(n);
    fromNumber.set(n, d);
  }
  return d;
}

function parseNumber(value: unknown): Dec | undefined {
  let d: Dec | undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? decimalOf(value) : undefined;
  if (typeof value === 'bigint') d = new D(value.toString());
  else if (D.isDecimal(value)) d = value.isFinite() ? new D(value) : undefined;
  else if (typeof value === 'string') {
    const text = normaliseText(value);
    d = NUMERIC_TEXT.test(text) ? new D(text) : undefined;
  }
  return d?.isZero() ? new D(0) : d;
}

function fail(code: ArgErrorCode, key: MessageKey, arg: string, value: unknown, params: ArgParams = {}): never {
  throw new RubricArgError(code, key, arg, value, params);
}

/** Any finite number, or text that is one. */
export function number(arg: string, value: unknown): Dec {
  if (isEmpty(value)) return fail('#VALUE!', 'arg.number.missing', arg, value);
  return parseNumber(value) ?? fail('#VALUE!', 'arg.number.invalid', arg, value);
}

/** How many cases: 0, 1, 2 … */
export function count(arg: string, value: unknown): Dec {
  if (isEmpty(value)) return fail('#VALUE!', 'arg.count.missing', arg, value);
  const d = parseNumber(value) ?? fail('#VALUE!', 'arg.count.invalid', arg, value);
  if (d.isNegative() || !d.isInteger()) fail('#NUM!', 'arg.count.invalid', arg, value);
  return d;
}

export function positive(arg: string, value: unknown): Dec {
  const d = number(arg, value);
  if (!d.gt(0)) fail('#NUM!', 'arg.positive.notPositive', arg, value);
  return d;
}

export function nonNegative(arg: string, value: unknown): Dec {
  const d = number(arg, value);
  if (d.isNegative()) fail('#NUM!', 'arg.nonNegative.negative', arg, value);
  return d;
}

/**
 * A rate as a fraction in [0, 1]. 0.15, "0.15", 15, "15" and "15%" all mean 15%: a number above 1 is
 * read as a percentage because no rate exceeds 100% (staff type 15 under a heading like 超期率(%)),
 * and exactly 1 is 100%. So 1.5 is 1.5%, and "1%" is the way to write one percent.
 */
export function rate(arg: string, value: unknown): Dec {
  if (isEmpty(value)) return fail('#VALUE!', 'arg.rate.missing', arg, value);
  let body = value;
  let percent = false;
  if (typeof value === 'string') {
    const text = normaliseText(value);
    percent = text.endsWith('%');
    body = percent ? text.slice(0, -1).trim() : text;
  }
  const d = parseNumber(body) ?? fail('#VALUE!', 'arg.rate.invalid', arg, value);
  if (d.isNegative()) fail('#NUM!', 'arg.rate.outOfRange', arg, value);
  const fraction = percent || d.gt(1) ? d.div(100) : d;
  if (fraction.gt(1)) fail('#NUM!', 'arg.rate.outOfRange', arg, value);
  return fraction;
}

const COMPARISONS: Readonly<Record<string, Comparison>> = {
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '≧': '>=',
  '⩾': '>=',
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '≦': '<=',
  '⩽': '<=',
  大于: '>',
  高于: '>',
  超过: '>',
  大于等于: '>=',
  不低于: '>=',
  不少于: '>=',
  小于: '<',
  低于: '<',
  小于等于: '<=',
  不超过: '<=',
  不高于: '<=',
};

/** > >= < <=, with the full-width and mathematical forms a Chinese IME produces (＞ ≥ ≧ …). */
export function comparison(arg: string, value: unknown): Comparison {
  if (isEmpty(value)) return fail('#VALUE!', 'arg.comparison.missing', arg, value);
  const text = typeof value === 'string' ? normaliseText(value).replace(/\s+/g, '') : undefined;
  const found = text === undefined ? undefined : COMPARISONS[text];
  return found ?? fail('#VALUE!', 'arg.comparison.invalid', arg, value);
}

const BAND_MODES: Readonly<Record<string, BandMode>> = {
  full: 'full',
  完整: 'full',
  满: 'full',
  满档: 'full',
  去尾: 'full',
  started: 'started',
  开始: 'started',
  不满一档计一档: 'started',
  进一: 'started',
};

/** full (the default, also when omitted) counts whole steps; started counts every started step. */
export function bandMode(arg: string, value: unknown): BandMode {
  if (isEmpty(value)) return 'full';
  const found = typeof value === 'string' ? BAND_MODES[normaliseText(value).toLowerCase()] : undefined;
  return found ?? fail('#VALUE!', 'arg.bandMode.invalid', arg, value);
}

const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  是: true,
  否: false,
  '√': true,
  '✓': true,
  '✔': true,
  '×': false,
  '✗': false,
  '✘': false,
  y: true,
  n: false,
  yes: true,
  no: false,
};

/** 是/否 in the forms sheets use: TRUE/FALSE, 1/0, 是/否, √/×, Y/N, true/false (any case). */
export function bool(arg: string, value: unknown): boolean {
  if (isEmpty(value)) return fail('#VALUE!', 'arg.bool.missing', arg, value);
  if (typeof value === 'boolean') return value;
  let found: boolean | undefined;
  if (typeof value === 'number') found = value === 1 ? true : value === 0 ? false : undefined;
  else if (typeof value === 'string') found = BOOLEANS[normaliseText(value).toLowerCase()];
  return found ?? fail('#VALUE!', 'arg.bool.invalid', arg, value);
}

/** A number within [lo, hi] (a score within its clause's points). */
export function inRange(arg: string, value: unknown, lo: Dec, hi: Dec): Dec {
  const d = number(arg, value);
  if (d.lt(lo) || d.gt(hi)) fail('#NUM!', 'arg.range.outside', arg, value, { min: lo.toString(), max: hi.toString() });
  return d;
}

/** `value` may not exceed `limit` (compliant ≤ total; floor ≤ cap). */
export function requireNotAbove(arg: string, value: Dec, limitArg: string, limit: Dec): void {
  if (value.gt(limit)) {
    fail('#NUM!', 'arg.notAbove', arg, value.toString(), { otherRef: { argRef: limitArg }, limit: limit.toString() });
  }
}

/** A proportion needs a whole to be a proportion of. */
export function requireNonZeroTotal(arg: string, total: Dec): void {
  if (total.isZero()) fail('#NUM!', 'arg.ratio.totalZero', arg, total.toString());
}

/** Two lists that pair up entry by entry (tier thresholds and points; composite parts and their inputs). */
export function requireSameLength(arg: string, list: readonly unknown[], otherArg: string, other: readonly unknown[]): void {
  if (list.length !== other.length) {
    fail('#VALUE!', 'arg.list.lengthMismatch', arg, list, {
      count: list.length,
      otherRef: { argRef: otherArg },
      otherCount: other.length,
    });
  }
}

export function requireNonEmpty(arg: string, list: readonly unknown[]): void {
  if (list.length === 0) fail('#VALUE!', 'arg.list.empty', arg, list);
}

/**
 * The numbers in a value, a range (2-D array) or a single cell, in reading order. Empty cells are
 * skipped (a sheet's blank rows are not zeros to complain about); anything else must be a number,
 * and a bad entry is named by its position, e.g. values[2][0].
 */
export function numberList(arg: string, value: unknown): Dec[] {
  const out: Dec[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (!isEmpty(v)) out.push(number(path, v));
  };
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !D.isDecimal(value)) {
    fail('#VALUE!', 'arg.list.invalid', arg, value);
  }
  walk(value, arg);
  return out;
}

/**
 * The per-part inputs of a composite clause: one object per part, in the rubric's part order.
 * A null entry stands for a part given no inputs, so its own checker names what is missing.
 */
export function partInputs(arg: string, value: unknown, parts: number): readonly object[] {
  const ok =
    Array.isArray(value) &&
    value.length === parts &&
    value.every((v) => v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v)));
  if (!ok) fail('#VALUE!', 'arg.parts.invalid', arg, value, { count: parts });
  return (value as unknown[]).map((v) => (v ?? {}) as object);
}

/**
 * Which of the named tiers was reached: its label, or its 1-based number; 0 means none.
 * Returns the 0-based index, or -1 for none.
 */
export function tierChoice(arg: string, value: unknown, labels: readonly string[]): number {
  const options = labels.map((label, i) => `${i + 1}=${label}`).join('、');
  if (isEmpty(value)) return fail('#VALUE!', 'arg.tier.missing', arg, value, { options });
  if (typeof value === 'string') {
    const text = normaliseText(value);
    const byLabel = labels.findIndex((label) => normaliseText(label) === text);
    if (byLabel >= 0) return byLabel;
  }
  const n = typeof value === 'boolean' ? undefined : parseNumber(value);
  if (n !== undefined && n.isInteger() && n.gte(0) && n.lte(labels.length)) return n.toNumber() - 1;
  return fail('#VALUE!', 'arg.tier.invalid', arg, value, { options });
}

/**
 * Case counts for a list of case types (扣分项's 人情保/关系保…, 受伤, 死亡): an array in the
 * rubric's order, an object keyed by label (an absent label means no cases of that type), or a
 * single count when there is only one type.
 */
export function caseCounts(arg: string, value: unknown, labels: readonly string[]): Dec[] {
  const options = labels.join('、');
  if (Array.isArray(value)) {
    if (value.length !== labels.length) fail('#VALUE!', 'arg.cases.shape', arg, value, { options });
    return value.map((v, i) => count(`${arg}[${labels[i]}]`, v));
  }
  if (value !== null && typeof value === 'object' && !D.isDecimal(value)) {
    const record = value as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) {
      if (!labels.includes(key)) fail('#VALUE!', 'arg.cases.unknownLabel', arg, key, { options });
    }
    return labels.map((label) =>
      Object.prototype.hasOwnProperty.call(record, label) ? count(`${arg}[${label}]`, record[label]) : new D(0),
    );
  }
  if (labels.length === 1) return [count(arg, value)];
  return fail('#VALUE!', 'arg.cases.shape', arg, value, { options });
}
