/**
 * The district's summary sheets as data — 汇总 (one row per 街镇, ranked), 条款对比 (the clause matrix)
 * and 复核差异 (every self/review difference) — drawn by ExcelJS in the CLI (a new workbook) and by
 * Office.js in the pane (sheets added to the open workbook), so both give the same sheets.
 */
import { toNumber } from '../decimal';
import { columnLetters } from '../sheet/sheet-model';
import type { Comparison } from './compare';

export type SummaryValue = string | number | null | { formula: string; value: string | number };

export type ConditionalSpec =
  | { kind: 'colorScale'; range: string; colors: [string, string, string] }
  | { kind: 'dataBar'; range: string; min: number; max: number; color: string };

export interface SummarySheetSpec {
  name: string;
  title: string;
  /** Row 2 (1-based): the column headers; data from row 3. */
  header: string[];
  rows: SummaryValue[][];
  widths: number[];
  conditional: ConditionalSpec[];
  /** Rows below the data (a blank row between): labelled formulas such as the grade distribution. */
  footer: SummaryValue[][];
}

export const SUMMARY_SHEET = '汇总';
export const CLAUSE_SHEET = '条款对比';
export const REVIEW_SHEET = '复核差异';
/** The first data row, 1-based: a title row, then the header. */
export const FIRST_DATA_ROW = 3;

const STAMP_WORDS: Readonly<Record<string, string>> = { valid: '有效', modified: '校验后被修改', 'other-rubric': '按其他评分标准校验', absent: '无' };
export const stampWord = (s: string): string => STAMP_WORDS[s] ?? s;

const RED = '#F8696B';
const YELLOW = '#FFEB84';
const GREEN = '#63BE7B';
const WHITE = '#FFFFFF';
const BAR = '#638EC6';

