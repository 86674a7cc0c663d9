/**
 * Figures for `npm run bench` (scripts/bench.ts): the cost of exactness (one million SCORE_DEDUCT calls
 * against plain floating point) and of the plugin path (a 10,000-row HyperFormula sheet of
 * RUBRIC.SCORE_DEDUCT against the same sheet written with native MAX(0, …)).
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { callFunction, rubricContext } from '../functions/catalog';
import type { Rubric } from '../rubric-types';
import { ENGINE_CONFIG } from './evaluate-formula';
import { registerRubricPlugin, withFormulaContext } from './rubric-plugin';

export type FormulaBenchFigures = Record<string, number>;

const CALLS = 1_000_000;
const ROWS = 10_000;
const RECALC_RUNS = 21;

const now = (): number => performance.now();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/**
 * Column A: cases (0–9, as a real sheet repeats them, or a different count on every row); column B: the
 * formula; C1: the points per case every row reads.
 */
function sheet(formula: (row: number) => string, distinctCases: boolean): RawCellContent[][] {
  return Array.from({ length: ROWS }, (_, i) => [distinctCases ? i : i % 10, formula(i + 1), i === 0 ? 0.5 : null]);
}

/**
 * Build time, and the median time to recompute every row after the shared per-case cell changes to
 * `perCase(k)` on the k-th run. With repeated case counts and alternating values most calls repeat an
 * earlier one; with a different count on every row and ever-new values none does.
 */
function timeSheet(
  rubric: Rubric,
  formula: (row: number) => string,
  perCase: (run: number) => number,
  distinctCases = false,
): { buildMs: number; recalcMs: number; check: unknown } {
  return withFormulaContext({ rubric, locale: 'zh-CN' }, () => {
    const t0 = now();
    const hf = HyperFormula.buildFromArray(sheet(formula, distinctCases), ENGINE_CONFIG);
    const buildMs = now() - t0;
    try {
      const runs: number[] = [];
      for (let k = 0; k < RECALC_RUNS; k++) {
        const t = now();
        hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [[perCase(k)]]);
        runs.push(now() - t);
      }
      return { buildMs, recalcMs: median(runs), check: hf.getCellValue({ sheet: 0, row: 6, col: 1 }) };
    } finally {
      hf.destroy();
    }
  });
}

export function benchFormulas(rubric: Rubric): FormulaBenchFigures {
  const ctx = rubricContext(rubric);
  // Warm both paths so the JIT has compiled them before timing.
  for (let i = 0; i < 20_000; i++) callFunction('SCORE_DEDUCT', [2, i % 10, 0.2], ctx);

  let t = now();
  let exactSum = 0;
  for (let i = 0; i < CALLS; i++) exactSum += callFunction('SCORE_DEDUCT', [2, i % 10, 0.2], ctx) as number;
  const exactMs = now() - t;

  t = now();
  let floatSum = 0;
  for (let i = 0; i < CALLS; i++) floatSum += Math.max(0, 2 - (i % 10) * 0.2);
  const floatMs = now() - t;

  registerRubricPlugin();
  const native = (r: number) => `=MAX(0,2-A${r}*$C$1)`;
  const rubricFormula = (r: number) => `=RUBRIC.SCORE_DEDUCT(2,A${r},$C$1)`;
  const alternating = (k: number) => (k % 2 === 0 ? 0.2 : 0.5);
  const everNew = (k: number) => 0.1 + k / 1000;
  timeSheet(rubric, native, alternating); // warm-up
  const nativeRun = timeSheet(rubric, native, alternating);
  const pluginRun = timeSheet(rubric, rubricFormula, alternating);
  const nativeNew = timeSheet(rubric, (r) => `=MAX(0,100000-A${r}*$C$1)`, everNew, true);
  const pluginNew = timeSheet(rubric, (r) => `=RUBRIC.SCORE_DEDUCT(100000,A${r},$C$1)`, everNew, true);
  // Row 7: 6 cases at the last per-case value (0.2); both sheets must show the same score.
  // Compared as Excel shows a number (15 significant digits): the engine runs without smart rounding, so the
  // native float 2 − 0.2·6 stays 0.7999999999999998 where RUBRIC gives the exact 0.8.
  const shown = (v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(15)) : v);
  if (shown(nativeRun.check) !== shown(pluginRun.check)) {
    throw new Error(`bench: native gave ${String(nativeRun.check)}, RUBRIC gave ${String(pluginRun.check)}`);
  }

  return {
    deductCalls: CALLS,
    deductExactCallsPerSec: Math.round(CALLS / (exactMs / 1000)),
    deductFloatCallsPerSec: Math.round(CALLS / (floatMs / 1000)),
    deductExactToFloatTimeRatio: round(exactMs / floatMs, 1),
    // Checksums: using the results keeps either loop from being optimised away.
    deductExactChecksum: round(exactSum, 6),
    deductFloatChecksum: round(floatSum, 6),
    sheetRows: ROWS,
    sheetNativeBuildMs: round(nativeRun.buildMs, 1),
    sheetRubricBuildMs: round(pluginRun.buildMs, 1),
    sheetBuildRatio: round(pluginRun.buildMs / nativeRun.buildMs, 2),
    sheetNativeRecalcMs: round(nativeRun.recalcMs, 1),
    sheetRubricRecalcMs: round(pluginRun.recalcMs, 1),
    sheetRecalcRatio: round(pluginRun.recalcMs / nativeRun.recalcMs, 2),
    // Every call different (a new case count on each row, a new per-case value on each run): nothing to
    // reuse, so this is the cost of the exact decimal work itself.
    sheetNativeRecalcNewValuesMs: round(nativeNew.recalcMs, 1),
    sheetRubricRecalcNewValuesMs: round(pluginNew.recalcMs, 1),
    sheetRecalcNewValuesRatio: round(pluginNew.recalcMs / nativeNew.recalcMs, 2),
  };
}
