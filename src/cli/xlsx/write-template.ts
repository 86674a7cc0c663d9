/** Draws a TemplateSpec (engine/template) with ExcelJS: the same sheet the task pane inserts through Office.js. */
import type ExcelJS from 'exceljs';
import { newWorkbook } from './exceljs';
import { fromA1, toA1 } from '../../engine/sheet/sheet-model';
import type { TemplateCell, TemplateSpec } from '../../engine/template/template-spec';
import { toFileFormula } from '../../engine/formulas/formula-text';

const FONT = '宋体';
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Every cell of an A1 range such as "E5:E7" (or a single "E5"). */
function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  const out: string[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(toA1(r, c));
  return out;
}

function drawCell(ws: ExcelJS.Worksheet, spec: TemplateCell, titleAddress: string): void {
  const cell = ws.getCell(spec.address);
  if (spec.formula !== undefined) cell.value = { formula: toFileFormula(spec.formula), date1904: false } as ExcelJS.CellFormulaValue;
  else if (spec.value !== undefined && spec.value !== '') cell.value = spec.value;
  const isTitle = spec.address === titleAddress;
  cell.font = { name: FONT, size: isTitle ? 16 : 11, bold: spec.bold ?? false };
  cell.alignment = { horizontal: spec.align ?? 'left', vertical: spec.valign ?? 'middle', wrapText: spec.wrap ?? false };
  if (spec.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } };
  if (spec.numberFormat) cell.numFmt = spec.numberFormat;
  if (spec.bottomBorder) cell.border = { bottom: { style: 'thin' } };
}

/** A workbook holding the one template sheet. */
export function buildTemplateWorkbook(spec: TemplateSpec): ExcelJS.Workbook {
  const workbook = newWorkbook();
  workbook.creator = '评分助手 Rubric Check';
  const ws = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: spec.freezeRows }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // ExcelJS prefixes each corner with "$" only before the column; "A$1" becomes Excel's absolute "$A$1".
      printArea: spec.printArea.replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
      printTitlesRow: spec.printTitleRows,
      horizontalCentered: true,
    },
  });
  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  if (spec.borderRange) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
    for (const a of cellsOf(spec.borderRange)) ws.getCell(a).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  const titleAddress = spec.cells[0]?.address ?? 'A1';
  for (const c of spec.cells) drawCell(ws, c, titleAddress);
  for (const m of spec.merges) ws.mergeCells(m);
  for (const v of spec.validations) {
    const validation: ExcelJS.DataValidation = v.list
      ? { type: 'list', allowBlank: true, formulae: [`"${v.list.join(',')}"`] }
      : { type: 'decimal', operator: 'between', allowBlank: true, formulae: [v.min, v.max] };
    Object.assign(validation, {
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入有误',
      error: v.error,
      ...(v.prompt ? { showInputMessage: true, promptTitle: '评分提示', prompt: v.prompt } : {}),
    });
    for (const a of cellsOf(v.range)) ws.getCell(a).dataValidation = validation;
  }
  for (const h of spec.rowHeights ?? []) ws.getRow(h.row).height = h.height;
  return workbook;
}

export async function templateBuffer(spec: TemplateSpec): Promise<Buffer> {
  return Buffer.from(await buildTemplateWorkbook(spec).xlsx.writeBuffer());
}
