/**
 * The locator on staff layouts: every clause must land on the row that holds it — found by item name
 * and clause number or text, so moving rows around moves the mapping with them.
 */
import { loadBundled } from '../../rubric/bundled';
import { locateTable, TableNotFoundError, type LocatedTable } from '../../../src/engine/locate/locate-table';
import type { Rubric } from '../../../src/engine/rubric-types';
import { GridSheet, type CellValue } from '../../../src/engine/sheet/sheet-model';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { buildSheet, REORDERED_COLUMNS, STANDARD_COLUMNS, type SheetPlan } from '../validate/rubric-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const clauseRows = (table: LocatedTable): Record<string, number> =>
  Object.fromEntries(table.rows.flatMap((r) => r.clauseIds.map((id) => [id, r.row])));
const allClauseIds = () => rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((cl) => cl.id)));

/** Every clause located at the row the plan put it on, and nothing unknown. */
function expectExactMapping(plan: SheetPlan, table: LocatedTable): void {
  expect(clauseRows(table)).toEqual(plan.rowOf);
  expect(Object.keys(plan.rowOf).sort()).toEqual(allClauseIds().sort());
  expect(table.unknownRows).toEqual([]);
  expect(table.duplicateRows).toEqual([]);
}

describe('one row per clause', () => {
  test('maps every clause to its own row, with sections', () => {
    const plan = buildSheet(rubric, { subtotals: true });
    const table = locateTable(plan.sheet(), rubric);
    expectExactMapping(plan, table);
    expect(table.headerRow).toBe(0);
    expect(table.columns).toEqual({ category: 0, item: 1, points: 2, rule: 3, score: 4, evidence: 5, reason: 6 });
    const section = (id: string) => table.rows.find((r) => r.clauseIds.includes(id))?.section;
    expect([section('1.1.1'), section('6.1.2'), section('7.1.1'), section('7.1.3')]).toEqual(['base', 'bonus', 'penalty', 'veto']);
    expect(table.rows.find((r) => r.clauseIds.includes('3.6.4'))?.itemId).toBe('3.6');
  });

  test('finds the grand total and every category subtotal', () => {
    const plan = buildSheet(rubric, { subtotals: true });
    const table = locateTable(plan.sheet(), rubric);
    expect(table.totalRows).toEqual([
      ...rubric.categories.map((c) => ({ row: plan.subtotalRow[c.id], kind: 'subtotal', categoryId: c.id })),
      { row: plan.totalRow, kind: 'total' },
    ]);
  });

  test('rows moved out of rubric order keep their clauses (by number, never by position)', () => {
    const plan = buildSheet(rubric, { merge: false });
    // Swap clause rows 2.8.2 and 2.8.4, and the whole blocks of items 1.1 and 1.5 (two rows each).
    const swap = (a: number, b: number) => ([plan.grid[a], plan.grid[b]] = [plan.grid[b], plan.grid[a]]);
    swap(plan.rowOf['2.8.2'], plan.rowOf['2.8.4']);
    swap(plan.rowOf['1.1.1'], plan.rowOf['1.5.1']);
    swap(plan.rowOf['1.1.2'], plan.rowOf['1.5.2']);
    const table = locateTable(plan.sheet(), rubric);
    const at = clauseRows(table);
    expect(at['2.8.2']).toBe(plan.rowOf['2.8.4']);
    expect(at['2.8.4']).toBe(plan.rowOf['2.8.2']);
    expect(at['1.1.1']).toBe(plan.rowOf['1.5.1']);
    expect(at['1.5.2']).toBe(plan.rowOf['1.1.2']);
    expect(table.unknownRows).toEqual([]);
  });

  test('clause numbers written 1. / （1） / ① / 第1条 / full-width, or no number at all', () => {
    const styles = [
      (n: number) => `${n}.`,
      (n: number) => `（${n}）`,
      (n: number) => String.fromCharCode(0x245f + n),
      (n: number) => `第${n}条 `,
      (n: number) => `${String.fromCharCode(0xff10 + n)}．`,
      () => '',
    ];
    let i = 0;
    const plan = buildSheet(rubric, {
      ruleLabel: (c) => styles[i++ % styles.length](c.number) + c.text.replace(/^\d+、/, ''),
    });
    expectExactMapping(plan, locateTable(plan.sheet(), rubric));
  });

  test('item and category names as staff type them', () => {
    const variants: Record<string, string> = {
      '1.1': '深化 "政策找人" 工作情况\n（7分）',
      '1.3': '社会救助 综合治理 工作情况',
      '3.1': '最低生活保障（含重残无业人员）',
      '3.6': '核对机制', // an alias
      '4.4': '住房救助(廉租住房)',
      '1.2': '‘社区救助顾问’标准化建设情况',
    };
    const plan = buildSheet(rubric, {
      itemLabel: (item) => variants[item.id] ?? item.name,
      categoryLabel: (c) => `${'一二三四五六七'[Number(c.id) - 1]}、${c.name}\n（${c.cap}分）`,
    });
    expectExactMapping(plan, locateTable(plan.sheet(), rubric));
  });

  test('blank rows between items and a repeated header at a page break change nothing', () => {
    const plan = buildSheet(rubric);
    plan.insertRow(plan.rowOf['2.1.1'], {});
    plan.insertRow(plan.rowOf['3.1.1'], {});
    const at = plan.insertRow(plan.rowOf['4.1.1'], {});
    STANDARD_COLUMNS.forEach((c, i) => (plan.grid[at][i] = c.header));
    expectExactMapping(plan, locateTable(plan.sheet(), rubric));
  });

  test('notes under the total are not unknown rows', () => {
    const plan = buildSheet(rubric);
    plan.grid.push(['填表人：张三', null, null, '审核人：李四'], ['注：本表一式两份'], [null, '街道盖章']);
    expect(locateTable(plan.sheet(), rubric).unknownRows).toEqual([]);
  });

  test('a score cell merged down an item scores all its clauses in one row', () => {
    const plan = buildSheet(rubric);
    const top = plan.rowOf['2.8.1'];
    const bottom = plan.rowOf['2.8.5'];
    const scoreCol = plan.col.score as number;
    plan.grid[top][scoreCol] = 5;
    for (let r = top + 1; r <= bottom; r++) plan.grid[r][scoreCol] = null;
    plan.merges.push({ top, left: scoreCol, bottom, right: scoreCol });
    const sheet = plan.sheet();
    const table = locateTable(sheet, rubric);
    expect(table.rows.find((r) => r.row === top)?.clauseIds).toEqual(['2.8.1', '2.8.2', '2.8.3', '2.8.4', '2.8.5']);
    expect(table.rows.some((r) => r.row > top && r.row <= bottom)).toBe(false);
    expect(validateSheet(sheet, rubric).findings).toEqual([]);
  });
});

