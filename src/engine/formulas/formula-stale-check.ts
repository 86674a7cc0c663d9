/**
 * FORMULA_STALE: a cell whose RUBRIC formula, recomputed from the sheet's own values, gives something
 * other than the result the file holds. That happens when a workbook is saved without recalculating
 * (manual calculation, another tool wrote it) or while the add-in was not loaded (#NAME?).
 *
 * Each RUBRIC formula is computed against the values the file holds for every other cell, formula cells
 * included, so a stale cell is reported once, not again in every total that sums it. Formulas that this
 * engine cannot check (a function HyperFormula does not know, a reference to another sheet) are skipped.
 */
import { DetailedCellError, HyperFormula, type CellValue as EngineValue, type RawCellContent } from 'hyperformula';
import { t, type Locale } from '../messages';
import type { Rubric } from '../rubric-types';
import { isCellError, toA1, type CellValue, type SheetModel } from '../sheet/sheet-model';
import type { Finding } from '../validate/finding';
import type { SheetCheck } from '../validate/validate-sheet';
import type { LocatedTable } from '../locate/locate-table';
import { ENGINE_CONFIG } from './evaluate-formula';
import { cellsOnCycles } from './formula-cycles';
import { nestingDepth, toDisplayFormula, toEngineFormula } from './formula-text';
import { staleFormulaTargets } from './formula-stale-targets';
import { registerRubricPlugin, withFormulaContext } from './rubric-plugin';

/** Deeper than this a formula is not given to HyperFormula, whose parser recurses per level (Excel allows 64). */
export const MAX_NESTING = 64;

/** Excel shows 15 significant digits; a difference beyond them is binary noise, not a stale result. */
const SIGNIFICANT = 15;

/** A cell as a constant: text keeps an apostrophe so "15%" or "2023-05-01" stay text, as in the file. */
function constant(value: CellValue): RawCellContent {
  if (value === null) return null;
  if (typeof value === 'string') return `'${value}`;
  if (isCellError(value)) return value.error;
  return value;
}

function grid(sheet: SheetModel): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: RawCellContent[] = [];
    for (let c = 0; c < sheet.colCount; c++) row.push(constant(sheet.cell(r, c)?.value ?? null));
    rows.push(row);
  }
  return rows;
}

const sameNumber = (a: number, b: number): boolean =>
  Number(a.toPrecision(SIGNIFICANT)) === Number(b.toPrecision(SIGNIFICANT));

function shown(value: CellValue | EngineValue): string {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return isCellError(value as CellValue) ? (value as { error: string }).error : String(value);
  if (typeof value === 'number') return String(Number(value.toPrecision(SIGNIFICANT)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

function agrees(cached: CellValue, expected: EngineValue): boolean {
  if (expected instanceof DetailedCellError) return isCellError(cached) && cached.error === expected.value;
  if (isCellError(cached)) return false;
  if (typeof expected === 'number' && typeof cached === 'number') return sameNumber(expected, cached);
  if (typeof expected === 'string' && typeof cached === 'string') return expected.trim() === cached.trim();
  return expected === cached;
}

/** Results that say "cannot check here" rather than "the formula is wrong". */
const UNCHECKABLE = new Set(['NAME', 'REF']);

function message(formula: string, cached: CellValue, expected: EngineValue, locale: Locale): string {
  const params = { formula: toDisplayFormula(formula), cached: shown(cached), expected: shown(expected) };
  if (expected instanceof DetailedCellError) {
    return t('formula.stale.error', { ...params, code: expected.value, reason: expected.message || expected.value }, locale);
  }
  if (isCellError(cached) && cached.error === '#NAME?') return t('formula.stale.addinMissing', params, locale);
  return t('formula.stale', params, locale);
}

/** The clause a row scores, when the located table says it scores exactly one. */
function clauseAt(table: LocatedTable | undefined, row: number): string | undefined {
  const located = table?.rows.find((r) => r.row === row);
  return located && located.clauseIds.length === 1 ? located.clauseIds[0] : undefined;
}

/**
 * Every RUBRIC formula cell whose cached result differs from what the formula gives now. Deterministic:
 * formulas calling volatile functions (RAND, NOW, OFFSET …) are not compared; formulas on a circular
 * reference get one warning for the circle; a formula nested too deeply is skipped with a warning.
 */
export function findStaleFormulas(sheet: SheetModel, rubric: Rubric, locale: Locale = 'zh-CN', table?: LocatedTable): Finding[] {
  const targets = staleFormulaTargets(sheet);
  if (targets.length === 0) return [];

  const findings: Finding[] = [];
  const warn = (code: 'FORMULA_CIRCULAR' | 'FORMULA_TOO_DEEP', row: number, col: number, message: string) =>
    findings.push({ code, severity: 'warning', sheet: sheet.name, cell: toA1(row, col), clauseId: clauseAt(table, row), message });
  const cycles = cellsOnCycles(sheet);
  const onCycle = targets.filter((x) => cycles.has(`${x.row},${x.col}`));
  if (onCycle.length > 0) {
    const cells = [...cycles].map((k) => k.split(',').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    warn('FORMULA_CIRCULAR', onCycle[0].row, onCycle[0].col, t('formula.circular', { cells: cells.map(([r, c]) => toA1(r, c)).join(locale === 'en' ? ', ' : '、') }, locale));
  }
  const checked = targets.filter((x) => {
    if (cycles.has(`${x.row},${x.col}`)) return false;
    if (nestingDepth(x.formula) <= MAX_NESTING) return true;
    warn('FORMULA_TOO_DEEP', x.row, x.col, t('formula.tooDeep', { max: MAX_NESTING }, locale));
    return false;
  });
  if (checked.length === 0) return findings;

  registerRubricPlugin();
  const hf = HyperFormula.buildFromSheets({ [sheet.name]: grid(sheet) }, ENGINE_CONFIG);
  try {
    const sheetId = hf.getSheetId(sheet.name) as number;
    withFormulaContext({ rubric, locale }, () => {
      for (const target of checked) {
        let expected: ReturnType<HyperFormula['calculateFormula']>;
        try {
          const text = toEngineFormula(target.formula);
          if (!hf.validateFormula(text)) continue;
          // calculateFormula places the formula at A1; the file's references are absolute positions
          // as written (E5 means E5), so they resolve to the same cells as in the sheet.
          expected = hf.calculateFormula(text, sheetId);
        } catch (err) {
          // The parser recurses per bracket: a stack overflow means nesting too deep for it.
          if (err instanceof RangeError) {
            warn('FORMULA_TOO_DEEP', target.row, target.col, t('formula.tooDeep', { max: MAX_NESTING }, locale));
            continue;
          }
          throw err;
        }
        if (Array.isArray(expected)) continue;
        if (expected instanceof DetailedCellError && UNCHECKABLE.has(expected.type)) continue;
        if (agrees(target.cached, expected)) continue;
        findings.push({
          code: 'FORMULA_STALE',
          severity: 'error',
          sheet: sheet.name,
          cell: toA1(target.row, target.col),
          clauseId: clauseAt(table, target.row),
          message: message(target.formula, target.cached, expected, locale),
        });
      }
    });
    return findings;
  } finally {
    hf.destroy();
  }
}

/** The check as the validator takes it (validateSheet's extraChecks). */
export const formulaStaleCheck: SheetCheck = ({ sheet, rubric, table, locale }) => findStaleFormulas(sheet, rubric, locale, table);
