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
  | 'VETO'
  | 'PII_ID_NUMBER'
  | 'PII_PHONE'
  | 'REVIEW_MISSING'
  | 'REVIEW_NOTE_MISSING';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address, e.g. "E14". */
  cell: string;
  clauseId?: string;
  /** In the locale the validation ran with (zh-CN unless asked otherwise). */
  message: string;
  /** The finding is about the district's 复核 columns, not the self-assessment. */
  review?: boolean;
}