describe('items collapsed into one row', () => {
  test('maps each item row to all of its clauses; 一票否决 keeps its own row', () => {
    const plan = buildSheet(rubric, { layout: 'one-row-items' });
    const table = locateTable(plan.sheet(), rubric);
    expectExactMapping(plan, table);
    const row = table.rows.find((r) => r.row === plan.itemRow['2.8']);
    expect(row?.clauseIds).toEqual(['2.8.1', '2.8.2', '2.8.3', '2.8.4', '2.8.5']);
    expect(table.rows.find((r) => r.clauseIds.includes('7.1.3'))?.clauseIds).toEqual(['7.1.3']);
  });

  test('an item row without any 评分细则 text is the whole item', () => {
    const plan = buildSheet(rubric, { layout: 'one-row-items' });
    for (const id of ['2.8.1', '3.6.1']) plan.set(id, 'rule', null);
    expectExactMapping(plan, locateTable(plan.sheet(), rubric));
  });

  test('an item heading row above its clause rows is not taken for the whole item', () => {
    const plan = buildSheet(rubric, { merge: false });
    const heading = plan.rowOf['2.8.1'];
    plan.insertRow(heading, { item: '资金发放与监督', points: 5 });
    plan.grid[heading + 1][plan.col.item as number] = null;
    const table = locateTable(plan.sheet(), rubric);
    expectExactMapping(plan, table);
    expect(table.itemRows['2.8']).toBe(heading);
  });
});

