/**
 * Self-assessment sheets built the way 街镇 staff really keep them, for the validator's "zero false
 * errors" tests: a cover block above the table (附件1, a merged title, 填报单位 and 日期, an instruction
 * row), a 序号 column and a 备注 column, category and item cells merged down their rows with （25分）
 * on a second line, 评分细则 pasted from the PDF with its line breaks, a 合计 that is a SUM formula,
 * and 填表人 / 审核人 lines under the table.
 *
 * The plan is a list of rows that tests rearrange before building: a whole item in one row however its
 * clauses are joined, a clause over several rows under one merged 评分细则 cell, a 扣分 column, a split
 * 序号 | 内容 rule column. The default fill is the clean sheet of ../rubric-sheet.ts (95 points, 优秀),
 * except that 特困人员供养 5 scores its 0.5 with a note (no property held) so a SUM total needs no
 * knowledge of 不适用.
 */
import { D } from '../../../../src/engine/decimal';
import type { Category, Clause, Item, Rubric } from '../../../../src/engine/rubric-types';
import { GridSheet, toA1, type CellValue, type MergeRange } from '../../../../src/engine/sheet/sheet-model';
import { defaultFill } from '../rubric-sheet';

export type Field = 'rule' | 'score' | 'deduction' | 'evidence' | 'reason' | 'remark';

export interface StaffRow {
  itemId: string;
  categoryId: string;
  /** The clauses the row scores (for addressing in tests; the validator never sees this). */
  clauseIds: string[];
  rule: string;
  /** With a split rule column: the 序号 part (the rule text then holds the rest). */
  ruleNumber?: CellValue;
  score: CellValue;
  deduction?: CellValue;
  evidence: CellValue;
  reason: CellValue;
  remark?: CellValue;
  /** The 评分细则 cell is merged into the row above's (a sub-row of the same clause). */
  ruleMergedAbove?: boolean;
  /** A percentage or other number format on the score cell. */
  scoreFormat?: string;
}

export interface StaffSheetOptions {
  /** 评分细则 as 序号 | 内容 under one merged header. */
  splitRule?: boolean;
  /** A 扣分 column after 自评得分, with this header (扣分, 扣分值, 扣减分值 …). */
  deductionHeader?: string;
  /** Break clause texts as the PDF's narrow column did (default true). */
  pdfBreaks?: boolean;
  /** The 合计 cell: a SUM formula with its cached result (default), a typed number, or none. */
  total?: 'formula' | 'typed' | 'none';
}

/** A PDF table column holds about this many characters per line. */
const PDF_LINE = 17;

/** The text as pasted from the PDF: a line break every PDF_LINE characters. */
export function pdfText(text: string): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += PDF_LINE) lines.push(text.slice(i, i + PDF_LINE));
  return lines.join('\n');
}

/** The clause text without its leading number (for the 内容 half of a split rule column). */
const withoutNumber = (text: string): string => text.replace(/^\s*\d{1,2}、/, '');

export class StaffSheet {
  readonly rows: StaffRow[] = [];
  /** Score of the clean sheet a careful person computes: full marks less 5 (12 deduct clauses), +2, −2. */
  static readonly CLEAN_TOTAL = 95;
  /** The A1 cells of the last build, by clause id and field (the first row scoring the clause). */
  private built?: { sheet: GridSheet; rowOf: Map<StaffRow, number>; col: Record<string, number>; totalRow?: number };

  constructor(
    readonly rubric: Rubric,
    readonly options: StaffSheetOptions = {},
  ) {
    for (const category of rubric.categories) {
      for (const item of category.items) {
        for (const clause of item.clauses) this.rows.push(this.clauseRow(clause, item, category));
      }
    }
  }

  private clauseRow(clause: Clause, item: Item, category: Category): StaffRow {
    const fill = defaultFill(clause, category);
    const row: StaffRow = {
      itemId: item.id,
      categoryId: category.id,
      clauseIds: [clause.id],
      rule: this.text(clause.text),
      score: fill.score,
      evidence: fill.evidence,
      reason: fill.reason,
    };
    if (clause.notApplicable) {
      row.score = clause.max;
      row.evidence = '本街镇无代管财产';
    }
    if (this.options.splitRule && /^\d{1,2}、/.test(clause.text)) {
      row.ruleNumber = clause.number;
      row.rule = this.text(withoutNumber(clause.text));
    }
    return row;
  }

  text(raw: string): string {
    return this.options.pdfBreaks === false ? raw : pdfText(raw);
  }

  /** The first row scoring a clause. */
  row(clauseId: string): StaffRow {
    const row = this.rows.find((r) => r.clauseIds.includes(clauseId));
    if (!row) throw new Error(`no row for ${clauseId}`);
    return row;
  }

