/**
 * The familiar self-assessment worksheet (自评表) for a rubric, as a TemplateSpec every adapter draws:
 * title, 街镇 field, header, category and item cells merged down their clauses' rows, one row per clause,
 * 加分项 / 扣分项 / 一票否决 rows and a 合计 row whose formula applies the same caps as scoring.ts.
 */
import { t, type Locale } from '../messages';
import type { Category, Clause, Rubric } from '../rubric-types';
import { columnLetters } from '../sheet/sheet-model';
import { inputCell, scoreFormula } from './clause-formula';
import type { ColumnKey, TemplateCell, TemplateColumn, TemplateSpec, TemplateValidation } from './template-spec';

/** Column order and widths (Excel character units; a CJK character takes about two). */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'category', header: '指标体系', width: 14 },
  { key: 'item', header: '评价内容', width: 18 },
  { key: 'points', header: '分值', width: 7 },
  { key: 'rule', header: '评分细则', width: 62 },
  { key: 'score', header: '自评得分', width: 10 },
  { key: 'evidence', header: '佐证材料', width: 28 },
  { key: 'reason', header: '扣分说明', width: 28 },
];

/** The 计分依据 column added with `formulas: true`: what a computing clause's score formula reads. */
const INPUT_COLUMN: TemplateColumn = { key: 'input', header: '计分依据', width: 16 };

export interface TemplateOptions {
  /**
   * Score cells compute with RUBRIC.SCORE_CLAUSE from a 计分依据 column where the clause's rule takes
   * one input. Only where the add-in is loaded: elsewhere Excel shows #NAME? in those cells.
   */
  formulas?: boolean;
}

const TITLE_ROW = 1;
const FIELD_ROW = 2;
const HEADER_ROW = 3;
const HEADER_FILL = '#D9E1F2';
const SECTION_FILL = '#F2F2F2';
/** Default row height in points, and how many CJK characters fit on one line of the 评分细则 column. */
const LINE_HEIGHT = 15;

const col = (key: ColumnKey): string => columnLetters(TEMPLATE_COLUMNS.findIndex((c) => c.key === key));

/** "（25分）", "（－5分）": the source's own way of writing a category's points under its name. */
function categoryLabel(category: Category): string {
  const points = category.kind === 'penalty' ? `－${category.cap}` : String(category.cap);
  return `${category.name}\n（${points}分）`;
}

/** Lines a text needs in a column `width` characters wide (CJK counted double), for the row height. */
function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    const units = [...line].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
    return n + Math.max(1, Math.ceil(units / (width - 2)));
  }, 0);
}

