/**
 * The district's 复核 columns. A review score obeys the same rules as a self-score (a reviewer cannot
 * give 0.5 on an all-or-nothing clause either), so each reviewed row goes through checkRow with the
 * review column standing in for the score column; what is particular to a review — a score below the
 * self-score needs a 复核意见 — is checked here. A review column with no value at all means "not
 * reviewed yet": no finding, no review total, never a sheet of zeros.
 */
import type { Dec } from '../decimal';
import type { LocatedRow, LocatedTable } from '../locate/types';
import type { MergeIndex } from '../locate/merge-index';
import { cellText } from '../locate/normalise-text';
import { t, type Locale } from '../messages';
import type { RubricIndex } from '../rubric-index';
import { scoreRubric, type ClauseEntry, type Scorecard } from '../scoring';
import { fromA1, toA1 } from '../sheet/sheet-model';
import { checkRow, type SectionScore } from './check-rows';
import { checkSectionCaps, checkTotals } from './check-totals';
import type { Finding } from './finding';
import { FindingList } from './finding-list';
import { readCell, readVeto, type Reading } from './read-cell';

/** One row where the reviewer's score is not the self-score. */
export interface ReviewDifference {
  clauseIds: string[];
  /** A1 address of the review cell. */
  cell: string;
  /** The cells as written ('' when empty). */
  self: string;
  review: string;
  /** review − self when both are numbers. */
  change?: Dec;
  note: string;
}

export type ReviewSummary =
  | { status: 'not-reviewed' }
  | {
      status: 'reviewed';
      /** Clauses whose review cell is empty count with their self-score. */
      scorecard: Scorecard;
      entries: ReadonlyMap<string, ClauseEntry>;
      differences: ReviewDifference[];
    };

export interface ReviewContext {
  sheet: string;
  merges: MergeIndex;
  index: RubricIndex;
  table: LocatedTable;
  locale: Locale;
  out: FindingList;
  /** The self-assessment's clause entries, for rows the reviewer left empty. */
  selfEntries: ReadonlyMap<string, ClauseEntry>;
}

/** undefined when the sheet has no review column: the self-assessment is validated exactly as before. */
export function checkReview(ctx: ReviewContext): ReviewSummary | undefined {
  const { table, merges, locale } = ctx;
  const reviewCol = table.columns.review;
  if (reviewCol === undefined) return undefined;
  const scoreCol = table.columns.score as number;
  if (table.rows.every((r) => isBlank(merges, r.row, reviewCol))) return { status: 'not-reviewed' };

  // Evidence and the 扣分说明 are the 街镇's; the reviewer's remark is checked below, against the self-score.
  const reviewTable: LocatedTable = { ...table, columns: { ...table.columns, score: reviewCol, evidence: undefined, reason: undefined, deduction: undefined } };
  const inner = new FindingList(ctx.sheet, locale);
  const entries = new Map(ctx.selfEntries);
  const entered = new Map(ctx.selfEntries);
  let corrected = false;
  const sectionScores: SectionScore[] = [];
  const differences: ReviewDifference[] = [];
  let veto = false;

  for (const located of table.rows) {
    const self = merges.visible(located.row, scoreCol);
    const reviewAt = merges.anchor(located.row, reviewCol);
    if (isBlank(merges, located.row, reviewCol)) {
      if (located.section === 'veto') veto ||= readVeto(self) === true;
      else if (readCell(self).kind !== 'empty') {
        inner.add('REVIEW_MISSING', 'warning', reviewAt, 'finding.REVIEW_MISSING', { where: where(ctx, located), self: cellText(self).trim() }, located.clauseIds[0]);
      }
      continue;
    }
    const result = checkRow({ merges, index: ctx.index, table: reviewTable, locale, out: inner }, located);
    for (const id of located.clauseIds) entries.delete(id);
    for (const [id, entry] of result.entries) entries.set(id, entry);
    for (const id of located.clauseIds) entered.delete(id);
    for (const [id, entry] of result.entered) entered.set(id, entry);
    corrected ||= result.corrected === true;
    if (result.sectionScore) sectionScores.push(result.sectionScore);
    veto ||= result.veto;
    const difference = compareRow(ctx, located, reviewCol);
    if (difference) {
      differences.push(difference);
      if (difference.change?.lt(0)) requireNote(ctx, inner, located, reviewAt, difference);
    }
  }
  checkSectionCaps(ctx.index, sectionScores, inner);
  const scorecard = scoreRubric(ctx.index.rubric, entries, veto);
  checkTotals(reviewTable, merges, { scorecard, entered: scoreRubric(ctx.index.rubric, entered, veto), corrected }, locale, inner);
  ctx.out.addExternal(inner.sorted().map((f) => asReviewFinding(f, locale)), fromA1);
  return { status: 'reviewed', scorecard, entries, differences };
}

