/** Collects findings with their row and column, so they can be sorted by position at the end. */
import { t, type Locale, type MessageKey, type MessageParams } from '../messages';
import { toA1 } from '../sheet/sheet-model';
import type { Finding, FindingCode, Severity } from './finding';

interface Placed {
  finding: Finding;
  row: number;
  col: number;
}

export class FindingList {
  private readonly placed: Placed[] = [];

  constructor(
    private readonly sheet: string,
    private readonly locale: Locale,
  ) {}

  add(
    code: FindingCode,
    severity: Severity,
    at: { row: number; col: number },
    key: MessageKey,
    params: MessageParams,
    clauseId?: string,
  ): void {
    const finding: Finding = { code, severity, sheet: this.sheet, cell: toA1(at.row, at.col), message: t(key, params, this.locale) };
    if (clauseId !== undefined) finding.clauseId = clauseId;
    this.placed.push({ finding, row: at.row, col: at.col });
  }

  /** Findings from an injected check, placed by their A1 cell. */
  addExternal(findings: readonly Finding[], position: (cell: string) => { row: number; col: number }): void {
    for (const finding of findings) {
      let at = { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
      try {
        at = position(finding.cell);
      } catch {
        // An unparseable address sorts last rather than losing the finding.
      }
      this.placed.push({ finding, ...at });
    }
  }

  /** By row, then column; findings at one cell keep the order they were raised in. */
  sorted(): Finding[] {
    return [...this.placed].sort((a, b) => a.row - b.row || a.col - b.col).map((p) => p.finding);
  }
}