  set(clauseId: string, field: Field, value: CellValue): this {
    (this.row(clauseId) as unknown as Record<Field, CellValue>)[field] = value;
    return this;
  }

  /**
   * The item's clauses in one row: texts joined by `join` (a line break, 。, ；, or nothing after the
   * （N分）), the scores added up, evidence and reasons joined.
   */
  wholeItem(itemId: string, join: string): StaffRow {
    const mine = this.rows.filter((r) => r.itemId === itemId);
    const item = this.item(itemId);
    const texts = item.clauses.filter((c) => c.rule.kind !== 'veto').map((c) => this.text(c.text));
    let score = new D(0);
    for (const r of mine) if (typeof r.score === 'number') score = score.plus(r.score);
    const join2 = (vals: CellValue[]) => {
      const v = vals.filter((x) => x !== null && x !== undefined && x !== '');
      return v.length > 0 ? v.join('；') : null;
    };
    const row: StaffRow = {
      itemId,
      categoryId: mine[0].categoryId,
      clauseIds: mine.flatMap((r) => r.clauseIds),
      // A trailing 。 before the join would double it; the PDF text ends with （N分） anyway.
      rule: texts.join(join),
      score: score.toNumber(),
      evidence: join2(mine.map((r) => r.evidence)),
      reason: join2(mine.map((r) => r.reason)),
    };
    this.rows.splice(this.rows.indexOf(mine[0]), mine.length, row);
    return row;
  }

  /**
   * The clause over several rows: the first row keeps the clause, each further line is a row below it
   * (its rule cell merged into the first's unless it brings its own text).
   */
  subRows(clauseId: string, lines: Partial<StaffRow>[]): StaffRow[] {
    const first = this.row(clauseId);
    const rows = lines.map((line, i) => ({
      ...first,
      rule: i === 0 ? first.rule : '',
      ruleMergedAbove: i > 0 && line.rule === undefined,
      score: null,
      evidence: null,
      reason: null,
      ...line,
    }));
    this.rows.splice(this.rows.indexOf(first), 1, ...rows);
    return rows;
  }

  item(itemId: string): Item {
    for (const c of this.rubric.categories) for (const i of c.items) if (i.id === itemId) return i;
    throw new Error(`no item ${itemId}`);
  }

