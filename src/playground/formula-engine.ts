/**
 * Computes the playground workbook's formulas with HyperFormula, RUBRIC functions included, so the grid
 * and the pane see what Excel would show rather than whatever result the file last cached.
 */
import { HyperFormula, DetailedCellError, type RawCellContent } from 'hyperformula';
import { ENGINE_CONFIG } from '../engine/formulas/evaluate-formula';
import { toEngineFormula } from '../engine/formulas/formula-text';
import { registerRubricPlugin, withFormulaContext, type FormulaContext } from '../engine/formulas/rubric-plugin';
import { fromA1, type CellValue } from '../engine/sheet/sheet-model';
import { usedExtent, type Book, type BookCell } from './workbook-model';

/** Computed results of every formula cell: sheet name → A1 → value. */
export type ComputedValues = Map<string, Map<string, CellValue>>;

/**
 * The engine's settings, plus Excel's display of a reference to an empty cell as 0 (=A1 shows 0, not
 * blank); the grid shows values as computed, so HyperFormula's rounding of binary noise (0.1+0.2) stays on.
 */
const CONFIG = { ...ENGINE_CONFIG, smartRounding: true, evaluateNullToZero: true } as const;

/** True when the formula parses (unknown function names parse too and compute to #NAME?, as in Excel). */
export function isFormulaValid(formula: string): boolean {
  registerRubricPlugin();
  const hf = HyperFormula.buildEmpty(CONFIG);
  try {
    return hf.validateFormula(toEngineFormula(formula));
  } finally {
    hf.destroy();
  }
}

function rawContent(cell: BookCell): RawCellContent {
  if (cell.formula !== undefined) return toEngineFormula(cell.formula);
  const v = cell.value;
  if (v === null) return null;
  // An apostrophe keeps text as text: HyperFormula would otherwise read "15%" or "2023-05-01" as numbers.
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'object') return v.error;
  return v;
}

function toCellValue(v: unknown, cell: BookCell): CellValue {
  if (v instanceof DetailedCellError) {
    // A function (another add-in's) or syntax (structured references) this page does not know:
    // keep what Excel last computed rather than show an error Excel would not.
    if ((v.type === 'NAME' || v.type === 'ERROR') && cell.value !== null) return cell.value;
    return { error: v.value };
  }
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** `context` gives RUBRIC functions their rubric and message language; without it they compute to #VALUE!. */
export function computeBook(book: Book, context?: FormulaContext): ComputedValues {
  return context ? withFormulaContext(context, () => compute(book)) : compute(book);
}

function compute(book: Book): ComputedValues {
  const out: ComputedValues = new Map();
  const withFormulas = book.sheets.filter((s) => [...s.cells.values()].some((c) => c.formula !== undefined));
  if (withFormulas.length === 0) return out;
  registerRubricPlugin();
  const data: Record<string, RawCellContent[][]> = {};
  for (const sheet of book.sheets) {
    const { rows, cols } = usedExtent(sheet);
    const grid: RawCellContent[][] = Array.from({ length: rows }, () => Array<RawCellContent>(cols).fill(null));
    for (const [address, cell] of sheet.cells) {
      const { row, col } = fromA1(address);
      grid[row][col] = rawContent(cell);
    }
    data[sheet.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(data, CONFIG);
  try {
    for (const sheet of withFormulas) {
      const sheetId = hf.getSheetId(sheet.name);
      const values = new Map<string, CellValue>();
      for (const [address, cell] of sheet.cells) {
        if (cell.formula === undefined || sheetId === undefined) continue;
        const { row, col } = fromA1(address);
        values.set(address, toCellValue(hf.getCellValue({ sheet: sheetId, row, col }), cell));
      }
      out.set(sheet.name, values);
    }
  } finally {
    hf.destroy();
  }
  return out;
}
