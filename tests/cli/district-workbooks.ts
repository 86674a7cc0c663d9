/**
 * The district's test material: 街镇 workbooks built from the rubric (tests/engine/validate/rubric-sheet),
 * written as real .xlsx files the way a 街镇 keeps them — a title naming the 街镇 above the table, merged
 * cells, optional 复核得分/复核意见 columns — for the compare and stamp tests.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import type { ColumnRole } from '../../src/engine/locate/types';
import type { Rubric } from '../../src/engine/rubric-types';
import { isCellError, type CellValue } from '../../src/engine/sheet/sheet-model';
import { buildSheet, STANDARD_COLUMNS, type SheetPlan } from '../engine/validate/rubric-sheet';

export const REVIEW_COLUMNS = [...STANDARD_COLUMNS, { header: '复核得分', role: 'review' as ColumnRole }, { header: '复核意见', role: 'reviewNote' as ColumnRole }];

export interface DistrictSheet {
  /** Written in the title row: 「{name}2023年社会救助绩效评价自评表」; none when undefined. */
  name?: string;
  review?: 'none' | 'empty' | 'agree';
  /** Changes to the plan before writing (plant a deduction, a review, a veto …). */
  edit?: (plan: SheetPlan) => void;
}

export function districtPlan(rubric: Rubric, spec: DistrictSheet): SheetPlan {
  const plan = buildSheet(rubric, { columns: spec.review && spec.review !== 'none' ? REVIEW_COLUMNS : STANDARD_COLUMNS, titleRows: 2 });
  plan.grid[0][0] = spec.name ? `${spec.name}2023年社会救助绩效评价自评表` : '2023年社会救助绩效评价自评表';
  if (spec.review === 'agree') for (const id of Object.keys(plan.rowOf)) plan.set(id, 'review', plan.get(id, 'score'));
  spec.edit?.(plan);
  return plan;
}

const excelValue = (v: CellValue): ExcelJS.CellValue => (v !== null && isCellError(v) ? { error: v.error as ExcelJS.CellErrorValue['error'] } : v);

function drawPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const sheet = plan.sheet(ws.name);
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const v = sheet.cell(r, c)?.value ?? null;
      if (v !== null) ws.getCell(r + 1, c + 1).value = excelValue(v);
    }
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

/** Sheets from plans, or plain rows (a cover sheet). */
export async function workbookBytes(sheets: ({ name: string; plan: SheetPlan } | { name: string; rows: CellValue[][] })[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if ('plan' in s) drawPlan(ws, s.plan);
    else s.rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = excelValue(v))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeDistrict(path: string, rubric: Rubric, spec: DistrictSheet): Promise<string> {
  writeFileSync(path, await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, spec) }]));
  return path;
}
