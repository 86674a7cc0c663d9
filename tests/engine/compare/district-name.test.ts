import { nameFromFile, nameFromSheet } from '../../../src/engine/compare/district-name';
import { GridSheet } from '../../../src/engine/sheet/sheet-model';

const sheetWith = (rows: (string | null)[][], headerRow = rows.length) => nameFromSheet(GridSheet.fromValues('s', [...rows, ['评价内容', '自评得分']]), headerRow);

test.each([
  [[['江苏路街道2023年社会救助绩效评价自评表']], '江苏路街道'],
  [[['上海市长宁区华阳路街道2023年度社会救助绩效评价自评表']], '华阳路街道'],
  [[['2023年长宁区社会救助绩效评价指标和评价标准自评表'], [null, '填报单位：新泾镇']], '新泾镇'],
  [[['2023年社会救助绩效评价自评表（仙霞新村街道）']], '仙霞新村街道'],
  [[['填报单位: 长宁区虹桥街道办事处']], '虹桥街道'],
  [[['长宁区社会救助绩效评价北新泾街道自评表']], '北新泾街道'],
])('%p names %s', (rows, name) => {
  expect(sheetWith(rows)).toBe(name);
});

test('a title naming no 街镇 (or only 各街镇) names none', () => {
  expect(sheetWith([['2023年长宁区社会救助绩效评价指标和评价标准自评表'], ['各街镇认真填写']])).toBeUndefined();
});

test('the file name is the fallback', () => {
  expect(nameFromFile('/data/十个街镇/天山路街道-2023-自评表.xlsx')).toBe('天山路街道');
  expect(nameFromFile('C:\\收件\\第3份.xlsx')).toBe('第3份');
});
