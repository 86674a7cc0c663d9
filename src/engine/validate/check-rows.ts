/**
 * The checks on one located row: the score itself (missing, not a number, out of range, not a value the
 * rule can give), then what a valid score needs beside it (evidence for points given or taken, a reason
 * for points lost). Each finding goes to the cell a person must change.
 */
import { D, type Dec } from '../decimal';
import type { LocatedRow, LocatedTable } from '../locate/locate-table';
import type { MergeIndex } from '../locate/merge-index';
import { t, type Locale } from '../messages';
import type { ClauseRef, RubricIndex } from '../rubric-index';
import type { ClauseEntry } from '../scoring';
import { allows, describeAllowed, rowAllowed } from './allowed-scores';
import type { FindingList } from './finding-list';
import { readCell, readVeto } from './read-cell';

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
  entries: [string, ClauseEntry][];
  veto: boolean;
  sectionScore?: SectionScore;
}

const ZERO = new D(0);
const EVIDENCE_SHOWN = 3;

export function checkRow(ctx: RowCheckContext, located: LocatedRow): RowResult {
  const { merges, table, locale, out } = ctx;
  const refs = located.clauseIds.map((id) => ctx.index.clause(id)).filter((r): r is ClauseRef => r !== undefined);
  if (refs.length === 0) return { entries: [], veto: false };
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
  const scoreAt = merges.anchor(located.row, scoreCol);
  const cellValue = merges.visible(located.row, scoreCol);

  if (located.section === 'veto') {
    const veto = readVeto(cellValue);
    const shown = readCell(cellValue);
    const value = shown.kind === 'number' ? shown.value.toString() : shown.kind === 'empty' ? '' : shown.text;
    if (veto === true) {
      out.add('VETO', 'error', scoreAt, 'finding.VETO', { value, grade: ctx.index.rubric.grades.vetoGrade }, clauseId);
    } else if (veto === undefined) {
      out.add('SCORE_NOT_NUMBER', 'error', scoreAt, 'finding.SCORE_NOT_NUMBER.veto', { where: where(), value }, clauseId);
    }
    return { entries: [], veto: veto === true };
  }

  const kind = first.category.kind;
  const clauseSum = clauses.reduce((s, c) => s.plus(c.max), ZERO);
  // A whole item in one row counts at most the item's 分值 (加分项: 5 for the three clauses together).
  const wholeItem = refs.length > 1 && first.item.clauses.every((c) => c.rule.kind === 'veto' || located.clauseIds.includes(c.id));
  const max = wholeItem ? D.min(clauseSum, first.item.max) : clauseSum;
  const maxText = max.toString();
  const example = penaltyExample(first);
  const reading = readCell(cellValue);

  switch (reading.kind) {
    case 'empty':
      // No bonus claimed and nothing deducted are both written as an empty cell. A formula never
      // calculated (no cached result) is FORMULA_STALE's to report; one that shows "" (the template's
      // =IF(input="","",…) before its 计分依据 is filled) leaves the clause unscored.
      if (kind === 'base' && (merges.formula(located.row, scoreCol) === undefined || cellValue === '')) {
        out.add('SCORE_MISSING', 'error', scoreAt, 'finding.SCORE_MISSING', { where: where(), max: maxText }, clauseId);
      }
      return { entries: [], veto: false };
    case 'error':
      out.add('SCORE_NOT_NUMBER', 'error', scoreAt, 'finding.SCORE_NOT_NUMBER.error', { where: where(), value: reading.text, max: maxText }, clauseId);
      return { entries: [], veto: false };
    case 'notApplicable':
    case 'text': {
      const naAllowed = reading.kind === 'notApplicable' && clauses.every((c) => c.notApplicable);
      if (naAllowed) return { entries: clauses.map((c) => [c.id, { score: null, notApplicable: true }]), veto: false };
      // 不适用 on a clause that has no not-applicable case is read as text, with its own advice.
      const key =
        kind === 'penalty'
          ? 'finding.SCORE_NOT_NUMBER.penalty'
          : reading.kind === 'notApplicable'
            ? 'finding.SCORE_NOT_NUMBER.notApplicable'
            : 'finding.SCORE_NOT_NUMBER';
      out.add('SCORE_NOT_NUMBER', 'error', scoreAt, key, { where: where(), value: reading.text, max: maxText, example }, clauseId);
      return { entries: [], veto: false };
    }
    case 'number':
      break;
  }

  const value = reading.value;
  // The whole row's score counts once: on its first clause when the row scores a whole item.
  const entries: [string, ClauseEntry][] = clauses.map((c, i) => [c.id, { score: i === 0 ? value : ZERO }]);
  const params = () => ({ where: where(), value: value.toString(), max: maxText });
  const allowed = rowAllowed(clauses, ctx.index.rubric.resolution);

  if (kind === 'penalty') {
    if (value.gt(0)) {
      out.add('SCORE_NOT_ALLOWED', 'error', scoreAt, 'finding.SCORE_NOT_ALLOWED.penaltyPositive', { ...params(), example }, clauseId);
    } else if (value.lt(max.neg())) {
      out.add('SCORE_ABOVE_MAX', 'error', scoreAt, 'finding.SCORE_ABOVE_MAX.penalty', { ...params(), value: value.abs().toString() }, clauseId);
    } else if (!allows(allowed, value)) {
      out.add('SCORE_NOT_ALLOWED', 'error', scoreAt, 'finding.SCORE_NOT_ALLOWED', { ...params(), allowed: describeAllowed(allowed, locale) }, clauseId);
    } else {
      if (value.lt(0)) requireEvidence(ctx, located.row, 'finding.EVIDENCE_MISSING.penalty', () => ({ where: where(), value: value.abs().toString() }), refs, clauseId);
      return { entries, veto: false, sectionScore: { categoryId: first.category.id, value, at: scoreAt, clauseId } };
    }
    return { entries, veto: false };
  }

  if (value.lt(0)) {
    out.add('SCORE_NEGATIVE', 'error', scoreAt, 'finding.SCORE_NEGATIVE', params(), clauseId);
  } else if (value.gt(max)) {
    out.add('SCORE_ABOVE_MAX', 'error', scoreAt, refs.length === 1 ? 'finding.SCORE_ABOVE_MAX' : 'finding.SCORE_ABOVE_MAX.item', params(), clauseId);
  } else if (!allows(allowed, value)) {
    out.add('SCORE_NOT_ALLOWED', 'error', scoreAt, 'finding.SCORE_NOT_ALLOWED', { ...params(), allowed: describeAllowed(allowed, locale) }, clauseId);
  } else {
    if (value.gt(0)) requireEvidence(ctx, located.row, 'finding.EVIDENCE_MISSING', () => ({ where: where(), value: value.toString() }), refs, clauseId);
    // A bonus below its cap is not a deduction, so only base rows explain lost points.
    if (kind === 'base' && value.lt(max)) requireReason(ctx, located.row, () => ({ ...params(), lost: max.minus(value).toString() }), clauseId);
    if (kind === 'bonus') return { entries, veto: false, sectionScore: { categoryId: first.category.id, value, at: scoreAt, clauseId } };
  }
  return { entries, veto: false };
}

function requireEvidence(
  ctx: RowCheckContext,
  row: number,
  key: 'finding.EVIDENCE_MISSING' | 'finding.EVIDENCE_MISSING.penalty',
  params: () => { where: string; value: string },
  refs: ClauseRef[],
  clauseId: string,
): void {
  const col = ctx.table.columns.evidence;
  if (col === undefined || !blank(ctx.merges, row, col)) return;
  const names = [...new Set(refs.flatMap((r) => r.clause.evidence))].slice(0, EVIDENCE_SHOWN);
  const evidence = names.length > 0 ? names.join(t('finding.list.separator', {}, ctx.locale)) : t('finding.evidence.generic', {}, ctx.locale);
  ctx.out.add('EVIDENCE_MISSING', 'error', ctx.merges.anchor(row, col), key, { ...params(), evidence }, clauseId);
}

function requireReason(ctx: RowCheckContext, row: number, params: () => { where: string; value: string; max: string; lost: string }, clauseId: string): void {
  const col = ctx.table.columns.reason;
  if (col === undefined || !blank(ctx.merges, row, col)) return;
  ctx.out.add('REASON_MISSING', 'error', ctx.merges.anchor(row, col), 'finding.REASON_MISSING', params(), clauseId);
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