  /** Builds the sheet; addresses (`cell`, `lineCell`, `totalCell`) refer to this build. */
  sheet(name = '2023年自评表'): GridSheet {
    const o = this.options;
    const headers: [string, string][] = [
      ['seq', '序号'],
      ['category', '指标体系'],
      ['item', '评价内容'],
      ['points', '分值'],
      ['rule', '评分细则'],
      ...(o.splitRule ? ([['ruleText', '评分细则']] as [string, string][]) : []),
      ['score', '自评得分'],
      ...(o.deductionHeader ? ([['deduction', o.deductionHeader]] as [string, string][]) : []),
      ['evidence', '佐证材料'],
      ['reason', '扣分说明'],
      ['remark', '备注'],
    ];
    const col: Record<string, number> = {};
    headers.forEach(([role], i) => (col[role] = i));
    const width = headers.length;
    const grid: CellValue[][] = [];
    const merges: MergeRange[] = [];
    const formats = new Map<string, string>();
    const formulas = new Map<string, string>();
    const blankRow = () => Array.from({ length: width }, () => null as CellValue);
    const across = (row: number) => merges.push({ top: row, left: 0, bottom: row, right: width - 1 });

    grid.push(['附件1', ...blankRow().slice(1)]);
    grid.push([`${this.rubric.title}自评表`, ...blankRow().slice(1)]);
    across(1);
    grid.push(['填报单位（盖章）：江苏路街道', ...blankRow().slice(1)]);
    grid[2][col.evidence] = '填报日期：2024年1月8日';
    grid.push(['说明：1.自评得分请填写数字；2.未得满分的须在扣分说明中写明原因；3.佐证材料须列明材料名称。', ...blankRow().slice(1)]);
    across(3);
    const headerRow = grid.length;
    const header = blankRow();
    headers.forEach(([role, name], i) => (header[i] = role === 'ruleText' ? null : name));
    grid.push(header);
    if (o.splitRule) merges.push({ top: headerRow, left: col.rule, bottom: headerRow, right: col.ruleText });

    const rowOf = new Map<StaffRow, number>();
    const mergeDown = (c: number, top: number, bottom: number) => {
      if (bottom > top) merges.push({ top, left: c, bottom, right: c });
    };
    let catTop = -1;
    let itemTop = -1;
    let ruleTop = -1;
    let seq = 0;
    const categoryName = (id: string) => {
      const c = this.rubric.categories.find((x) => x.id === id) as Category;
      return c.kind === 'base' ? `${c.name}\n（${c.cap}分）` : c.name;
    };
    this.rows.forEach((r, i) => {
      const prev = this.rows[i - 1];
      const next = this.rows[i + 1];
      const at = grid.length;
      rowOf.set(r, at);
      const g = blankRow();
      grid.push(g);
      if (!prev || prev.categoryId !== r.categoryId) {
        catTop = at;
        g[col.category] = categoryName(r.categoryId);
      }
      if (!prev || prev.itemId !== r.itemId) {
        itemTop = at;
        g[col.item] = this.text(this.item(r.itemId).name);
        g[col.points] = this.item(r.itemId).max;
        g[col.seq] = ++seq;
      }
      if (!r.ruleMergedAbove) {
        ruleTop = at;
        g[col.rule] = o.splitRule ? (r.ruleNumber ?? null) : r.rule;
        if (o.splitRule) g[col.ruleText] = r.rule;
      }
      g[col.score] = r.score;
      if (o.deductionHeader) g[col.deduction] = r.deduction ?? null;
      g[col.evidence] = r.evidence;
      g[col.reason] = r.reason;
      g[col.remark] = r.remark ?? null;
      if (r.scoreFormat) formats.set(toA1(at, col.score), r.scoreFormat);
      if (!next || next.categoryId !== r.categoryId) mergeDown(col.category, catTop, at);
      if (!next || next.itemId !== r.itemId) {
        mergeDown(col.item, itemTop, at);
        mergeDown(col.points, itemTop, at);
        mergeDown(col.seq, itemTop, at);
      }
      if (!next?.ruleMergedAbove) {
        mergeDown(col.rule, ruleTop, at);
        if (o.splitRule) mergeDown(col.ruleText, ruleTop, at);
      }
    });

    let totalRow: number | undefined;
    if ((o.total ?? 'formula') !== 'none') {
      totalRow = grid.length;
      const g = blankRow();
      g[col.category] = '合计';
      merges.push({ top: totalRow, left: col.category, bottom: totalRow, right: col.score - 1 });
      // A SUM formula shows the numbers in the score column, text skipped; a person adding up by hand
      // also counts a 2分 typed as text.
      const typed = o.total === 'typed';
      let sum = new D(0);
      for (const r of this.rows) {
        if (typeof r.score === 'number') sum = sum.plus(r.score);
        else if (typed && typeof r.score === 'string') {
          const m = /^(扣)?([\d.]+)分$/.exec(r.score.normalize('NFKC').replace(/\s|得/g, ''));
          if (m) sum = m[1] ? sum.minus(m[2]) : sum.plus(m[2]);
        } else if (typed && r.score === null && typeof r.deduction === 'number') {
          // Only the points lost written down: what is left of the clause (扣分项: the deduction itself).
          const penalty = this.rubric.categories.find((c) => c.id === r.categoryId)?.kind === 'penalty';
          const max = this.item(r.itemId).clauses.filter((c) => r.clauseIds.includes(c.id)).reduce((m, c) => m.plus(c.max), new D(0));
          sum = penalty ? sum.minus(r.deduction) : sum.plus(max.minus(r.deduction));
        }
      }
      g[col.score] = sum.toNumber();
      if ((o.total ?? 'formula') === 'formula') formulas.set(toA1(totalRow, col.score), `SUM(${toA1(headerRow + 1, col.score)}:${toA1(totalRow - 1, col.score)})`);
      grid.push(g);
    }
    grid.push(blankRow());
    grid.push(['填表人：王敏', null, null, '联系电话：62512345', ...blankRow().slice(4)]);
    grid.push(['审核人：李强', ...blankRow().slice(1)]);

    const sheet = new GridSheet(
      name,
      grid.map((row, r) =>
        row.map((value, c) => {
          const a1 = toA1(r, c);
          if (value === null && !formulas.has(a1)) return undefined;
          return { value, ...(formulas.has(a1) ? { formula: formulas.get(a1) } : {}), ...(formats.has(a1) ? { numberFormat: formats.get(a1) } : {}) };
        }),
      ),
      merges,
    );
    this.built = { sheet, rowOf, col, totalRow };
    return sheet;
  }

  private get last() {
    if (!this.built) throw new Error('build the sheet first');
    return this.built;
  }

  /** A1 of a field of the clause's first row (or of `row` itself) in the last build. */
  cell(clauseOrRow: string | StaffRow, field: Field | 'item' | 'category'): string {
    const b = this.last;
    const row = typeof clauseOrRow === 'string' ? this.row(clauseOrRow) : clauseOrRow;
    const r = b.rowOf.get(row) as number;
    const c = field === 'rule' && this.options.splitRule ? b.col.rule : b.col[field];
    return toA1(r, c);
  }

  totalCell(): string {
    const b = this.last;
    return toA1(b.totalRow as number, b.col.score);
  }
}
