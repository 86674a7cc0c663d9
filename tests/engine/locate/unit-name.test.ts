import { findUnitName } from '../../../src/engine/locate/unit-name';
import { GridSheet, type CellValue, type MergeRange } from '../../../src/engine/sheet/sheet-model';

/** Rows above a header at row 3 (0-based 2), as staff lay them out. */
const sheet = (rows: CellValue[][], merges: MergeRange[] = []) =>
  new GridSheet('自评表', [...rows, ['序号', '评价内容', '自评得分']].map((r) => r.map((value) => ({ value }))), merges);
const unit = (rows: CellValue[][], merges?: MergeRange[]) => findUnitName(sheet(rows, merges), rows.length);

describe('the 街镇 a sheet names above its table', () => {
  test('a 街镇： label with the name in the next cell (the template)', () => {
    expect(unit([['2023年长宁区社会救助绩效评价自评表'], ['街镇：', '新华路街道', null, '填报日期：', '2024年1月10日']])).toBe('新华路街道');
  });

  test('the label merged across cells repeats itself; the name after it still counts', () => {
    const merges = [{ top: 1, left: 0, bottom: 1, right: 1 }];
    expect(unit([['自评表'], ['街镇：', null, '天山路街道']], merges)).toBe('天山路街道');
  });

  test('填报单位 with the district and the office around the name', () => {
    expect(unit([['自评表'], ['填报单位：长宁区江苏路街道社区服务办公室（盖章）', null, '填报日期：2024年1月12日']])).toBe('江苏路街道');
  });

  test('a town (镇) as well as a 街道', () => {
    expect(unit([['自评表'], ['单位：新泾镇']])).toBe('新泾镇');
  });

  test('a blank field followed by the date field is no name; the title then says it', () => {
    expect(unit([['仙霞新村街道2023年度社会救助绩效评价自评表'], ['街镇：', null, '填报日期：', '2024年1月10日']])).toBe('仙霞新村街道');
  });

  test('the field wins over the title', () => {
    expect(unit([['华阳路街道2023年度自评表'], ['街镇：周家桥街道']])).toBe('周家桥街道');
  });

  test('「各街镇」 in a title is not a name; a sheet that does not say gives null', () => {
    expect(unit([['2023年长宁区各街镇社会救助绩效评价自评表'], ['街镇：', null]])).toBeNull();
    expect(unit([['2023年长宁区社会救助绩效评价指标和评价标准自评表']])).toBeNull();
  });

  test('a name not ending in 街道/镇 is kept as the sheet wrote it, without the （盖章）', () => {
    expect(unit([['自评表'], ['填报单位：程家桥社区（盖章）']])).toBe('程家桥社区');
  });

  test('rows below the header are never read', () => {
    const s = new GridSheet('s', [[{ value: '自评表' }], [{ value: '序号' }], [{ value: '街镇：北新泾街道' }]]);
    expect(findUnitName(s, 1)).toBeNull();
  });
});
