/**
 * A self-assessment sheet the way 街镇 staff really send it, built on rubric-sheet's clean default:
 * a merged title, a 填报单位 line and twenty rows of 填表说明 above the header (more than any fixed
 * search depth), rule texts pasted from the PDF with line breaks mid-sentence, category cells with
 * “（25分）” on a second line, last year's score column 自评得分（2022年） kept hidden to the LEFT of this
 * year's (so "leftmost wins" would read it), a stale copy of clause 2.3.1 hidden above its current row
 * (with a different score, which would change the total if read), 序号 and 备注 columns, and the
 * 填报人 / 联系电话 lines under the table.
 *
 * Clean, it scores 95 (rubric-sheet's default) and the only findings are the ones a careful reader
 * would still want said: which score column and which 2.3.1 row were read (two LAYOUT_CHOICE
 * warnings) and the preparer's phone (an info).
 */
import type { Rubric } from '../../../src/engine/rubric-types';
import { GridSheet, toA1, type Cell, type CellValue } from '../../../src/engine/sheet/sheet-model';
import { buildSheet, type ColumnSpec, type SheetPlan } from './rubric-sheet';

export const LAST_YEAR_HEADER = '自评得分（2022年）';

export const STAFF_COLUMNS: ColumnSpec[] = [
  { header: '序号', fill: (r) => r },
  { header: '指标体系', role: 'category' },
  { header: '评价内容', role: 'item' },
  { header: '分值', role: 'points' },
  { header: '评分细则', role: 'rule' },
  // Values that would be errors everywhere if this column were read.
  { header: LAST_YEAR_HEADER, fill: () => 9 },
  { header: '自评得分', role: 'score' },
  { header: '佐证材料', role: 'evidence' },
  { header: '扣分说明', role: 'reason' },
  { header: '备注', fill: () => null },
];

/** Text copied out of a PDF: a hard line break every `width` characters, wherever it falls. */
export const pdfPasted = (text: string, width = 19): string => (text.match(new RegExp(`[^]{1,${width}}`, 'g')) ?? []).join('\n');

const INSTRUCTIONS = [
  '填表说明：',
  '1、本表由各街道（镇）对照《2023年长宁区社会救助绩效评价指标和评价标准》逐项自评，\n于规定时间前报区民政局社会救助科。',
  '2、“自评得分”栏请填写数字，不要填写“分”字；不适用的条款请填“不适用”。',
  '3、自评得分低于该条款满分的，须在“扣分说明”栏写明扣分原因及\n扣分依据。',
  '4、“佐证材料”栏请写明材料名称，材料另行装订成册。',
  '5、加分项须附区级以上表彰或推广文件。',
  '6、扣分项填负数，如 -2。',
  '7、一票否决项请填“是”或“否”。',
  '8、请勿改动表格结构，不要合并或拆分单元格。',
  '9、表内不得出现救助对象的身份证号码、\n手机号码等个人信息。',
  '10、如有疑问请与区民政局社会救助科联系。',
  '11、本表一式两份，一份报区民政局，一份街道（镇）留存。',
  '12、自评材料报送截止时间为2024年1月15日。',
  '13、逾期未报送的，按自评得分为零处理。',
  '14、报送时请同时提交电子版（Excel格式）。',
  '15、电子版文件名格式：街道名称-2023-自评表。',
  '16、本说明由区民政局负责解释。',
];

export interface StaffSheet {
  plan: SheetPlan;
  headerRow: number;
  /** The hidden stale copy of 2.3.1, above its current row. */
  staleRow: number;
  lastYearCol: number;
  remarkCol: number;
  /** The row with 填报人 and 联系电话, and the cell holding the phone number. */
  contactRow: number;
  contactCell: string;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** The sheet as a reader gives it: values, merges, hidden rows and columns. */
  sheet(name?: string): GridSheet;
}

export function buildStaffSheet(rubric: Rubric): StaffSheet {
  const plan = buildSheet(rubric, {
    columns: STAFF_COLUMNS,
    categoryLabel: (c) => `${c.name}\n（${c.cap}分）`,
    ruleLabel: (c) => pdfPasted(c.text),
  });
  const lastYearCol = plan.colOf(LAST_YEAR_HEADER);
  const remarkCol = plan.colOf('备注');
  const width = STAFF_COLUMNS.length;

  // Last year's row for 2.3.1, hidden rather than deleted, with last year's score and reason.
  const clause231 = rubric.categories[1].items.find((i) => i.id === '2.3')?.clauses[0];
  if (!clause231) throw new Error('rubric has no 2.3.1');
  const staleRow = plan.insertRow(plan.rowOf['2.3.1'], {
    item: '规范工作流程',
    rule: pdfPasted(clause231.text),
    score: 0.5,
    evidence: '审核确认档案',
    reason: '发现 3 例违反流程，扣 1.5 分',
  });
  plan.grid[staleRow][lastYearCol] = 0.5;

  // Title, 填报单位 and the instructions above the header.
  const above: CellValue[] = ['2023年长宁区社会救助绩效评价自评表', '填报单位：江苏路街道（盖章）          填报日期：2024年1月10日', null, ...INSTRUCTIONS, null];
  for (const [i, text] of above.entries()) {
    plan.insertRow(i, {});
    plan.grid[i][0] = text;
  }
  const shift = above.length;
  const headerRow = plan.headerRow + shift;
  plan.merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 }, { top: 1, left: 0, bottom: 1, right: width - 1 });
  for (let r = 3; r < 3 + INSTRUCTIONS.length; r++) plan.merges.push({ top: r, left: 0, bottom: r, right: width - 1 });

  // Under the table: the preparer's lines.
  const blank = (): CellValue[] => Array.from({ length: width }, () => null);
  plan.grid.push(blank());
  const contact = blank();
  contact[0] = '填报人：张敏';
  contact[4] = '联系电话：13917654321';
  plan.grid.push(contact);
  const contactRow = plan.grid.length - 1;
  const reviewer = blank();
  reviewer[0] = '审核人：李强';
  reviewer[4] = '单位负责人：王立新';
  plan.grid.push(reviewer);

  const hiddenRows = new Set([staleRow + shift]);
  const hiddenCols = new Set([lastYearCol]);
  return {
    plan,
    headerRow,
    staleRow: staleRow + shift,
    lastYearCol,
    remarkCol,
    contactRow,
    contactCell: toA1(contactRow, 4),
    hiddenRows,
    hiddenCols,
    sheet(name = '自评表') {
      const flat = plan.sheet(name);
      const rows: (Cell | undefined)[][] = Array.from({ length: flat.rowCount }, (_, r) =>
        Array.from({ length: flat.colCount }, (_, c) => flat.cell(r, c)),
      );
      return new GridSheet(name, rows, [...flat.merges], { hiddenRows: new Set(hiddenRows), hiddenCols: new Set(hiddenCols) });
    },
  };
}
