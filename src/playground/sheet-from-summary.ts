/**
 * A district summary sheet (engine/compare/summary-spec.ts) as a playground sheet, laid out as the Office
 * adapter writes it: title in row 1, header in row 2, data from row 3, a blank row, then the footer.
 * Formula cells keep their formula and the value the engine computed.
 */
import type { SummarySheetSpec, SummaryValue } from '../engine/compare/summary-spec';
import { toA1 } from '../engine/sheet/sheet-model';
import { emptySheet, type BookCell, type BookSheet } from './workbook-model';

const cellOf = (v: SummaryValue): BookCell | null => {
  if (v === null || v === '') return null;
  if (typeof v === 'object') return { value: v.value, formula: v.formula };
  return { value: v };
};

export function sheetFromSummary(spec: SummarySheetSpec, name: string = spec.name): BookSheet {
  const sheet = emptySheet(name);
  const rows: SummaryValue[][] = [[spec.title], spec.header, ...spec.rows, ...(spec.footer.length > 0 ? [[], ...spec.footer] : [])];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = cellOf(v);
      if (!cell) return;
      if (r < 2) cell.bold = true;
      sheet.cells.set(toA1(r, c), cell);
    }),
  );
  sheet.columnWidths = [...spec.widths];
  return sheet;
}
