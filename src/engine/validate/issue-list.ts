/**
 * The rows of the 「问题清单」 sheet: one per finding, in sheet order. The CLI's annotated copy, the
 * playground's download and an Excel without notes all write this same list, so it lives in the engine.
 */
import { t, type Locale } from '../messages';
import { fromA1 } from '../sheet/sheet-model';
import type { Finding, Severity } from './finding';

export const severityWord = (severity: Severity, locale: Locale = 'zh-CN'): string => t(`severity.${severity}`, {}, locale);

export interface IssueListRow {
  severity: Severity;
  /** 错误 / 警告 / 提示 in the list's locale. */
  severityWord: string;
  sheet: string;
  /** A1 address of the cell to change. */
  cell: string;
  clauseId: string;
  message: string;
}

export const issueListSheetName = (locale: Locale = 'zh-CN'): string => t('issueList.sheetName', {}, locale);

export const issueListHeader = (locale: Locale = 'zh-CN'): string[] => [
  t('issueList.severity', {}, locale),
  t('issueList.cell', {}, locale),
  t('issueList.clause', {}, locale),
  t('issueList.message', {}, locale),
];

const position = (cell: string): [number, number] => {
  try {
    const { row, col } = fromA1(cell);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  }
};

/** Findings sorted by sheet, then row, then column (the order a person walks the sheet). */
export function issueListRows(findings: readonly Finding[], locale: Locale = 'zh-CN'): IssueListRow[] {
  return findings
    .map((f, i) => ({ f, i, at: position(f.cell) }))
    .sort((a, b) => (a.f.sheet === b.f.sheet ? 0 : a.i - b.i) || a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i)
    .map(({ f }) => ({
      severity: f.severity,
      severityWord: severityWord(f.severity, locale),
      sheet: f.sheet,
      cell: f.cell,
      clauseId: f.clauseId ?? '',
      message: f.message,
    }));
}
