/**
 * Random grids — strings, numbers, nulls, errors, booleans, header and rubric names, and merges that
 * may overlap, run off the sheet or be inverted — never make the locator or validator throw anything
 * but TableNotFoundError.
 */
import fc from 'fast-check';
import { loadBundled } from '../../rubric/bundled';
import { locateTable, TableNotFoundError } from '../../../src/engine/locate/locate-table';
import type { Rubric } from '../../../src/engine/rubric-types';
import { GridSheet, type Cell, type CellValue, type MergeRange } from '../../../src/engine/sheet/sheet-model';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { buildSheet } from './rubric-sheet';
import { StaffSheet } from './real-sheets/staff-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const words = (r: Rubric): string[] => [
  '指标体系', '评价内容', '分值', '评分细则', '自评得分', '得分', '复核得分', '佐证材料', '扣分说明', '合计', '小计', '总分',
  '一票否决', '是', '否', '不适用', '√', '加分项', '扣分项', '注：', '13812345678', '11010519491231002X',
  '扣分', '扣分值', '2分', '1.5 分', '扣2分', '-2分', '２分', '25分', '（5分）2、', '1、', '1',
  ...r.categories.map((c) => c.name),
  ...r.categories.flatMap((c) => c.items.map((i) => i.name)),
  ...r.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((cl) => cl.text.slice(0, 20)))),
];

const cellValue = (vocab: string[]): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom(...vocab) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 2, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.integer({ min: -10, max: 10 }) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom('#N/A', '#VALUE!', '#REF!').map((error) => ({ error })) },
  );

const merge = fc
  .record({ top: fc.integer({ min: -2, max: 30 }), left: fc.integer({ min: -2, max: 10 }), h: fc.integer({ min: -2, max: 40 }), w: fc.integer({ min: -1, max: 5 }) })
  .map(({ top, left, h, w }): MergeRange => ({ top, left, bottom: top + h, right: left + w }));

const expectOnlyTableNotFound = (f: () => unknown): void => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof TableNotFoundError)) throw e;
  }
};

test('random grids with a header somewhere in the first rows', () => {
  const vocab = words(rubric);
  const grid = fc.record({
    rows: fc.array(fc.array(cellValue(vocab), { maxLength: 10 }), { maxLength: 30 }),
    headerAt: fc.integer({ min: 0, max: 16 }),
    header: fc.shuffledSubarray(['指标体系', '评价内容', '分值', '评分细则', '自评得分', '佐证材料', '扣分说明', '复核得分', '备注'], { minLength: 1 }),
    merges: fc.array(merge, { maxLength: 12 }),
  });
  fc.assert(
    fc.property(grid, ({ rows, headerAt, header, merges }) => {
      const values: CellValue[][] = rows.map((r) => [...r]);
      if (headerAt < values.length) values[headerAt] = header;
      const sheet = GridSheet.fromValues('随机', values, merges);
      expectOnlyTableNotFound(() => locateTable(sheet, rubric));
      expectOnlyTableNotFound(() => {
        const result = validateSheet(sheet, rubric);
        for (const f of result.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      });
    }),
    { numRuns: 300 },
  );
});

test('a real sheet with random cells overwritten and random merges added', () => {
  const vocab = words(rubric);
  const plan = buildSheet(rubric, { subtotals: true });
  const height = plan.grid.length;
  const edits = fc.array(fc.record({ row: fc.nat(height - 1), col: fc.nat(6), value: cellValue(vocab) }), { maxLength: 25 });
  fc.assert(
    fc.property(edits, fc.array(merge, { maxLength: 6 }), (changes, extra) => {
      const values = plan.grid.map((r) => [...r]);
      for (const c of changes) values[c.row][c.col] = c.value;
      const sheet = GridSheet.fromValues('随机', values, [...plan.merges, ...extra]);
      expectOnlyTableNotFound(() => validateSheet(sheet, rubric, { locale: 'en' }));
    }),
    { numRuns: 200 },
  );
});

test('a staff sheet with a 扣分 column and a split rule column, random cells, formats and merges', () => {
  const vocab = words(rubric);
  const staff = new StaffSheet(rubric, { deductionHeader: '扣分', splitRule: true });
  const base = staff.sheet();
  const edits = fc.array(
    fc.record({ row: fc.nat(base.rowCount - 1), col: fc.nat(base.colCount - 1), value: cellValue(vocab), format: fc.constantFrom(undefined, '0%', '0.00%', 'General', '0.0"分"') }),
    { maxLength: 25 },
  );
  fc.assert(
    fc.property(edits, fc.array(merge, { maxLength: 6 }), (changes, extra) => {
      const rows: (Cell | undefined)[][] = Array.from({ length: base.rowCount }, (_, r) =>
        Array.from({ length: base.colCount }, (_, c) => {
          const cell = base.cell(r, c);
          return cell && { ...cell };
        }),
      );
      for (const ch of changes) rows[ch.row][ch.col] = { value: ch.value, ...(ch.format ? { numberFormat: ch.format } : {}) };
      const sheet = new GridSheet('随机', rows, [...base.merges, ...extra]);
      expectOnlyTableNotFound(() => {
        const result = validateSheet(sheet, rubric);
        expect(typeof result.provisional).toBe('boolean');
      });
    }),
    { numRuns: 200 },
  );
});

test('a real sheet with random rows and columns hidden, year-qualified headers and cells overwritten', () => {
  const vocab = [...words(rubric), '自评得分（2022年）', '2022年得分', '上年自评得分', '填报人：张敏', '联系电话：13917654321'];
  const plan = buildSheet(rubric, { subtotals: true });
  const height = plan.grid.length;
  const edits = fc.array(fc.record({ row: fc.nat(height - 1), col: fc.nat(8), value: cellValue(vocab) }), { maxLength: 20 });
  const hidden = fc.record({ rows: fc.array(fc.nat(height + 2), { maxLength: 30 }), cols: fc.array(fc.nat(9), { maxLength: 4 }) });
  fc.assert(
    fc.property(edits, hidden, (changes, h) => {
      const values = plan.grid.map((r) => [...r]);
      for (const c of changes) (values[c.row] ??= [])[c.col] = c.value;
      const sheet = GridSheet.fromValues('随机', values, [...plan.merges], { hiddenRows: new Set(h.rows), hiddenCols: new Set(h.cols) });
      expectOnlyTableNotFound(() => {
        const result = validateSheet(sheet, rubric);
        for (const f of result.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      });
    }),
    { numRuns: 200 },
  );
});
