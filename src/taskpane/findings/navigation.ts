/**
 * Stepping through findings in sheet order (the validator sorts them by row, then column), as a person
 * works down the sheet: the first error first, then 上一个问题 / 下一个问题.
 */
import type { Finding } from '../../engine/validate/finding';

/**
 * The finding to show after a validation: the first error that is not merely an empty score cell (those
 * wait in their own group), else the first error, else the first finding; null when there is none.
 */
export function firstToShow(findings: readonly Finding[]): number | null {
  if (findings.length === 0) return null;
  const real = findings.findIndex((f) => f.severity === 'error' && f.code !== 'SCORE_MISSING');
  if (real >= 0) return real;
  const error = findings.findIndex((f) => f.severity === 'error');
  return error >= 0 ? error : 0;
}

/** The index one step from `current`, or null at either end (the buttons are then disabled). */
export function step(current: number | null, delta: 1 | -1, length: number): number | null {
  if (length === 0) return null;
  if (current === null) return delta > 0 ? 0 : length - 1;
  const next = current + delta;
  return next >= 0 && next < length ? next : null;
}
