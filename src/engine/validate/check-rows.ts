/**
 * The checks on one located row: the score itself (missing, not a number, out of range, not a value the
 * rule can give), then what a valid score needs beside it (evidence for points given or taken, a reason
 * for points lost). Each finding goes to the cell a person must change.
 *
 * A row may have sub-rows (several score lines under one merged 评分细则) and a 扣分 column: the clause's
 * score is the sum of its lines, or its maximum less the deduction where only that is given.
 */
import { D, type Dec } from '../decimal';
import type { LocatedRow, LocatedTable } from '../locate/locate-table';
import type { MergeIndex } from '../locate/merge-index';
import { t, type Locale } from '../messages';
import type { ClauseRef, RubricIndex } from '../rubric-index';
import type { ClauseEntry } from '../scoring';
import type { CellValue } from '../sheet/sheet-model';
import { allows, describeAllowed, nearestAllowed, rowAllowed } from './allowed-scores';
import type { FindingList } from './finding-list';
import { isPercentFormat, readCell, readVeto, type Reading } from './read-cell';

export interface RowCheckContext {
  merges: MergeIndex;
  index: RubricIndex;
  table: LocatedTable;
  locale: Locale;
  out: FindingList;
}

/** A bonus or penalty score that passed its own checks, for the section cap checks. */
export interface SectionScore {
  categoryId: string;
  value: Dec;
  at: { row: number; col: number };
  clauseId: string;
}

export interface RowResult {
  /** What the total counts: a flagged score at the nearest value its rule allows. */
  entries: [string, ClauseEntry][];
  /** What the cells hold as Excel's SUM sees them (numbers as entered, text as nothing). */
  entered: [string, ClauseEntry][];
  veto: boolean;
  sectionScore?: SectionScore;
  /** A score was flagged and counted at another value than the one entered. */
  corrected?: boolean;
}

type At = { row: number; col: number };

/** One score cell of a located row (several when the clause is scored on sub-rows). */
interface ScoreLine {
  row: number;
  at: At;
  value: CellValue;
  reading: Reading;
}

const ZERO = new D(0);
const EVIDENCE_SHOWN = 3;

