/** A TemplateSpec drawn as a playground sheet: what 「生成评分表」 inserts, as Excel would show it. */
import { fromA1 } from '../engine/sheet/sheet-model';
import type { TemplateSpec } from '../engine/template/template-spec';
import { emptySheet, type BookCell, type BookSheet } from './workbook-model';

export function sheetFromSpec(spec: TemplateSpec, name: string = spec.sheetName): BookSheet {
  const sheet = emptySheet(name);
  for (const c of spec.cells) {
    const cell: BookCell = { value: c.formula === undefined && c.value !== undefined && c.value !== '' ? c.value : null };
    if (c.formula !== undefined) cell.formula = c.formula;
    if (c.numberFormat !== undefined && c.numberFormat !== 'General') cell.numberFormat = c.numberFormat;
    if (c.fill !== undefined) cell.fill = c.fill.toUpperCase();
    if (c.bold) cell.bold = true;
    if (c.wrap) cell.wrap = true;
    if (c.align !== undefined) cell.align = c.align;
    sheet.cells.set(c.address, cell);
  }
  sheet.merges = spec.merges.map((range) => {
    const [a, b = a] = range.split(':');
    const p = fromA1(a);
    const q = fromA1(b);
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
  sheet.columnWidths = spec.columns.map((c) => c.width);
  if (spec.freezeRows > 0) sheet.freezeRows = spec.freezeRows;
  if (spec.validations.length > 0) sheet.validations = spec.validations.map((v) => ({ ...v }));
  return sheet;
}