function compareRow(ctx: ReviewContext, located: LocatedRow, reviewCol: number): ReviewDifference | undefined {
  const { merges, table } = ctx;
  const scoreCol = table.columns.score as number;
  const selfValue = merges.visible(located.row, scoreCol);
  const reviewValue = merges.visible(located.row, reviewCol);
  const shown = (v: Parameters<typeof cellText>[0]) => cellText(v).trim();
  const base = {
    clauseIds: located.clauseIds,
    cell: toA1(merges.anchor(located.row, reviewCol).row, merges.anchor(located.row, reviewCol).col),
    self: shown(selfValue),
    review: shown(reviewValue),
    note: table.columns.reviewNote === undefined ? '' : shown(merges.visible(located.row, table.columns.reviewNote)),
  };
  if (located.section === 'veto') return readVeto(selfValue) === readVeto(reviewValue) ? undefined : base;
  const a = readCell(selfValue);
  const b = readCell(reviewValue);
  if (a.kind === 'number' && b.kind === 'number') return a.value.eq(b.value) ? undefined : { ...base, change: b.value.minus(a.value) };
  return sameReading(a, b) ? undefined : base;
}

const sameReading = (a: Reading, b: Reading): boolean =>
  a.kind === b.kind && (a.kind === 'empty' || ('text' in a && 'text' in b && a.text === b.text));

/** A review below the self-score must say why, in the 复核意见 column (or there must be one). */
function requireNote(ctx: ReviewContext, out: FindingList, located: LocatedRow, reviewAt: { row: number; col: number }, d: ReviewDifference): void {
  const noteCol = ctx.table.columns.reviewNote;
  const params = { where: where(ctx, located), self: d.self, review: d.review };
  if (noteCol === undefined) {
    out.add('REVIEW_NOTE_MISSING', 'error', reviewAt, 'finding.REVIEW_NOTE_MISSING.noColumn', params, located.clauseIds[0]);
  } else if (isBlank(ctx.merges, located.row, noteCol)) {
    out.add('REVIEW_NOTE_MISSING', 'error', ctx.merges.anchor(located.row, noteCol), 'finding.REVIEW_NOTE_MISSING', params, located.clauseIds[0]);
  }
}

function where(ctx: ReviewContext, located: LocatedRow): string {
  const ref = ctx.index.clause(located.clauseIds[0]);
  if (!ref) return located.clauseIds.join('、');
  return located.clauseIds.length === 1
    ? t('finding.where.clause', { id: ref.clause.id, item: ref.item.name, number: ref.clause.number }, ctx.locale)
    : t('finding.where.item', { item: ref.item.name, ids: located.clauseIds.join(t('finding.list.separator', {}, ctx.locale)) }, ctx.locale);
}

/** The self-score rules' messages, said of the review score: 【复核】 first, 复核得分 for 自评得分. */
function asReviewFinding(f: Finding, locale: Locale): Finding {
  if (f.code === 'REVIEW_MISSING' || f.code === 'REVIEW_NOTE_MISSING') return { ...f, review: true };
  const message = locale === 'en' ? f.message.replace(/self-assessed score/g, 'review score') : f.message.replace(/自评得分/g, '复核得分');
  return { ...f, review: true, message: t('finding.review.prefix', { message }, locale) };
}

function isBlank(merges: MergeIndex, row: number, col: number): boolean {
  return readCell(merges.visible(row, col)).kind === 'empty';
}
