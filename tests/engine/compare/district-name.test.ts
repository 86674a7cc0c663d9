import { districtName, nameFromFile } from '../../../src/engine/compare/district-name';
import { GridSheet } from '../../../src/engine/sheet/sheet-model';

const named = (rows: (string | null)[][], file = '自评表.xlsx') => districtName(GridSheet.fromValues('s', [...rows, ['评价内容', '自评得分']]), rows.length, file);

test('the sheet names the 街镇 first', () => {
  expect(named([['上海市长宁区华阳路街道2023年度社会救助绩效评价自评表']], '江苏路街道.xlsx')).toBe('华阳路街道');
  expect(named([['2023年社会救助绩效评价自评表'], ['填报单位：新泾镇']])).toBe('新泾镇');
});

test('the file name is the fallback', () => {
  expect(named([['2023年长宁区社会救助绩效评价指标和评价标准自评表']], '/data/十个街镇/天山路街道-2023-自评表.xlsx')).toBe('天山路街道');
  expect(nameFromFile('C:\\收件\\第3份.xlsx')).toBe('第3份');
  expect(nameFromFile('各街镇汇总.xlsx')).toBe('各街镇汇总');
});