export function checkRow(ctx: RowCheckContext, located: LocatedRow): RowResult {
  const { merges, table, locale, out } = ctx;
  const none: RowResult = { entries: [], entered: [], veto: false };
  const refs = located.clauseIds.map((id) => ctx.index.clause(id)).filter((r): r is ClauseRef => r !== undefined);
  if (refs.length === 0) return none;
  const first = refs[0];
  const clauses = refs.map((r) => r.clause);
  const clauseId = first.clause.id;
  // Built only when a finding needs it: most rows have none, and a sheet has many rows.
  let whereText: string | undefined;
  const where = (): string =>
    (whereText ??=
      refs.length === 1
        ? t('finding.where.clause', { id: clauseId, item: first.item.name, number: first.clause.number }, locale)
        : t('finding.where.item', { item: first.item.name, ids: located.clauseIds.join(t('finding.list.separator', {}, locale)) }, locale));
  const scoreCol = table.columns.score as number;
  const rowsOf = [located.row, ...(located.subRows ?? [])];
  const lines = scoreLines(merges, rowsOf, scoreCol);
  const head = lines[0];

  if (located.section === 'veto') {
    const veto = readVeto(head.value);
    const shown = head.reading;
    const value = shown.kind === 'number' ? shown.value.toString() : shown.kind === 'empty' ? '' : shown.text;
    if (veto === true) {
      out.add('VETO', 'error', head.at, 'finding.VETO', { value, grade: ctx.index.rubric.grades.vetoGrade }, clauseId);
    } else if (veto === undefined) {
      out.add('SCORE_NOT_NUMBER', 'error', head.at, 'finding.SCORE_NOT_NUMBER.veto', { where: where(), value }, clauseId);
    }
    return { ...none, veto: veto === true };
  }

  const kind = first.category.kind;
  const clauseSum = clauses.reduce((s, c) => s.plus(c.max), ZERO);
  // A whole item in one row counts at most the item's 分值 (加分项: 5 for the three clauses together).
  const wholeItem = refs.length > 1 && first.item.clauses.every((c) => c.rule.kind === 'veto' || located.clauseIds.includes(c.id));
  const max = wholeItem ? D.min(clauseSum, first.item.max) : clauseSum;
  const maxText = max.toString();
  const example = penaltyExample(first);

  // SUM skips text, so what the sheet's own formulas count is the cells that hold numbers.
  const enteredSum = lines.reduce((s, l) => (typeof l.value === 'number' && l.reading.kind === 'number' ? s.plus(l.reading.value) : s), ZERO);
  const spread = (value: Dec): [string, ClauseEntry][] => clauses.map((c, i) => [c.id, { score: i === 0 ? value : ZERO }]);
  const entered = spread(enteredSum);
  const result = (value: Dec, extra: Partial<RowResult> = {}): RowResult => ({ entries: spread(value), entered, veto: false, ...extra });

  // Each line on its own: unreadable text and error values, then how readable numbers were written.
  let unreadable = false;
  const numbers: { line: ScoreLine; value: Dec }[] = [];
  const notApplicable: ScoreLine[] = [];
  for (const line of lines) {
    const r = line.reading;
    if (r.kind === 'empty') continue;
    if (r.kind === 'error') {
      out.add('SCORE_NOT_NUMBER', 'error', line.at, 'finding.SCORE_NOT_NUMBER.error', { where: where(), value: r.text, max: maxText }, clauseId);
      unreadable = true;
    } else if (r.kind === 'notApplicable' && clauses.every((c) => c.notApplicable)) {
      notApplicable.push(line);
    } else if (r.kind === 'text' || r.kind === 'notApplicable' || (r.written === 'deduction' && kind !== 'penalty')) {
      // 不适用 on a clause that has no not-applicable case is read as text, with its own advice; 扣0.5分
      // in a points row does not say what is left.
      const text = r.kind === 'number' ? (r.text ?? '') : r.text;
      const key =
        kind === 'penalty'
          ? 'finding.SCORE_NOT_NUMBER.penalty'
          : r.kind === 'notApplicable'
            ? 'finding.SCORE_NOT_NUMBER.notApplicable'
            : 'finding.SCORE_NOT_NUMBER';
      out.add('SCORE_NOT_NUMBER', 'error', line.at, key, { where: where(), value: text, max: maxText, example }, clauseId);
      unreadable = true;
    } else {
      numbers.push({ line, value: r.value });
      if (r.written) out.add('SCORE_AS_TEXT', 'info', line.at, 'finding.SCORE_AS_TEXT', { where: where(), text: r.text ?? '', value: r.value.toString() }, clauseId);
      const format = merges.numberFormat(line.row, scoreCol);
      if (typeof line.value === 'number' && isPercentFormat(format)) {
        out.add('SCORE_PERCENT_FORMAT', 'warning', line.at, 'finding.SCORE_PERCENT_FORMAT', { where: where(), value: r.value.toString(), shown: `${r.value.times(100).toString()}%` }, clauseId);
      }
    }
  }
  if (notApplicable.length > 0 && numbers.length === 0 && !unreadable) {
    return { entries: clauses.map((c) => [c.id, { score: null, notApplicable: true }]), entered: clauses.map((c) => [c.id, { score: null, notApplicable: true }]), veto: false };
  }

  const deduction = readDeduction(ctx, rowsOf, where, clauseId);
  if (deduction === 'unreadable') unreadable = true;
  const ded = deduction === 'unreadable' ? undefined : deduction;

  let value: Dec;
  let at: At;
  let fromDeduction = false;
  let mismatch = false;
  if (numbers.length === 0) {
    if (ded === undefined) {
      // No bonus claimed and nothing deducted are both written as an empty cell. A formula never
      // calculated (no cached result) is FORMULA_STALE's to report; one that shows "" (the template's
      // =IF(input="","",…) before its 计分依据 is filled) leaves the clause unscored.
      const uncalculated = lines.length === 1 && merges.formula(located.row, scoreCol) !== undefined && head.value !== '';
      if (!unreadable && kind === 'base' && !uncalculated) {
        out.add('SCORE_MISSING', 'error', head.at, 'finding.SCORE_MISSING', { where: where(), max: maxText }, clauseId);
      }
      return result(ZERO, unreadable ? { corrected: true } : {});
    }
    if (unreadable) return result(ZERO, { corrected: true });
    // Only the points lost are given: the score is what is left of the maximum (扣分项: the deduction itself).
    if (kind !== 'penalty' && ded.value.gt(max)) {
      out.add('SCORE_ABOVE_MAX', 'error', ded.at, 'finding.DEDUCTION_ABOVE_MAX', { where: where(), deduction: ded.value.toString(), max: maxText }, clauseId);
      return result(ZERO, { corrected: true });
    }
    value = kind === 'penalty' ? ded.value.neg() : max.minus(ded.value);
    at = ded.at;
    fromDeduction = true;
  } else {
    value = numbers.reduce((s, n) => s.plus(n.value), ZERO);
    at = numbers[0].line.at;
    if (ded !== undefined && kind !== 'bonus') {
      const expected = kind === 'penalty' ? ded.value.neg() : max.minus(ded.value);
      if (!expected.eq(value)) {
        const key = kind === 'penalty' ? 'finding.SCORE_DEDUCTION_MISMATCH.penalty' : 'finding.SCORE_DEDUCTION_MISMATCH';
        out.add('SCORE_DEDUCTION_MISMATCH', 'error', at, key, { where: where(), value: value.toString(), deduction: ded.value.toString(), max: maxText, expected: expected.toString() }, clauseId);
        mismatch = true;
      }
    }
  }
  const several = numbers.length > 1;
  const params = () => ({ where: where(), value: value.toString(), max: maxText, rows: numbers.length });
  const allowed = rowAllowed(clauses, ctx.index.rubric.resolution);
  // The line that takes a sum over the maximum, for a clause scored on several rows.
  const tipping = (limit: Dec): At => {
    let sum = ZERO;
    for (const n of numbers) {
      sum = sum.plus(n.value);
      if (sum.abs().gt(limit)) return n.line.at;
    }
    return at;
  };
  const flagged = (counted: Dec): RowResult => result(counted, { corrected: !counted.eq(value) || unreadable || mismatch });
  const evidenceRows = rowsOf;

  if (kind === 'penalty') {
    if (value.gt(0)) {
      out.add('SCORE_NOT_ALLOWED', 'error', at, 'finding.SCORE_NOT_ALLOWED.penaltyPositive', { ...params(), example }, clauseId);
      // The sign is plain when a case is written down beside it and the magnitude is one the cases give.
      const documented = anyText(ctx, evidenceRows, table.columns.evidence) || anyText(ctx, evidenceRows, table.columns.reason);
      return flagged(documented && allows(allowed, value.neg()) ? value.neg() : ZERO);
    }
    if (value.lt(max.neg())) {
      out.add('SCORE_ABOVE_MAX', 'error', several ? tipping(max) : at, 'finding.SCORE_ABOVE_MAX.penalty', { ...params(), value: value.abs().toString() }, clauseId);
      return flagged(max.neg());
    }
    if (!allows(allowed, value)) {
      out.add('SCORE_NOT_ALLOWED', 'error', at, several ? 'finding.SCORE_NOT_ALLOWED.rows' : 'finding.SCORE_NOT_ALLOWED', { ...params(), allowed: describeAllowed(allowed, locale) }, clauseId);
      return flagged(nearestAllowed(allowed, value));
    }
    if (value.lt(0)) requireEvidence(ctx, evidenceRows, 'finding.EVIDENCE_MISSING.penalty', () => ({ where: where(), value: value.abs().toString() }), refs, clauseId);
    return { ...flagged(value), sectionScore: { categoryId: first.category.id, value, at, clauseId } };
  }

  if (value.lt(0)) {
    out.add('SCORE_NEGATIVE', 'error', at, 'finding.SCORE_NEGATIVE', params(), clauseId);
    return flagged(ZERO);
  }
  if (value.gt(max)) {
    const key = several ? 'finding.SCORE_ABOVE_MAX.rows' : refs.length === 1 ? 'finding.SCORE_ABOVE_MAX' : 'finding.SCORE_ABOVE_MAX.item';
    out.add('SCORE_ABOVE_MAX', 'error', several ? tipping(max) : at, key, params(), clauseId);
    return flagged(max);
  }
  if (!allows(allowed, value)) {
    if (fromDeduction) {
      out.add('SCORE_NOT_ALLOWED', 'error', at, 'finding.SCORE_NOT_ALLOWED.deduction', { ...params(), deduction: (ded as Deduction).value.toString(), allowed: describeAllowed(allowed, locale) }, clauseId);
    } else {
      out.add('SCORE_NOT_ALLOWED', 'error', at, several ? 'finding.SCORE_NOT_ALLOWED.rows' : 'finding.SCORE_NOT_ALLOWED', { ...params(), allowed: describeAllowed(allowed, locale) }, clauseId);
    }
    return flagged(D.min(nearestAllowed(allowed, value), max));
  }
  if (value.gt(0)) requireEvidence(ctx, evidenceRows, 'finding.EVIDENCE_MISSING', () => ({ where: where(), value: value.toString() }), refs, clauseId);
  // A bonus below its cap is not a deduction, so only base rows explain lost points.
  if (kind === 'base' && value.lt(max)) requireReason(ctx, evidenceRows, () => ({ ...params(), lost: max.minus(value).toString() }), clauseId);
  if (kind === 'bonus') return { ...flagged(value), sectionScore: { categoryId: first.category.id, value, at, clauseId } };
  return flagged(value);
}

