/**
 * The district's comparison of the 街镇 sheets: one entry per sheet (self and review totals and grades,
 * categories, counts of findings, stamp status), ranked by the final total — the review where there is
 * one, else the self-assessment — with ties sharing a rank; the grade distribution; the clause matrix of
 * points lost; every self/review difference; duplicate 街镇 names; and the files that could not be read.
 */
import { D, type Dec } from '../decimal';
import type { CategoryKind, Rubric } from '../rubric-types';
import { effectiveClauseScore, type ClauseEntry, type Scorecard } from '../scoring';
import type { SheetModel } from '../sheet/sheet-model';
import type { StampStatus } from '../stamp/stamp';
import type { ReviewDifference } from '../validate/check-review';
import type { ValidationResult } from '../validate/validate-sheet';
import { districtName } from './district-name';

export interface CompareInput {
  file: string;
  sheet: SheetModel;
  result: ValidationResult;
  stamp: StampStatus;
}

export interface UnreadableInput {
  file: string;
  /** Set when one sheet of a workbook (--all-sheets) could not be read. */
  sheet?: string;
  error: string;
}

export interface TotalAndGrade {
  total: Dec;
  grade: string;
  veto: boolean;
}

export interface CompareCategory {
  id: string;
  name: string;
  kind: CategoryKind;
  score: Dec;
  cap: Dec;
}

export interface CompareEntry {
  file: string;
  sheet: string;
  /** The 街镇 as the sheet (or its file name) names it. */
  name: string;
  /** Unique among the entries: the name, with the file (or sheet) added when two entries share it. */
  label: string;
  duplicate: boolean;
  self: TotalAndGrade;
  /** null when the sheet has no review column or an empty one (see reviewStatus). */
  review: TotalAndGrade | null;
  reviewStatus: 'no-column' | 'not-reviewed' | 'reviewed';
  final: TotalAndGrade;
  rank: number;
  /** The final scorecard's categories (base, then bonus and penalty). */
  categories: CompareCategory[];
  bonus: Dec;
  penalty: Dec;
  errors: number;
  warnings: number;
  /** No error finding (warnings allowed). */
  passed: boolean;
  stamp: StampStatus;
  differences: ReviewDifference[];
}

export interface ClauseLoss {
  id: string;
  item: string;
  number: number;
  kind: CategoryKind;
  max: Dec;
  /** Entry label → points lost (for a penalty clause: points deducted). */
  lost: Map<string, Dec>;
  /** Summed over the entries: how weak the clause is across the district. */
  total: Dec;
}

export interface Comparison {
  rubricId: string;
  /** Ranked, best first; entries sharing a rank in label order. */
  entries: CompareEntry[];
  /** Grade → how many entries have it as their final grade, in the rubric's band order, the veto grade last. */
  grades: { grade: string; count: number }[];
  clauses: ClauseLoss[];
  duplicates: { name: string; files: string[] }[];
  unreadable: UnreadableInput[];
}

const ZERO = new D(0);

function totalAndGrade(card: Scorecard): TotalAndGrade {
  return { total: card.total, grade: card.grade, veto: card.veto };
}

export function compareSheets(rubric: Rubric, inputs: readonly CompareInput[], unreadable: readonly UnreadableInput[] = []): Comparison {
  const entries = inputs.map((input) => entryOf(input));
  labelDuplicates(entries);
  rank(entries);
  const finalEntries = new Map(inputs.map((input, i) => [entries[i].label, { input, entries: finalClauseEntries(input) }]));
  const duplicates = [...groupBy(entries, (e) => e.name)].filter(([, list]) => list.length > 1).map(([name, list]) => ({ name, files: list.map((e) => e.file) }));
  return {
    rubricId: rubric.id,
    entries: [...entries].sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    grades: gradeDistribution(rubric, entries),
    clauses: clauseMatrix(rubric, finalEntries),
    duplicates,
    unreadable: [...unreadable],
  };
}

