/**
 * Writes the example workbooks under examples/ (they are committed; tests and the README use them):
 *   江苏路街道-2023-自评表.xlsx  the staff's own layout (序号, 复核得分, 备注 columns, renamed headers,
 *                                three items collapsed into one row) with a few honest mistakes;
 *   clean-2023-自评表.xlsx      the generated template filled in correctly (no error findings).
 * Run: node scripts/ensure-cli-built.js && node dist-cli/scripts/make-example.js [out-dir]
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { packageRoot } from '../src/cli/paths';
import { loadRubricFile } from '../src/cli/rubric-file';
import { buildTemplateWorkbook } from '../src/cli/xlsx/write-template';
import { D, dec, toNumber, type Dec } from '../src/engine/decimal';
import { isAllowed } from '../src/engine/rules';
import type { Clause, Item, Rubric } from '../src/engine/rubric-types';
import { scoreRubric, type ClauseEntry } from '../src/engine/scoring';
import { buildTemplateSpec } from '../src/engine/template/build-template';
import { fillFor, JIANGSULU, XINHUALU, type ClauseFill } from './make-example-data';

const FONT = '宋体';
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** How staff spelled some item names: straight quotes, full-width brackets, a stray space, an alias. */
const STAFF_ITEM_NAMES: Record<string, string> = {
  '1.1': '深化"政策找人"工作情况',
  '1.2': '“社区救助顾问” 标准化建设情况',
  '3.1': '最低生活保障（含重残无业人员）',
  '4.4': '住房救助(廉租住房)',
  '4.6': '社会力量参与社会救助',
};
/** Items the 江苏路 staff kept in one row: the clauses' texts in one cell, one score for the item. */
const COLLAPSED = new Set(['1.5', '4.3', '5.2']);

function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    const units = [...line].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
    return n + Math.max(1, Math.ceil(units / (width - 2)));
  }, 0);
}

const numeric = (s: number | string): Dec => (typeof s === 'number' ? dec(s) : new D(0));

/** The total the engine computes for these fills (caps applied). */
function computedTotal(rubric: Rubric, fills: Map<string, ClauseFill>): Dec {
  const entries = new Map<string, ClauseEntry>();
  let veto = false;
  for (const [id, f] of fills) {
    if (typeof f.score === 'number') entries.set(id, { score: dec(f.score) });
    else if (f.score === '是') veto = true;
  }
  return scoreRubric(rubric, entries, veto).total;
}

function allFills(rubric: Rubric, town: string, overrides: Record<string, ClauseFill>): Map<string, ClauseFill> {
  const fills = new Map<string, ClauseFill>();
  for (const c of rubric.categories) for (const i of c.items) for (const cl of i.clauses) fills.set(cl.id, fillFor(town, cl, overrides));
  return fills;
}

// ─── 江苏路街道: the staff layout ───────────────────────────────────────────

