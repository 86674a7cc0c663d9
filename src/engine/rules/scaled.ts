/**
 * An exact shortcut for the hottest spreadsheet call, SCORE_DEDUCT down a whole column. When every
 * argument is a plain number with at most six decimals and of modest size, the rule runs on integers
 * scaled by 10^6: exact, and the very double the decimal path would return (both are the nearest double
 * to the exact result), without allocating a decimal. Anything else returns undefined and takes the
 * decimal path, which also raises the argument errors.
 */
const SCALE = 1e6;
/** Below this, two different six-decimal numbers are always different doubles, so scaling loses nothing. */
const LIMIT = 1e4;

function scaled(x: number): number | undefined {
  if (!(Math.abs(x) < LIMIT)) return undefined;
  const k = Math.round(x * SCALE);
  return k / SCALE === x ? k : undefined;
}

/** max(0, max − cases·perCase) for well-formed plain numbers, else undefined. */
export function deductScaled(max: unknown, cases: unknown, perCase: unknown): number | undefined {
  if (typeof max !== 'number' || typeof cases !== 'number' || typeof perCase !== 'number') return undefined;
  if (!Number.isInteger(cases) || cases < 0 || cases > LIMIT || !(max >= 0) || !(perCase >= 0)) return undefined;
  const m = scaled(max);
  const p = scaled(perCase);
  if (m === undefined || p === undefined) return undefined;
  // |cases·p| ≤ 10^4 · 10^10 stays far inside the safe-integer range.
  const r = m - cases * p;
  return r > 0 ? r / SCALE : 0;
}
