/**
 * Draws the summary sheets (engine/compare/summary-spec) into a NEW workbook with ExcelJS — never a
 * user's file — with Excel's own conditional formats: colour scales on the totals and the clause
 * matrix, data bars on the category scores.
 */
import type ExcelJS from 'exceljs';
import { FIRST_DATA_ROW, type SummarySheetSpec, type SummaryValue } from '../../engine/compare/summary-spec';
import { newWorkbook } from './exceljs';

const FONT = '宋体';
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function cellValue(v: SummaryValue): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') return { formula: v.formula, result: v.value } as ExcelJS.CellFormulaValue;
  return v;
}

function drawSheet(workbook: ExcelJS.Workbook, spec: SummarySheetSpec): void {
  const ws = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: FIRST_DATA_ROW - 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getCell(1, 1).value = spec.title;
  ws.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
  const header = ws.getRow(FIRST_DATA_ROW - 1);
  spec.header.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  spec.rows.forEach((values, r) => {
    const row = ws.getRow(FIRST_DATA_ROW + r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = cellValue(v);
      cell.font = { name: FONT };
    });
  });
  const footerStart = FIRST_DATA_ROW + spec.rows.length + 1;
  spec.footer.forEach((values, r) => {
    const row = ws.getRow(footerStart + r);
    values.forEach((v, c) => {
      row.getCell(c + 1).value = cellValue(v);
      row.getCell(c + 1).font = { name: FONT, bold: c === 0 };
    });
  });
  spec.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  spec.conditional.forEach((cf, i) => {
    if (cf.kind === 'colorScale') {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'colorScale',
            priority: i + 1,
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: cf.colors.map((hex) => ({ argb: argb(hex) })),
          } as ExcelJS.ColorScaleRuleType,
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'dataBar',
            priority: i + 1,
            minLength: 0,
            maxLength: 100,
            gradient: false,
            cfvo: [{ type: 'num', value: cf.min }, { type: 'num', value: cf.max }],
            color: { argb: argb(cf.color) },
          } as unknown as ExcelJS.DataBarRuleType,
        ],
      });
    }
  });
}

export function buildComparisonWorkbook(sheets: readonly SummarySheetSpec[]): ExcelJS.Workbook {
  const workbook = newWorkbook();
  workbook.creator = '评分助手 Rubric Check';
  for (const spec of sheets) drawSheet(workbook, spec);
  return workbook;
}