/** The score cells of a located row and its sub-rows, each once (a merged score cell is one line). */
function scoreLines(merges: MergeIndex, rows: number[], scoreCol: number): ScoreLine[] {
  const seen = new Set<string>();
  const lines: ScoreLine[] = [];
  for (const row of rows) {
    const at = merges.anchor(row, scoreCol);
    const key = `${at.row}:${at.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = merges.visible(row, scoreCol);
    lines.push({ row, at, value, reading: readCell(value) });
  }
  return lines;
}

interface Deduction {
  value: Dec;
  at: At;
}

/**
 * The points lost, from a 扣分 column: the sum of its cells over the row and its sub-rows, as a positive
 * number whichever sign was typed (扣分 -0.5 and 0.5 both take half a point). Undefined when the
 * column is absent or empty; 'unreadable' after reporting text that is no number.
 */
function readDeduction(ctx: RowCheckContext, rows: number[], where: () => string, clauseId: string): Deduction | undefined | 'unreadable' {
  const col = ctx.table.columns.deduction;
  if (col === undefined) return undefined;
  let sum: Dec | undefined;
  let at: At | undefined;
  const seen = new Set<string>();
  for (const row of rows) {
    const cellAt = ctx.merges.anchor(row, col);
    const key = `${cellAt.row}:${cellAt.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = readCell(ctx.merges.visible(row, col));
    if (r.kind === 'empty' || r.kind === 'notApplicable') continue;
    if (r.kind !== 'number') {
      ctx.out.add('SCORE_NOT_NUMBER', 'error', cellAt, 'finding.DEDUCTION_NOT_NUMBER', { where: where(), value: r.text }, clauseId);
      return 'unreadable';
    }
    sum = (sum ?? ZERO).plus(r.value.abs());
    at ??= cellAt;
  }
  return sum === undefined || at === undefined ? undefined : { value: sum, at };
}

function anyText(ctx: RowCheckContext, rows: number[], col: number | undefined): boolean {
  return col !== undefined && rows.some((row) => !blank(ctx.merges, row, col));
}

/** Evidence anywhere on the clause's rows backs its score; when none is there, the first row's cell is the one to fill. */
function requireEvidence(
  ctx: RowCheckContext,
  rows: number[],
  key: 'finding.EVIDENCE_MISSING' | 'finding.EVIDENCE_MISSING.penalty',
  params: () => { where: string; value: string },
  refs: ClauseRef[],
  clauseId: string,
): void {
  const col = ctx.table.columns.evidence;
  if (col === undefined || anyText(ctx, rows, col)) return;
  const names = [...new Set(refs.flatMap((r) => r.clause.evidence))].slice(0, EVIDENCE_SHOWN);
  const evidence = names.length > 0 ? names.join(t('finding.list.separator', {}, ctx.locale)) : t('finding.evidence.generic', {}, ctx.locale);
  ctx.out.add('EVIDENCE_MISSING', 'error', ctx.merges.anchor(rows[0], col), key, { ...params(), evidence }, clauseId);
}

function requireReason(ctx: RowCheckContext, rows: number[], params: () => { where: string; value: string; max: string; lost: string }, clauseId: string): void {
  const col = ctx.table.columns.reason;
  if (col === undefined || anyText(ctx, rows, col)) return;
  ctx.out.add('REASON_MISSING', 'error', ctx.merges.anchor(rows[0], col), 'finding.REASON_MISSING', params(), clauseId);
}

function blank(merges: MergeIndex, row: number, col: number): boolean {
  const v = merges.visible(row, col);
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The points one case costs, for the "enter −2" hint on a penalty row. */
function penaltyExample(ref: ClauseRef): string {
  const rule = ref.clause.rule;
  return rule.kind === 'penalty' && rule.cases.length > 0 ? String(rule.cases[0].perCase) : '1';
}
