/**
 * Draws a TemplateSpec on a new worksheet with queued Office.js calls only (no sync): the whole sheet
 * goes to Excel in one round trip. Values, number formats and cell formats are each one 2-D call over
 * the sheet's extent rather than one call per cell.
 */
import { columnLetters, fromA1 } from '../engine/sheet/sheet-model';
import type { TemplateCell, TemplateSpec } from '../engine/template/template-spec';

/** Points per Excel character unit of column width (the default 8.43-character column is 48 pt). */
const POINTS_PER_CHAR = 5.7;

/** `base`, or `base (2)`, `base (3)` … whichever no sheet has yet (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

const ALIGN: Record<NonNullable<TemplateCell['align']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

function extent(spec: TemplateSpec): { rows: number; cols: number } {
  let rows = 1;
  let cols = spec.columns.length;
  const see = (address: string) => {
    const { row, col } = fromA1(address);
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  };
  spec.cells.forEach((c) => see(c.address));
  spec.merges.forEach((m) => m.split(':').forEach(see));
  return { rows, cols };
}

function cellFormat(c: TemplateCell): Excel.SettableCellProperties {
  const format: Excel.CellPropertiesFormat = { verticalAlignment: c.valign === 'top' ? 'Top' : 'Center' };
  if (c.bold) format.font = { bold: true };
  if (c.wrap) format.wrapText = true;
  if (c.fill) format.fill = { color: c.fill };
  if (c.align) format.horizontalAlignment = ALIGN[c.align];
  return { format };
}

export function drawTemplate(ws: Excel.Worksheet, spec: TemplateSpec): void {
  const { rows, cols } = extent(spec);
  const all = ws.getRange(`A1:${columnLetters(cols - 1)}${rows}`);
  const formulas: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const numberFormat: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  const formats: Excel.SettableCellProperties[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ({})));
  for (const c of spec.cells) {
    const { row, col } = fromA1(c.address);
    if (c.formula !== undefined) formulas[row][col] = `=${c.formula}`;
    else if (c.value !== undefined) formulas[row][col] = c.value;
    if (c.numberFormat) numberFormat[row][col] = c.numberFormat;
    formats[row][col] = cellFormat(c);
  }
  // Number formats first: a 否/是 cell formatted as text must not be read as a boolean.
  all.numberFormat = numberFormat;
  all.formulas = formulas;
  all.setCellProperties(formats);

  spec.columns.forEach((c, i) => {
    ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR);
  });
  for (const { row, height } of spec.rowHeights ?? []) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of spec.merges) ws.getRange(m).merge(false);
  if (spec.borderRange) {
    const borders = ws.getRange(spec.borderRange).format.borders;
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      borders.getItem(edge).style = 'Continuous';
    }
  }
  for (const v of spec.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = v.list
      ? { list: { inCellDropDown: true, source: v.list.join(',') } }
      : { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    dv.errorAlert = { message: v.error, showAlert: true, style: 'Stop', title: spec.title.slice(0, 32) };
    if (v.prompt) dv.prompt = { message: v.prompt, showPrompt: true, title: spec.title.slice(0, 32) };
  }
  if (spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
  ws.pageLayout.setPrintArea(spec.printArea);
  if (spec.printTitleRows) ws.pageLayout.setPrintTitleRows(`$${spec.printTitleRows.replace(':', ':$')}`);
  ws.pageLayout.orientation = 'Landscape';
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
}