describe('reordered and renamed columns under title rows', () => {
  test('finds the header on row 4 and the columns by name, whatever their order', () => {
    const plan = buildSheet(rubric, {
      titleRows: 3,
      columns: REORDERED_COLUMNS,
    });
    const table = locateTable(plan.sheet(), rubric);
    expect(table.headerRow).toBe(3);
    expect(table.columns).toEqual({ item: 1, category: 2, rule: 3, points: 4, score: 5, evidence: 6, reason: 7 });
    expectExactMapping(plan, table);
  });

  test.each([
    [['复核得分', '自评得分'], 2],
    [['复核得分', '得分'], 2],
    [['自评得分', '复核得分'], 1],
    [['区级评审得分', '自评分（分）'], 2],
    [['得分说明', '得分'], 2],
  ])('with 评价内容 then %p the score column is index %p', (headers, expected) => {
    const sheet = GridSheet.fromValues('s', [['评价内容', ...headers], ['组织保障', 1, 1]]);
    expect(locateTable(sheet, rubric).columns.score).toBe(expected);
  });

  test.each([
    ['佐证资料', '情况说明'],
    ['证明材料', '扣分理由'],
    ['佐证材料（附件）', '扣分说明'],
  ])('evidence %s and reason %s are recognised', (evidence, reason) => {
    const sheet = GridSheet.fromValues('s', [['评价内容', '自评得分', evidence, reason]]);
    expect(locateTable(sheet, rubric).columns).toEqual({ item: 0, score: 1, evidence: 2, reason: 3 });
  });

  test('a two-row header with merged cells', () => {
    const top: CellValue[] = ['指标体系', '评价内容', '分值', '评分细则', '自评情况', null, null];
    const sub: CellValue[] = [null, null, null, null, '得分', '佐证材料', '扣分说明'];
    const sheet = GridSheet.fromValues(
      's',
      [['2023年度社会救助绩效自评得分表'], top, sub, ['工作保障与管理', '组织保障', 2, '1、成立领导小组（1分）', 1, '文件']],
      [
        ...[0, 1, 2, 3].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
        { top: 1, left: 4, bottom: 1, right: 6 },
      ],
    );
    const table = locateTable(sheet, rubric);
    expect(table.headerRow).toBe(2);
    expect(table.columns).toEqual({ category: 0, item: 1, points: 2, rule: 3, score: 4, evidence: 5, reason: 6 });
    expect(table.rows).toEqual([{ row: 3, section: 'base', clauseIds: ['2.1.1'], itemId: '2.1' }]);
  });

  test('a header under 40 rows of instructions is found; a sheet without one says what it searched and the nearest miss', () => {
    const at = (row: number, scoreHeader = '自评得分') => {
      const values: CellValue[][] = Array.from({ length: row }, (_, i) => [`${i + 1}、填表说明第 ${i + 1} 条，请按评分细则逐项填写。`]);
      values.push(['评价内容', '评分细则', scoreHeader], ['组织保障', '1、建立统筹机制（1分）', 1]);
      return GridSheet.fromValues('江苏路', values);
    };
    expect(locateTable(at(40), rubric).headerRow).toBe(40);
    let error: unknown;
    try {
      locateTable(at(40, '得到的'), rubric);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TableNotFoundError);
    const e = error as TableNotFoundError;
    expect(e.message).toContain('江苏路');
    expect(e.message).toContain('全部 42 行');
    expect(e.message).toContain('评价内容');
    expect(e.message).toContain('自评得分');
    expect(e.message).toContain('最接近表头的是第 41 行：有评价内容、评分细则列，但缺少自评得分列');
    expect(e.localized('en')).toContain('none of its 42 rows');
    expect(e.localized('en')).toContain('The nearest is row 41: it has 评价内容 (item), 评分细则 (rule) but no 自评得分 (score) column.');
  });

  test('a header repeated at a page break does not replace the first one', () => {
    const plan = buildSheet(rubric, { subtotals: true });
    const header = [...plan.grid[plan.headerRow]];
    plan.insertRow(plan.rowOf['3.1.1'], {});
    plan.grid[plan.rowOf['3.1.1'] - 1] = header;
    const table = locateTable(plan.sheet(), rubric);
    expect(table.headerRow).toBe(0);
    expect(clauseRows(table)).toEqual(plan.rowOf);
  });

  test('a title mentioning 自评得分 is not a header', () => {
    const sheet = GridSheet.fromValues('s', [['长宁区社会救助绩效评价街镇自评得分汇总表（评价内容）'], ['x']]);
    expect(() => locateTable(sheet, rubric)).toThrow(TableNotFoundError);
  });

  test('an empty sheet has no table', () => {
    expect(() => locateTable(GridSheet.fromValues('空', []), rubric)).toThrow(TableNotFoundError);
  });
});

describe('bonus, penalty and veto rows', () => {
  test('一票否决 as its own category row or as clause 3 of 安全管理', () => {
    for (const veto of ['own-category', 'in-penalty'] as const) {
      const plan = buildSheet(rubric, { veto });
      expectExactMapping(plan, locateTable(plan.sheet(), rubric));
    }
  });

  test('一票否决 labelled in the item column with a paraphrased text', () => {
    const plan = buildSheet(rubric);
    const row = plan.rowOf['7.1.3'];
    plan.grid[row][plan.col.category as number] = null;
    plan.grid[row][plan.col.item as number] = '一票否决';
    plan.grid[row][plan.col.rule as number] = '是否发生刑事违法案件或严重冲击社会道德底线事件';
    expectExactMapping(plan, locateTable(plan.sheet(), rubric));
  });

  test('total rows spelled 总分（100分） or 合 计 are totals, not unknown rows', () => {
    const plan = buildSheet(rubric);
    plan.grid[plan.totalRow as number][plan.col.item as number] = '总分（100分）';
    const extra = plan.grid.length;
    plan.grid.push(['合 计', null, null, null, 95]);
    const table = locateTable(plan.sheet(), rubric);
    expect(table.totalRows).toEqual([
      { row: plan.totalRow, kind: 'total' },
      { row: extra, kind: 'total' },
    ]);
    expect(table.unknownRows).toEqual([]);
  });
});