/** The summary sheets; the 汇总 rows' ranks and final totals are formulas (with their values cached). */
export function summarySheets(c: Comparison, year?: number | string): SummarySheetSpec[] {
  const base = c.entries[0]?.categories.filter((x) => x.kind === 'base') ?? [];
  const n = c.entries.length;
  const first = FIRST_DATA_ROW;
  const last = first + Math.max(n, 1) - 1;
  const header = [
    '排名', '街镇', '自评总分', '自评等第', '复核总分', '复核等第', '最终得分', '最终等第',
    ...base.map((x) => `${x.name}（${toNumber(x.cap)}）`),
    '加分', '扣分', '一票否决', '错误', '警告', '校验结果', '校验印记', '文件',
  ];
  const col = (name: string) => columnLetters(header.indexOf(name));
  const [selfCol, reviewCol, finalCol] = [col('自评总分'), col('复核总分'), col('最终得分')];
  const rows: SummaryValue[][] = c.entries.map((e, i) => {
    const r = first + i;
    return [
      { formula: `RANK(${finalCol}${r},$${finalCol}$${first}:$${finalCol}$${last})`, value: e.rank },
      e.duplicate ? `${e.name}（名称重复）` : e.name,
      toNumber(e.self.total),
      e.self.grade,
      e.review ? toNumber(e.review.total) : null,
      e.review ? e.review.grade : e.reviewStatus === 'not-reviewed' ? '未复核' : null,
      { formula: `IF(${reviewCol}${r}="",${selfCol}${r},${reviewCol}${r})`, value: toNumber(e.final.total) },
      e.final.grade,
      ...e.categories.filter((x) => x.kind === 'base').map((x) => toNumber(x.score)),
      toNumber(e.bonus),
      toNumber(e.penalty),
      e.final.veto ? '是' : '否',
      e.errors,
      e.warnings,
      e.passed ? '通过' : '有错误',
      stampWord(e.stamp),
      e.sheet && e.file ? `${e.file}${c.entries.filter((o) => o.file === e.file).length > 1 ? `（${e.sheet}）` : ''}` : e.file,
    ];
  });
  const gradeCol = col('最终等第');
  const footer: SummaryValue[][] = [
    ['等第分布'],
    ...c.grades.map((g) => [g.grade, { formula: `COUNTIF($${gradeCol}$${first}:$${gradeCol}$${last},"${g.grade}")`, value: g.count }]),
    ['平均最终得分', n > 0 ? { formula: `ROUND(AVERAGE(${finalCol}${first}:${finalCol}${last}),2)`, value: Math.round((c.entries.reduce((s, e) => s + toNumber(e.final.total), 0) / n) * 100) / 100 } : null],
    ...c.unreadable.map((u) => ['无法读取', `${u.file}${u.sheet ? `（${u.sheet}）` : ''}：${u.error.split('\n')[0]}`]),
    ...c.duplicates.map((d) => ['名称重复', `${d.name}：${d.files.join('、')}`]),
  ];
  const conditional: ConditionalSpec[] = [
    ...[selfCol, reviewCol, finalCol].map((letter): ConditionalSpec => ({ kind: 'colorScale', range: `${letter}${first}:${letter}${last}`, colors: [RED, YELLOW, GREEN] })),
    ...base.map((x, i): ConditionalSpec => {
      const letter = columnLetters(8 + i);
      return { kind: 'dataBar', range: `${letter}${first}:${letter}${last}`, min: 0, max: toNumber(x.cap), color: BAR };
    }),
  ];
  const title = `${year ?? ''}${year ? '年度' : ''}社会救助绩效评价街镇汇总（${n} 个街镇，按最终得分排名；最终得分 = 复核总分，未复核的取自评总分）`;

  const labels = c.entries.map((e) => e.label);
  const clauseHeader = ['条款', '评价内容', '序号', '满分', ...labels, '合计失分'];
  const clauseRows: SummaryValue[][] = c.clauses.map((row, i) => {
    const r = first + i;
    const from = columnLetters(4);
    const to = columnLetters(3 + labels.length);
    return [
      row.id,
      row.item,
      row.number,
      row.kind === 'penalty' ? `扣分项` : toNumber(row.max),
      ...labels.map((l) => toNumber(row.lost.get(l) ?? row.max)),
      labels.length > 0 ? { formula: `SUM(${from}${r}:${to}${r})`, value: toNumber(row.total) } : 0,
    ];
  });
  const clauseLast = first + Math.max(c.clauses.length, 1) - 1;
  const clauseSheet: SummarySheetSpec = {
    name: CLAUSE_SHEET,
    title: '各条款失分对比（数值为该街镇在该条款失去的分数；扣分项为被扣的分数）',
    header: clauseHeader,
    rows: clauseRows,
    widths: [8, 22, 6, 8, ...labels.map(() => 12), 10],
    conditional:
      labels.length > 0
        ? [{ kind: 'colorScale', range: `${columnLetters(4)}${first}:${columnLetters(3 + labels.length)}${clauseLast}`, colors: [WHITE, YELLOW, RED] }]
        : [],
    footer: [],
  };

  const reviewRows: SummaryValue[][] = c.entries.flatMap((e) =>
    e.differences.map((d) => [e.label, d.clauseIds.join('、'), d.cell, numberOrText(d.self), numberOrText(d.review), d.change ? toNumber(d.change) : null, d.note]),
  );
  const reviewSheet: SummarySheetSpec = {
    name: REVIEW_SHEET,
    title: reviewRows.length > 0 ? '复核得分与自评得分不同的条款' : '没有复核得分与自评得分不同的条款',
    header: ['街镇', '条款', '单元格', '自评得分', '复核得分', '变化', '复核意见'],
    rows: reviewRows,
    widths: [16, 12, 8, 10, 10, 8, 40],
    conditional: [],
    footer: [],
  };

  return [
    { name: SUMMARY_SHEET, title, header, rows, widths: header.map((h) => (h === '街镇' ? 16 : h === '文件' ? 36 : Math.max(8, Math.min(16, h.length * 2)))), conditional, footer },
    clauseSheet,
    reviewSheet,
  ];
}

const numberOrText = (s: string): string | number => (/^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : s);