export async function jiangsuluWorkbook(rubric: Rubric): Promise<Buffer> {
  const town = '江苏路街道';
  const fills = allFills(rubric, town, JIANGSULU);
  const wb = new ExcelJS.Workbook();
  wb.creator = '江苏路街道社区服务办公室';
  const ws = wb.addWorksheet('2023自评', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [5, 12, 16, 6, 50, 8, 8, 30, 26, 16];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const style = (cell: ExcelJS.Cell, opts: { bold?: boolean; center?: boolean; size?: number } = {}) => {
    cell.font = { name: FONT, size: opts.size ?? 10.5, bold: opts.bold };
    cell.alignment = { vertical: 'middle', horizontal: opts.center ? 'center' : 'left', wrapText: true };
  };

  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = `${town}2023年度社会救助绩效评价自评表`;
  style(ws.getCell('A1'), { bold: true, center: true, size: 16 });
  ws.getRow(1).height = 32;
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = `填报单位：长宁区${town}社区服务办公室（盖章）`;
  ws.mergeCells('H2:J2');
  ws.getCell('H2').value = '填报日期：2024年1月12日';
  style(ws.getCell('A2'));
  style(ws.getCell('H2'));
  const header = ['序号', '指标体系', '评价内容', '分值', '评分细则', '自评分', '复核得分', '佐证资料', '扣分原因', '备注'];
  header.forEach((h, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = h;
    style(cell, { bold: true, center: true });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  });

  let row = 4;
  let seq = 0;
  let enteredSum = new D(0);
  for (const category of rubric.categories) {
    const catTop = row;
    for (const item of category.items) {
      seq++;
      const itemTop = row;
      const groups: Clause[][] = COLLAPSED.has(item.id) ? [item.clauses] : item.clauses.map((c) => [c]);
      for (const group of groups) {
        const fs = group.map((c) => fills.get(c.id) as ClauseFill);
        const ruleText = group.map((c) => c.text).join('\n');
        const score = fs.length === 1 ? fs[0].score : toNumber(fs.reduce((s, f) => s.plus(numeric(f.score)), new D(0)));
        if (category.kind === 'base') enteredSum = enteredSum.plus(numeric(score));
        const values: (string | number)[] = [
          '',
          '',
          '',
          '',
          ruleText,
          score,
          '',
          [...new Set(fs.map((f) => f.evidence).filter(Boolean))].join('；'),
          fs.map((f) => f.reason).filter(Boolean).join(''),
          fs.map((f) => f.note ?? '').filter(Boolean).join(''),
        ];
        values.forEach((v, i) => {
          const cell = ws.getCell(row, i + 1);
          if (v !== '') cell.value = v;
          style(cell, { center: i === 5 || i === 6 });
        });
        ws.getRow(row).height = Math.max(1, linesFor(ruleText, widths[4])) * 13.5;
        row++;
      }
      placeItem(ws, item, category.kind === 'penalty', seq, itemTop, row - 1);
    }
    const label =
      category.kind === 'base'
        ? `${category.name}${category.id === '1' || category.id === '3' ? '\n' : ''}（${category.cap}分）`
        : category.kind === 'bonus'
          ? `${category.name}（${category.cap}分）`
          : `${category.name}（－${category.cap}分）`;
    if (row - 1 > catTop) ws.mergeCells(catTop, 2, row - 1, 2);
    ws.getCell(catTop, 2).value = label;
    style(ws.getCell(catTop, 2), { bold: true, center: true });
  }

  // Mistake: the 合计 was added up by hand from the base rows only — the 加分项 point is missing.
  ws.mergeCells(row, 1, row, 5);
  ws.getCell(row, 1).value = '合计';
  style(ws.getCell(row, 1), { bold: true, center: true });
  ws.getCell(row, 6).value = toNumber(enteredSum);
  style(ws.getCell(row, 6), { bold: true, center: true });
  for (let r = 3; r <= row; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).border = BORDER;
  row += 2;
  ws.mergeCells(row, 1, row, 10);
  ws.getCell(row, 1).value = '填表人：王晓敏　　　　　　审核人：李建国　　　　　　分管领导：陈卫东';
  style(ws.getCell(row, 1));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function placeItem(ws: ExcelJS.Worksheet, item: Item, penalty: boolean, seq: number, top: number, bottom: number): void {
  const put = (col: number, value: string | number) => {
    if (bottom > top) ws.mergeCells(top, col, bottom, col);
    const cell = ws.getCell(top, col);
    cell.value = value;
    cell.font = { name: FONT, size: 10.5 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  };
  put(1, seq);
  put(3, STAFF_ITEM_NAMES[item.id] ?? item.name);
  put(4, penalty ? -item.max : item.max);
}

// ─── clean: the generated template, filled in ────────────────────────────────

export async function cleanWorkbook(rubric: Rubric): Promise<Buffer> {
  const town = '新华路街道';
  const fills = allFills(rubric, town, XINHUALU);
  const index = new Map(rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((cl) => [cl.id, cl] as const))));
  for (const [id, f] of fills) {
    const clause = index.get(id) as Clause;
    if (typeof f.score === 'number' && clause.rule.kind !== 'penalty' && !isAllowed(clause.rule, clause.max, rubric.resolution, dec(f.score))) {
      throw new Error(`clean example: ${f.score} is not a score clause ${id} can take`);
    }
  }
  const spec = buildTemplateSpec(rubric);
  const wb = buildTemplateWorkbook(spec);
  const ws = wb.worksheets[0];
  ws.getCell('B2').value = town;
  ws.getCell('F2').value = '2024年1月10日';
  const col = (key: string) => spec.columns.findIndex((c) => c.key === key) + 1;
  for (const cell of spec.cells.filter((c) => c.clauseId)) {
    const f = fills.get(cell.clauseId as string) as ClauseFill;
    const { row } = ws.getCell(cell.address);
    ws.getCell(cell.address).value = f.score;
    if (f.evidence) ws.getCell(Number(row), col('evidence')).value = f.evidence;
    if (f.reason) ws.getCell(Number(row), col('reason')).value = f.reason;
  }
  // Excel shows a formula's cached result until it recalculates; store the right one, as Excel would.
  const total = ws.getCell(spec.totalCell as string);
  const formula = spec.cells.find((c) => c.address === spec.totalCell)?.formula as string;
  total.value = { formula, result: toNumber(computedTotal(rubric, fills)) } as ExcelJS.CellFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function makeExamples(outDir: string): Promise<void> {
  const rubric = loadRubricFile();
  mkdirSync(outDir, { recursive: true });
  const files: [string, Buffer][] = [
    ['江苏路街道-2023-自评表.xlsx', await jiangsuluWorkbook(rubric)],
    ['clean-2023-自评表.xlsx', await cleanWorkbook(rubric)],
  ];
  for (const [name, bytes] of files) {
    writeFileSync(join(outDir, name), bytes);
    process.stdout.write(`${join(outDir, name)} (${Math.round(bytes.length / 1024)} KB)\n`);
  }
}

if (require.main === module) {
  makeExamples(process.argv[2] ?? join(packageRoot(), 'examples')).catch((err) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 2;
  });
}