export function buildTemplateSpec(rubric: Rubric, locale: Locale = 'zh-CN', options: TemplateOptions = {}): TemplateSpec {
  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  const validations: TemplateValidation[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const columns: TemplateColumn[] = options.formulas
    ? [...TEMPLATE_COLUMNS, { ...INPUT_COLUMN, header: t('template.input.header', {}, locale) }]
    : [...TEMPLATE_COLUMNS];
  const last = columnLetters(columns.length - 1);
  const cInput = columnLetters(TEMPLATE_COLUMNS.length);
  const [cCat, cItem, cPts, cRule, cScore, cEvid, cReason] = (
    ['category', 'item', 'points', 'rule', 'score', 'evidence', 'reason'] as const
  ).map(col);
  const ruleWidth = TEMPLATE_COLUMNS.find((c) => c.key === 'rule')!.width;

  const title = `${rubric.title}自评表`;
  cells.push({ address: `A${TITLE_ROW}`, value: title, bold: true, align: 'center' });
  merges.push(`A${TITLE_ROW}:${last}${TITLE_ROW}`);
  rowHeights.push({ row: TITLE_ROW, height: 30 });
  cells.push({ address: `A${FIELD_ROW}`, value: '街镇：', bold: true, align: 'right' });
  merges.push(`${cItem}${FIELD_ROW}:${cPts}${FIELD_ROW}`);
  cells.push({ address: `${cItem}${FIELD_ROW}`, value: '', align: 'left', bottomBorder: true });
  cells.push({ address: `${cScore}${FIELD_ROW}`, value: '填报日期：', bold: true, align: 'right' });
  merges.push(`${cEvid}${FIELD_ROW}:${cReason}${FIELD_ROW}`);
  cells.push({ address: `${cEvid}${FIELD_ROW}`, value: '', align: 'left', bottomBorder: true });
  columns.forEach((c, i) =>
    cells.push({ address: `${columnLetters(i)}${HEADER_ROW}`, value: c.header, bold: true, align: 'center', fill: HEADER_FILL, wrap: true }),
  );

  let row = HEADER_ROW + 1;
  const totalTerms: string[] = [];
  for (const category of rubric.categories) {
    const catTop = row;
    const scoredRows: number[] = [];
    for (const item of category.items) {
      const itemTop = row;
      for (const clause of item.clauses) {
        const lines = linesFor(clause.text, ruleWidth);
        if (lines > 1) rowHeights.push({ row, height: lines * LINE_HEIGHT });
        cells.push({ address: `${cRule}${row}`, value: clause.text, wrap: true, align: 'left' });
        const input = options.formulas ? inputCell(clause.rule, `${cInput}${row}`, locale) : undefined;
        if (input) {
          // A computed score needs no validation of its own: its input cell carries the hint instead.
          cells.push({ ...scoreCell(clause, `${cScore}${row}`), formula: scoreFormula(clause.id, input.cell.address) }, input.cell);
          validations.push(input.validation);
        } else {
          cells.push(scoreCell(clause, `${cScore}${row}`));
          validations.push(scoreValidation(clause, category, rubric, `${cScore}${row}`, locale));
          if (options.formulas) cells.push({ address: `${cInput}${row}`, align: 'center' });
        }
        cells.push({ address: `${cEvid}${row}`, wrap: true, align: 'left' });
        cells.push({ address: `${cReason}${row}`, wrap: true, align: 'left' });
        if (clause.rule.kind !== 'veto') scoredRows.push(row);
        row++;
      }
      const itemBottom = row - 1;
      cells.push({ address: `${cItem}${itemTop}`, value: item.name, wrap: true, align: 'center' });
      cells.push({
        address: `${cPts}${itemTop}`,
        value: category.kind === 'penalty' ? -item.max : item.max,
        align: 'center',
      });
      if (itemBottom > itemTop) merges.push(`${cItem}${itemTop}:${cItem}${itemBottom}`, `${cPts}${itemTop}:${cPts}${itemBottom}`);
    }
    const catBottom = row - 1;
    const fill = category.kind === 'base' ? undefined : SECTION_FILL;
    cells.push({ address: `${cCat}${catTop}`, value: categoryLabel(category), wrap: true, bold: true, align: 'center', fill });
    if (catBottom > catTop) merges.push(`${cCat}${catTop}:${cCat}${catBottom}`);
    if (scoredRows.length > 0) totalTerms.push(capTerm(category, `${cScore}${Math.min(...scoredRows)}:${cScore}${Math.max(...scoredRows)}`));
  }

  const totalRow = row;
  cells.push({ address: `${cCat}${totalRow}`, value: '合计', bold: true, align: 'center' });
  merges.push(`${cCat}${totalRow}:${cRule}${totalRow}`);
  cells.push({ address: `${cScore}${totalRow}`, formula: totalTerms.join('+'), bold: true, align: 'center', numberFormat: '0.00' });
  merges.push(`${cEvid}${totalRow}:${last}${totalRow}`);
  cells.push({ address: `${cEvid}${totalRow}`, value: t('template.total.note', { total: rubric.total, bonus: sectionCap(rubric, 'bonus'), penalty: sectionCap(rubric, 'penalty') }, locale), wrap: true, align: 'left' });

  return {
    sheetName: '自评表',
    title,
    columns: columns.map((c) => ({ ...c })),
    headerRow: HEADER_ROW,
    cells,
    merges,
    validations,
    freezeRows: HEADER_ROW,
    printArea: `A1:${last}${totalRow}`,
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    borderRange: `A${HEADER_ROW}:${last}${totalRow}`,
    rowHeights,
    totalCell: `${cScore}${totalRow}`,
  };
}

const sectionCap = (rubric: Rubric, kind: 'bonus' | 'penalty'): number =>
  rubric.categories.filter((c) => c.kind === kind).reduce((sum, c) => sum + c.cap, 0);

/** Base and bonus sections count at most their cap; the penalty section takes off at most its cap. */
function capTerm(category: Category, range: string): string {
  return category.kind === 'penalty' ? `MAX(-${category.cap},SUM(${range}))` : `MIN(${category.cap},SUM(${range}))`;
}

function scoreCell(clause: Clause, address: string): TemplateCell {
  return { address, align: 'center', clauseId: clause.id, numberFormat: clause.rule.kind === 'veto' ? '@' : 'General' };
}

function scoreValidation(clause: Clause, category: Category, rubric: Rubric, range: string, locale: Locale): TemplateValidation {
  if (clause.rule.kind === 'veto') {
    return { range, min: 0, max: 0, list: ['否', '是'], error: t('template.veto.error', {}, locale), prompt: t('template.veto.prompt', {}, locale) };
  }
  if (category.kind === 'penalty') {
    return {
      range,
      min: -clause.max,
      max: 0,
      error: t('template.penalty.error', { min: -clause.max }, locale),
      prompt: t('template.penalty.prompt', { max: clause.max }, locale),
    };
  }
  const prompt =
    category.kind === 'bonus'
      ? t('template.bonus.prompt', { cap: category.cap }, locale)
      : t('template.score.prompt', { max: clause.max }, locale);
  return { range, min: 0, max: clause.max, error: t('template.score.error', { max: clause.max, step: rubric.resolution }, locale), prompt };
}
