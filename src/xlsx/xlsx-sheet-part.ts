/**
 * One worksheet part, streamed, as a GridSheet: cell values by the rules of the ExcelJS reader
 * (read-worksheet.ts: shared strings, inline strings, booleans, errors, dates by number format, formulas
 * with their cached results, shared formulas translated to each cell), merges, and the hidden rows and
 * columns. Only cells inside the sheet limits are kept; content beyond them is measured, not stored.
 */
import { fromA1, GridSheet, type Cell, type CellValue, type MergeRange } from '../engine/sheet/sheet-model';
import { hasContent, plain, type ReadSheet, type SheetLimits } from './read-worksheet';
import { translateFormula } from './shared-formula';
import type { WorkbookContext } from './xlsx-reader';
import type { Attributes, XmlHandlers } from './xml-part';

/** ExcelJS's test for a date format: a date or time letter outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's serial date as ExcelJS gives it: a UTC instant of the sheet's local date-time. */
const serialToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** `true`/`false` is how LibreOffice writes some booleans; Excel writes 1/0. */
function parseBoolean(v: string): boolean | null {
  const t = v.trim().toLowerCase();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return null;
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** Counted in batches so the cells limit costs nothing per cell. */
const CELL_BATCH = 4096;

export function readSheetPart(
  name: string,
  part: string,
  context: WorkbookContext,
  limits: SheetLimits,
  parse: (handlers: XmlHandlers) => void,
): ReadSheet {
  const rows: (Cell | undefined)[][] = [];
  const merges: MergeRange[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let beyondRows = 0;
  let beyondCols = 0;
  let uncounted = 0;

  let rowIndex = 0; // 1-based, of the current or last row
  let colIndex = 0; // 1-based, of the last cell in the row
  // The cell being read.
  let inCell = false;
  let type = '';
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let formulaShared: { si: string; ref?: string } | undefined;
  let inlineText: string[] | undefined;
  let collect: 'v' | 'f' | 't' | undefined;
  let inPhonetic = 0;

  /** A cell's `r` (A1 style) into rowIndex/colIndex, by character codes: it runs once per cell. */
  const parseRef = (ref: string): boolean => {
    let i = 0;
    let col = 0;
    let row = 0;
    if (ref.charCodeAt(i) === 36) i++;
    for (; i < ref.length; i++) {
      const ch = ref.charCodeAt(i) | 0x20; // lower case
      if (ch < 97 || ch > 122) break;
      col = col * 26 + (ch - 96);
    }
    if (col === 0 || col > 16384) return false;
    if (ref.charCodeAt(i) === 36) i++;
    const digitsFrom = i;
    for (; i < ref.length; i++) {
      const d = ref.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      row = row * 10 + d;
    }
    if (i === digitsFrom || row === 0) return false;
    rowIndex = row;
    colIndex = col;
    return true;
  };

  const startCell = (a: Attributes) => {
    inCell = true;
    if (a.r === undefined || !parseRef(a.r)) colIndex++;
    type = a.t ?? 'n';
    style = a.s === undefined ? 0 : Number(a.s) || 0;
    value = undefined;
    formula = undefined;
    formulaShared = undefined;
    inlineText = undefined;
    if (++uncounted === CELL_BATCH) {
      context.countCells(uncounted, part);
      uncounted = 0;
    }
  };

  const endCell = () => {
    inCell = false;
    const row = rowIndex - 1;
    const col = colIndex - 1;
    const numberFormat = context.cellFormats[style];
    const isDate = isDateFormat(numberFormat);
    const cell = cellOf(row, col, numberFormat, isDate);
    if (!cell || !hasContent(cell)) return;
    if (rowIndex > limits.rows || colIndex > limits.cols) {
      beyondRows = Math.max(beyondRows, rowIndex);
      beyondCols = Math.max(beyondCols, colIndex);
      return;
    }
    (rows[row] ??= [])[col] = cell;
  };

  const cellOf = (row: number, col: number, numberFormat: string | undefined, isDate: boolean): Cell | undefined => {
    const fmt = numberFormat ? { numberFormat } : {};
    if (formulaShared?.ref !== undefined && formula) shared.set(formulaShared.si, { formula, row, col });
    let text = formula;
    if (formulaShared && !text) {
      const master = shared.get(formulaShared.si);
      if (master) text = translateFormula(master.formula, row - master.row, col - master.col);
    }
    if (text || formulaShared) {
      const result = value === undefined ? null : typedValue(value, type === 'str' || type === 's' ? 'str' : type, isDate, true);
      return { value: result, ...(text ? { formula: text } : {}), ...fmt };
    }
    if (type === 'inlineStr') return inlineText ? { value: plain(inlineText.join('')), ...fmt } : undefined;
    if (value === undefined) return undefined;
    return { value: typedValue(value, type, isDate, false), ...fmt };
  };

  const typedValue = (v: string, t: string, isDate: boolean, result: boolean): CellValue => {
    switch (t) {
      case 's':
        return result ? plain(v) : plain(context.sharedStrings[Number.parseInt(v, 10)]);
      case 'str':
      case 'inlineStr':
        return plain(v);
      case 'b':
        return parseBoolean(v);
      case 'e':
        return { error: v };
      case 'd': {
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
        return plain(d);
      }
      default: {
        const n = Number.parseFloat(v);
        if (!Number.isFinite(n)) return null;
        return isDate ? plain(serialToDate(n, context.date1904)) : n;
      }
    }
  };

  parse({
    open(el, a, selfClosing) {
      switch (el) {
        case 'row': {
          rowIndex = a.r !== undefined && /^\d+$/.test(a.r) ? Number(a.r) : rowIndex + 1;
          colIndex = 0;
          if ((isTrue(a.hidden) || (a.ht !== undefined && Number(a.ht) === 0)) && rowIndex <= limits.rows) hiddenRows.add(rowIndex - 1);
          return;
        }
        case 'c':
          startCell(a);
          if (selfClosing) collect = undefined;
          return;
        case 'v':
          if (inCell) {
            collect = 'v';
            value ??= '';
          }
          return;
        case 'f':
          if (!inCell) return;
          collect = 'f';
          if (a.t === 'shared' && a.si !== undefined) formulaShared = { si: a.si, ref: a.ref };
          return;
        case 'is':
          if (inCell) inlineText = [];
          return;
        case 'rPh':
          inPhonetic++;
          return;
        case 't':
          if (inlineText && inPhonetic === 0) collect = 't';
          return;
        case 'col': {
          if (!(isTrue(a.hidden) || (a.width !== undefined && Number(a.width) === 0))) return;
          const min = Number(a.min);
          const max = Math.min(Number(a.max), limits.cols);
          if (!Number.isFinite(min) || !Number.isFinite(max)) return;
          for (let c = Math.max(1, min); c <= max; c++) hiddenCols.add(c - 1);
          return;
        }
        case 'mergeCell': {
          const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a.ref ?? '');
          if (!m) return;
          const p = fromA1(`${m[1]}${m[2]}`);
          const q = m[3] ? fromA1(`${m[3]}${m[4]}`) : p;
          const range = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
          if (range.top < limits.rows && range.left < limits.cols) merges.push(range);
          return;
        }
        default:
      }
    },
    close(el) {
      switch (el) {
        case 'c':
          if (inCell) endCell();
          return;
        case 'v':
        case 'f':
        case 't':
          collect = undefined;
          return;
        case 'rPh':
          inPhonetic--;
          return;
        default:
      }
    },
    text(t) {
      if (collect === 'v') value += t;
      else if (collect === 'f') formula = (formula ?? '') + t;
      else if (collect === 't' && inlineText) inlineText.push(t);
    },
  });
  context.countCells(uncounted, part);

  // A merged range's other cells may still hold values in the file; like Excel, only the top-left counts.
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, rows.length - 1); r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) if (r !== m.top || c !== m.left) row[c] = undefined;
    }
  }
  let contentRows = beyondRows;
  let contentCols = beyondCols;
  for (let r = 0; r < rows.length; r++) {
    const row = (rows[r] ??= []);
    let last = row.length - 1;
    while (last >= 0 && row[last] === undefined) last--;
    row.length = last + 1;
    if (last >= 0) {
      contentRows = Math.max(contentRows, r + 1);
      contentCols = Math.max(contentCols, last + 1);
    }
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const sheet = new GridSheet(name, rows, merges, { hiddenRows, hiddenCols });
  return { sheet, contentRows, contentCols, truncated: contentRows > limits.rows || contentCols > limits.cols };
}
