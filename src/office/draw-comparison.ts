/**
 * The district's summary sheets (engine/compare/summary-spec.ts) drawn into the open workbook with
 * Office.js (enum values as their strings, as draw-template.ts does, so no Excel global is needed to build
 * the batch): each sheet's title, header, rows and footer written as one range (formulas and constants
 * together: Range.formulas takes both), and on 汇总 a native clustered bar chart of the ranking.
 */
import { columnLetters } from '../engine/sheet/sheet-model';
import type { SummarySheetSpec, SummaryValue } from '../engine/compare/summary-spec';
import type { ComparisonInsert } from '../host/workbook-host';

const cellOf = (v: SummaryValue | undefined): string | number => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return `=${v.formula}`;
  // A text that Excel would read as a formula stays text.
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
};

/** Row 1 the title, row 2 the header, data from row 3, a blank row, then the footer — as the CLI's workbook. */
export function sheetGrid(spec: SummarySheetSpec): (string | number)[][] {
  const body: SummaryValue[][] = [[spec.title], spec.header, ...spec.rows, ...(spec.footer.length > 0 ? [[], ...spec.footer] : [])];
  const cols = Math.max(1, ...body.map((r) => r.length));
  return body.map((r) => Array.from({ length: cols }, (_, c) => cellOf(r[c])));
}

export function drawComparisonSheet(ws: Excel.Worksheet, spec: SummarySheetSpec): void {
  const grid = sheetGrid(spec);
  ws.getRange(`A1:${columnLetters(grid[0].length - 1)}${grid.length}`).formulas = grid;
}

/** The ranking chart on the summary sheet: 最终得分 bars labelled by 街镇, placed right of the table. */
export function drawRankingChart(ws: Excel.Worksheet, spec: SummarySheetSpec, chart: ComparisonInsert['chart']): void {
  const last = 2 + Math.max(spec.rows.length, 1);
  const values = columnLetters(chart.valueColumn);
  const labels = columnLetters(chart.labelColumn);
  const c = ws.charts.add('BarClustered', ws.getRange(`${values}2:${values}${last}`), 'Columns');
  c.series.getItemAt(0).setXAxisValues(ws.getRange(`${labels}3:${labels}${last}`));
  c.title.text = chart.title;
  c.setPosition(`${columnLetters(spec.header.length + 1)}2`);
}
