/**
 * What a score, total or 一票否决 cell says, read the way a person reads it. Numbers become exact
 * decimals at Excel's 15 significant digits, so a SUM's 87.35000000000001 compares equal to 87.35.
 */
import { dec, type Dec } from '../decimal';
import { cellText } from '../locate/normalise-text';
import { isCellError, type CellValue } from '../sheet/sheet-model';

export type Reading =
  | { kind: 'empty' }
  /**
   * `written`: the number came as text a person typed — `unit` (2分, 1.5 分, ２分), `deduction` (扣2分,
   * a deduction whatever sign the number carries). Excel's SUM skips such text, so the cell should hold the bare number.
   */
  | { kind: 'number'; value: Dec; written?: 'unit' | 'deduction'; text?: string }
  | { kind: 'notApplicable'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'text'; text: string };

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** 2分, 得2分, 1.5分值, -2分, 扣2分, 扣减0.5分 — after NFKC and with spaces removed. */
const WITH_UNIT = /^(得|扣(?:减|除)?|减)?([+-]?(?:\d+(?:\.\d*)?|\.\d+))分(?:值|数)?$/;
/** 不适用 and the marks staff use for it. */
const NOT_APPLICABLE = new Set(['不适用', '不涉及', '无此项', '无此情形', '本项不适用', 'n/a', 'na', '—', '——', '–', '-', '/', '／']);

/** Excel keeps 15 significant digits; what lies beyond them is binary noise, not the value. */
export const fromCellNumber = (n: number): Dec => dec(n.toPrecision(15));

export function readCell(value: CellValue): Reading {
  if (value === null) return { kind: 'empty' };
  if (isCellError(value)) return { kind: 'error', text: value.error };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value: fromCellNumber(value) } : { kind: 'text', text: String(value) };
  const raw = cellText(value).trim();
  if (raw === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: raw };
  const text = raw.normalize('NFKC').replace(/[−﹣]/g, '-').replace(/\s+/g, '');
  if (NUMERIC.test(text)) return { kind: 'number', value: dec(text) };
  const unit = WITH_UNIT.exec(text);
  if (unit) {
    const n = dec(unit[2]);
    if (unit[1] && unit[1] !== '得') return { kind: 'number', value: n.abs().neg(), written: 'deduction', text: raw };
    return { kind: 'number', value: n, written: 'unit', text: raw };
  }
  if (NOT_APPLICABLE.has(text.toLowerCase())) return { kind: 'notApplicable', text: raw };
  return { kind: 'text', text: raw };
}

/**
 * A number format that shows a percentage (0%, 0.0%, 0.00%;[Red]-0.00%): the % outside quoted text,
 * escapes and [colour] or [condition] brackets.
 */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').includes('%');
}

const VETO_YES = new Set(['是', '√', '✓', '✔', 'true', '有', 'y', 'yes', '1', '发生', '已发生']);
const VETO_NO = new Set(['否', '×', '✗', '✘', 'x', 'false', '无', 'n', 'no', '0', '没有', '未发生', '不存在']);

/** 一票否决: true for 是/√/TRUE/有, false for 否/×/FALSE/无 or an empty cell, undefined for anything else. */
export function readVeto(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === null) return false;
  if (isCellError(value)) return undefined;
  const text = cellText(value).normalize('NFKC').trim().toLowerCase();
  if (text === '') return false;
  if (VETO_YES.has(text)) return true;
  if (VETO_NO.has(text)) return false;
  return undefined;
}
