/**
 * The cells FORMULA_STALE compares: RUBRIC formulas with a cached result and no volatile call. Kept apart
 * from the check itself, which needs HyperFormula, so a caller can learn that a sheet has none (most sheets)
 * without loading it.
 */
import type { CellValue, SheetModel } from '../sheet/sheet-model';
import { callsRubricFunction, callsVolatileFunction } from './formula-text';

export interface StaleTarget {
  row: number;
  col: number;
  formula: string;
  cached: CellValue;
}

export function staleFormulaTargets(sheet: SheetModel): StaleTarget[] {
  const targets: StaleTarget[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const cell = sheet.cell(r, c);
      // A formula never calculated (value null, e.g. a freshly generated template) has nothing to compare.
      if (cell?.formula && cell.value !== null && callsRubricFunction(cell.formula) && !callsVolatileFunction(cell.formula)) {
        targets.push({ row: r, col: c, formula: cell.formula, cached: cell.value });
      }
    }
  }
  return targets;
}
