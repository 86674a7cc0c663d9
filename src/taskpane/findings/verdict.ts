/**
 * What the pane says first: can the sheet be submitted, and if not, how much is left. Unfilled score
 * cells are counted apart from the other errors, so a half-filled sheet reads 「已填写 12/62 条」
 * instead of as a wall of identical errors.
 */
import type { Finding } from '../../engine/validate/finding';
import type { ValidationResult } from '../../engine/validate/validate-sheet';

export interface Verdict {
  /** No error of any kind: the sheet can be submitted. */
  ready: boolean;
  /** Errors other than an empty score cell. */
  errors: number;
  warnings: number;
  /** Score rows left empty (SCORE_MISSING). */
  missing: number;
  /** Score rows of the base categories the table holds, filled or not. */
  scoreRows: number;
  /** While errors remain the total is what the sheet comes to once they are corrected (ValidationResult.provisional). */
  provisional: boolean;
}

export const isMissingScore = (f: Finding): boolean => f.code === 'SCORE_MISSING';

export function verdictOf(result: ValidationResult): Verdict {
  const errors = result.findings.filter((f) => f.severity === 'error' && !isMissingScore(f)).length;
  const missing = result.findings.filter(isMissingScore).length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const scoreRows = result.table.rows.filter((r) => r.section === 'base').length;
  // The engine's corrected-total rule says whether the total is final.
  return { ready: errors + missing === 0, errors, warnings, missing, scoreRows: Math.max(scoreRows, missing), provisional: result.provisional };
}
