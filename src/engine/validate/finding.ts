/** What the validator reports: one problem at the cell a person must change. */

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'SCORE_MISSING'
  | 'SCORE_NOT_NUMBER'
  | 'SCORE_NEGATIVE'
  | 'SCORE_ABOVE_MAX'
  | 'SCORE_NOT_ALLOWED'
  /** A score typed with its unit (2分) or as 扣2分: read as the number, the bare number suggested. */
  | 'SCORE_AS_TEXT'
  /** A score cell formatted as a percentage: 0.5 shows as 50%. */
  | 'SCORE_PERCENT_FORMAT'
  /** The 扣分 column and the score disagree. */
  | 'SCORE_DEDUCTION_MISMATCH'
  | 'EVIDENCE_MISSING'
  | 'REASON_MISSING'
  | 'BONUS_CAP_EXCEEDED'
  | 'PENALTY_FLOOR_EXCEEDED'
  | 'TOTAL_MISMATCH'
  | 'CLAUSE_MISSING'
  | 'UNKNOWN_ROW'
  | 'LAYOUT_CHOICE'
  | 'FORMULA_STALE'
  | 'FORMULA_CIRCULAR'
  | 'FORMULA_TOO_DEEP'
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
