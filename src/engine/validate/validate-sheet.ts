/**
 * Validates a staff worksheet against the rubric: finds the table, reads every located row and reports
 * each problem at the cell a person must change. Pure engine code, shared by the CLI and the task pane.
 */
import { locateWithMerges, type LocatedTable } from '../locate/locate-table';
import { MergeIndex } from '../locate/merge-index';
import { cellText } from '../locate/normalise-text';
import { t, type Locale } from '../messages';
import { indexRubric, type RubricIndex } from '../rubric-index';
import type { Rubric } from '../rubric-types';
import { scoreRubric, type ClauseEntry, type Scorecard } from '../scoring';
import { fromA1, type SheetModel } from '../sheet/sheet-model';
import { checkReview, type ReviewSummary } from './check-review';
import { checkRow, type SectionScore } from './check-rows';
import { checkSectionCaps, checkTotals } from './check-totals';
import type { Finding } from './finding';
import { FindingList } from './finding-list';
import { reportLayoutChoices } from './layout-choices';
import { reportPii } from './pii';

export interface SheetCheckContext {
  sheet: SheetModel;
  rubric: Rubric;
  table: LocatedTable;
  locale: Locale;
}

/** An extra check an adapter injects, e.g. FORMULA_STALE (HyperFormula-based, too big for the task pane bundle). */
export type SheetCheck = (ctx: SheetCheckContext) => Finding[];

export interface ValidationResult {
  sheet: string;
  rubricId: string;
  table: LocatedTable;
  scorecard: Scorecard;
  /** The self-assessment's score per clause (a row scoring a whole item counts on its first clause). */
  entries: ReadonlyMap<string, ClauseEntry>;
  /** The district's 复核 columns; undefined when the sheet has none. */
  review?: ReviewSummary;
  /** Sorted by row, then column. */
  findings: Finding[];
  /**
   * Errors remain (一票否决 aside, which is a fact and not a slip): the total and grade are what the sheet
   * comes to once they are corrected, each flagged score counted at the nearest value its rule allows.
   */
  provisional: boolean;
  /** How many errors stand between the sheet and that total (0 when not provisional). */
  errorsToFix: number;
}

export interface ValidateOptions {
  locale?: Locale;
  extraChecks?: SheetCheck[];
  /** The table as already located on this same sheet (the CLI locates it to pick the sheet); saves locating twice. */
  table?: LocatedTable;
}

const SHOWN_TEXT = 30;

/** Throws TableNotFoundError (from locateTable) when the sheet holds no recognisable rubric table. */
export function validateSheet(sheet: SheetModel, rubric: Rubric, options: ValidateOptions = {}): ValidationResult {
  const locale = options.locale ?? 'zh-CN';
  const merges = new MergeIndex(sheet);
  const table = options.table ?? locateWithMerges(sheet, rubric, merges);
  const index = indexRubric(rubric);
  const out = new FindingList(sheet.name, locale);

  const entries = new Map<string, ClauseEntry>();
  const entered = new Map<string, ClauseEntry>();
  const sectionScores: SectionScore[] = [];
  let veto = false;
  let corrected = false;
  for (const located of table.rows) {
    const result = checkRow({ merges, index, table, locale, out }, located);
    for (const [id, entry] of result.entries) entries.set(id, entry);
    for (const [id, entry] of result.entered) entered.set(id, entry);
    if (result.sectionScore) sectionScores.push(result.sectionScore);
    veto ||= result.veto;
    corrected ||= result.corrected === true;
  }
  checkSectionCaps(index, sectionScores, out);
  const scorecard = scoreRubric(rubric, entries, veto);
  checkTotals(table, merges, { scorecard, entered: scoreRubric(rubric, entered, veto), corrected }, locale, out);
  const review = checkReview({ sheet: sheet.name, merges, index, table, locale, out, selfEntries: entries });
  reportMissingClauses(table, index, locale, out);
  reportStrayRows(sheet, table, merges, locale, out);
  reportLayoutChoices(table, merges, locale, out);
  reportPii(sheet, table, out);
  for (const check of options.extraChecks ?? []) out.addExternal(check({ sheet, rubric, table, locale }), fromA1);

  const findings = out.sorted();
  const errorsToFix = findings.filter((f) => f.severity === 'error' && f.code !== 'VETO').length;
  return {
    sheet: sheet.name,
    rubricId: rubric.id,
    table,
    scorecard,
    entries,
    ...(review && { review }),
    findings,
    provisional: errorsToFix > 0,
    errorsToFix,
  };
}

/** A clause without a row: at the item's name cell, or at the header when the item is not there at all. */
function reportMissingClauses(table: LocatedTable, index: RubricIndex, locale: Locale, out: FindingList): void {
  const located = new Set(table.rows.flatMap((r) => r.clauseIds));
  const itemCol = table.columns.item ?? table.columns.rule ?? (table.columns.score as number);
  const sep = t('finding.list.separator', {}, locale);
  for (const category of index.rubric.categories) {
    for (const item of category.items) {
      const missing = item.clauses.filter((c) => !located.has(c.id));
      if (missing.length === 0) continue;
      const nameRow = table.itemRows[item.id];
      if (missing.length === item.clauses.length && nameRow === undefined) {
        out.add('CLAUSE_MISSING', 'error', { row: table.headerRow, col: itemCol }, 'finding.CLAUSE_MISSING.item', {
          item: item.name,
          ids: item.clauses.map((c) => c.id).join(sep),
        });
        continue;
      }
      for (const clause of missing) {
        const where = t('finding.where.clause', { id: clause.id, item: item.name, number: clause.number }, locale);
        out.add('CLAUSE_MISSING', 'error', { row: nameRow ?? table.headerRow, col: itemCol }, 'finding.CLAUSE_MISSING', { where, number: clause.number }, clause.id);
      }
    }
  }
}

/** Rows with content that score no clause, and rows scoring a clause a second time. */
function reportStrayRows(sheet: SheetModel, table: LocatedTable, merges: MergeIndex, locale: Locale, out: FindingList): void {
  const sep = t('finding.list.separator', {}, locale);
  const preferred = [table.columns.item, table.columns.rule].filter((c): c is number => c !== undefined);
  const hasText = (row: number, c: number) => cellText(merges.own(row, c)).trim() !== '';
  for (const row of table.unknownRows) {
    let col = preferred.find((c) => hasText(row, c));
    for (let c = 0; col === undefined && c < sheet.colCount; c++) if (hasText(row, c)) col = c;
    col ??= 0;
    const text = cellText(merges.own(row, col)).trim().replace(/\s+/g, ' ');
    const shown = text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text;
    out.add('UNKNOWN_ROW', 'warning', { row, col }, 'finding.UNKNOWN_ROW', { row: row + 1, text: shown });
  }
  const scoreCol = table.columns.score as number;
  for (const dup of table.duplicateRows) {
    out.add(
      'UNKNOWN_ROW',
      'warning',
      merges.anchor(dup.row, scoreCol),
      'finding.UNKNOWN_ROW.duplicate',
      { row: dup.row + 1, first: dup.firstRow + 1, ids: dup.clauseIds.join(sep) },
      dup.clauseIds[0],
    );
  }
}