function entryOf(input: CompareInput): CompareEntry {
  const { result } = input;
  const reviewed = result.review?.status === 'reviewed' ? result.review : undefined;
  const finalCard = reviewed?.scorecard ?? result.scorecard;
  const sumKind = (kind: CategoryKind) => finalCard.categories.filter((c) => c.kind === kind).reduce((s, c) => s.plus(c.score), ZERO);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const name = districtName(input.sheet, result.table.headerRow, input.file);
  return {
    file: input.file,
    sheet: result.sheet,
    name,
    label: name,
    duplicate: false,
    self: totalAndGrade(result.scorecard),
    review: reviewed ? totalAndGrade(reviewed.scorecard) : null,
    reviewStatus: result.review === undefined ? 'no-column' : result.review.status,
    final: totalAndGrade(finalCard),
    rank: 0,
    categories: finalCard.categories.map((c) => ({ id: c.id, name: c.name, kind: c.kind, score: c.score, cap: c.cap })),
    bonus: sumKind('bonus'),
    penalty: sumKind('penalty'),
    errors,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    passed: errors === 0,
    stamp: input.stamp,
    differences: reviewed?.differences ?? [],
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Two sheets naming one 街镇: both flagged, each labelled with its file (or its sheet, within one file). */
function labelDuplicates(entries: CompareEntry[]): void {
  for (const list of groupBy(entries, (e) => e.name).values()) {
    if (list.length < 2) continue;
    const sameFile = new Set(list.map((e) => e.file)).size < list.length;
    for (const e of list) {
      e.duplicate = true;
      const base = e.file.split(/[\\/]/).pop() ?? e.file;
      e.label = `${e.name}（${sameFile ? `${base} ${e.sheet}` : base}）`;
    }
  }
}

/**
 * Competition ranking by the final total: equal totals share a rank, the next rank skips (1, 1, 3).
 * A 一票否决 sheet is 不合格 whatever its points, so it ranks below every sheet without one.
 */
function rank(entries: CompareEntry[]): void {
  const better = (o: CompareEntry, e: CompareEntry) =>
    o.final.veto !== e.final.veto ? !o.final.veto : o.final.total.gt(e.final.total);
  for (const e of entries) e.rank = 1 + entries.filter((o) => better(o, e)).length;
}

function gradeDistribution(rubric: Rubric, entries: readonly CompareEntry[]): { grade: string; count: number }[] {
  const order = [...rubric.grades.bands].sort((a, b) => b.min - a.min).map((b) => b.grade);
  if (!order.includes(rubric.grades.vetoGrade)) order.push(rubric.grades.vetoGrade);
  for (const e of entries) if (!order.includes(e.final.grade)) order.push(e.final.grade);
  return order.map((grade) => ({ grade, count: entries.filter((e) => e.final.grade === grade).length }));
}

function finalClauseEntries(input: CompareInput): ReadonlyMap<string, ClauseEntry> {
  const review = input.result.review;
  return review?.status === 'reviewed' ? review.entries : input.result.entries;
}

/**
 * Points lost per scored clause (base: max − score; penalty: the points deducted) for each entry. A row
 * scoring a whole item counts on its first clause, so the item's loss is put on that clause alone.
 */
function clauseMatrix(rubric: Rubric, byLabel: ReadonlyMap<string, { input: CompareInput; entries: ReadonlyMap<string, ClauseEntry> }>): ClauseLoss[] {
  const rows: ClauseLoss[] = [];
  for (const category of rubric.categories) {
    if (category.kind === 'bonus') continue;
    for (const item of category.items) {
      for (const clause of item.clauses) {
        if (clause.rule.kind === 'veto') continue;
        rows.push({ id: clause.id, item: item.name, number: clause.number, kind: category.kind, max: new D(clause.max), lost: new Map(), total: ZERO });
      }
    }
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const clauses = new Map(rubric.categories.flatMap((c) => c.items).flatMap((i) => i.clauses).map((c) => [c.id, c]));
  for (const [label, { input, entries }] of byLabel) {
    for (const row of rows) {
      const clause = clauses.get(row.id);
      const entry = entries.get(row.id);
      const policy = clause?.notApplicable?.policy;
      // A clause excluded as not applicable loses nothing: it is simply not counted.
      const score = entry?.notApplicable && policy === 'exclude' ? row.max : effectiveClauseScore(clause?.max ?? 0, entry, policy);
      row.lost.set(label, row.kind === 'penalty' ? score.neg() : row.max.minus(score));
    }
    for (const located of input.result.table.rows) {
      if (located.clauseIds.length < 2) continue;
      const group = located.clauseIds.map((id) => byId.get(id)).filter((r): r is ClauseLoss => r !== undefined);
      if (group.length === 0) continue;
      const sum = group.reduce((s, r) => s.plus(r.lost.get(label) ?? ZERO), ZERO);
      group.forEach((r, i) => r.lost.set(label, i === 0 ? sum : ZERO));
    }
  }
  for (const row of rows) row.total = [...row.lost.values()].reduce((s, v) => s.plus(v), ZERO);
  return rows;
}
