/** What the validator reports: one problem at the cell a person must change. */

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'SCORE_MISSING'
  | 'SCORE_NOT_NUMBER'
  | 'SCORE_NEGATIVE'
  | 'SCORE_ABOVE_MAX'
  | 'SCORE_NOT_ALLOWED'
  | 'EVIDENCE_MISSING'
  | 'REASON_MISSING'
  | 'BONUS_CAP_EXCEEDED'
  | 'PENALTY_FLOOR_EXCEEDED'
  | 'TOTAL_MISMATCH'
  | 'CLAUSE_MISSING'
  | 'UNKNOWN_ROW'
  | 'FORMULA_STALE'
  | 'FORMULA_CIRCULAR'
  | 'FORMULA_TOO_DEEP'
  | 'VETO'
  | 'PII_ID_NUMBER'
  | 'PII_PHONE';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address, e.g. "E14". */
  cell: string;
  clauseId?: string;
  /** In the locale the validation ran with (zh-CN unless asked otherwise). */
  message: string;
}
