/**
 * One text normaliser for everything the locator compares: staff type item names with full- or
 * half-width brackets, straight or curly quotes, stray spaces and line breaks, and add （7分） after names.
 */
import { isCellError, type CellValue } from '../sheet/sheet-model';

/** ①…⑳: NFKC would turn ① into a bare "1", losing that it was a clause number. */
const CIRCLED = /[\u2460-\u2473]/g;
const QUOTES = /["'“”„‟‘’‚‛「」『』〝〞〟＂＇]/g;
const OPEN_BRACKETS = /[【〔［〖｛[{]/g;
const CLOSE_BRACKETS = /[】〕］〗｝\]}]/g;

/**
 * The same texts come back in every sheet and every row (the rubric's wording, 是/否, headers), and the
 * locator asks for them many times over: remembered, up to a bound, so a batch of workbooks pays once.
 */
function remembered(fn: (text: string) => string, max = 20_000): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= max) memo.clear();
      out = fn(text);
      memo.set(text, out);
    }
    return out;
  };
}

/** NFKC (full-width → half-width), circled numbers as (n), every bracket as ( ), quotes dropped; line breaks kept. */
export const normaliseText = remembered((text) =>
  text
    .replace(CIRCLED, (c) => `(${c.charCodeAt(0) - 0x245f})`)
    .normalize('NFKC')
    .replace(QUOTES, '')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000\u00a0]+/g, ' ')
    .trim()
    .toLowerCase(),
);

/** A points note such as (25分), (-5分) or (最高5分), and a bare trailing 25分. */
const POINTS = /\([^()]*\d[^()]*分[^()]*\)|-?\d+(?:\.\d+)?分$/g;
/** 一、 (一) 1、 — the ordinal some sheets put before a category or item name. */
const LEADING_ORDINAL = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\(\d{1,2}\)|\d{1,2}[、.](?!\d))/;
const PUNCTUATION = /[\s()<>《》,.;:!?、。·…\-—–―_/\\|*#~`+=@&%$^，；：！？]/g;

/**
 * The comparison key of a name: normalised, points notes and a leading ordinal removed, then all
 * whitespace and punctuation removed, so 深化"政策找人"工作情况（7分） and 深化“政策找人” 工作情况 agree.
 */
export const nameKey = remembered((text) => {
  const compact = normaliseText(text).replace(/\s+/g, '');
  return compact.replace(POINTS, '').replace(LEADING_ORDINAL, '').replace(PUNCTUATION, '');
});

/** The text a person sees in a cell: numbers as Excel shows them, booleans as TRUE/FALSE, errors as #N/A. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return isCellError(value) ? value.error : '';
}

export const isBlank = (value: CellValue): boolean => cellText(value).trim() === '';
