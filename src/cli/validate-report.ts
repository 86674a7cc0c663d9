/**
 * One checked file as `validate` reports it, the same record behind the text output and --json:
 * the file, the 街镇 it names, the figures, the findings and their counts by severity. Under --lang en
 * the category names and the grade are the rubric's English ones too.
 */
import { toNumber } from '../engine/decimal';
import type { Locale } from '../engine/messages';
import { categoryName, scorecardGrade } from '../engine/rubric-names';
import type { Rubric } from '../engine/rubric-types';
import type { StampStatus } from '../engine/stamp/stamp';
import type { Severity } from '../engine/validate/finding';
import type { CheckResult } from './xlsx/check-workbook';
import type { CliLang } from './xlsx/read-errors';

/** The engine locale for a --lang value. */
export const LOCALE: Readonly<Record<CliLang, Locale>> = { zh: 'zh-CN', en: 'en' };

export type SeverityCounts = Record<Severity, number>;

export interface FileReportOk {
  file: string;
  /** The 街镇 the sheet names (its 街镇/填报单位 field or title); null when it does not say. */
  unit: string | null;
  sheet: string;
  rubric: string;
  total: number;
  grade: string;
  veto: boolean;
  /** Errors remain: total and grade are what the sheet comes to once they are corrected. */
  provisional: boolean;
  categories: { name: string; kind: string; score: number; cap: number }[];
  counts: SeverityCounts;
  findings: { code: string; severity: Severity; cell: string; clauseId: string | null; message: string; review?: true }[];
  /** The 复核 columns: null when the sheet has none; status not-reviewed when they are empty. */
  review: { status: 'not-reviewed' } | { status: 'reviewed'; total: number; grade: string; differences: number } | null;
  /** The submission stamp as found (after --stamp: as written). */
  stamp: StampStatus;
  /** --stamp wrote the stamp into this workbook. */
  stamped?: boolean;
  /** Where the annotated copy went (--out-dir). */
  annotated?: string;
  /** Said of the copy when it could not be made in full (a structure-protected workbook gets no 问题清单). */
  annotatedNote?: string;
  /** Why the annotated copy was not written (the file's results above still stand; exit 2). */
  error?: string;
}
export interface FileReportError {
  file: string;
  error: string;
}
export type FileReport = FileReportOk | FileReportError;

export const isUnreadable = (r: FileReport): r is FileReportError => !('findings' in r);

/** The file could not be read, or its annotated copy could not be written: exit code 2. */
export const hasFileError = (r: FileReport): boolean => 'error' in r;

export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function toReport(checked: CheckResult, rubric: Rubric, lang: CliLang, stamp: StampStatus = 'absent'): FileReport {
  if (!checked.ok) return { file: checked.file, error: checked.error.localized(lang) };
  const { result } = checked;
  const card = result.scorecard;
  const review = result.review;
  return {
    file: checked.file,
    unit: checked.unit,
    sheet: result.sheet,
    rubric: rubric.id,
    total: toNumber(card.total),
    grade: scorecardGrade(card, LOCALE[lang]),
    veto: card.veto,
    provisional: result.provisional,
    categories: card.categories.map((c) => ({ name: categoryName(c, LOCALE[lang]), kind: c.kind, score: toNumber(c.score), cap: toNumber(c.cap) })),
    counts: countSeverities(result.findings),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell,
      clauseId: f.clauseId ?? null,
      message: f.message,
      ...(f.review && { review: true as const }),
    })),
    review:
      review === undefined
        ? null
        : review.status === 'not-reviewed'
          ? review
          : { status: 'reviewed', total: toNumber(review.scorecard.total), grade: review.scorecard.grade, differences: review.differences.length },
    stamp,
  };
}
