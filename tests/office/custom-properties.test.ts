/** The submission stamp through Office.js workbook.properties.custom, under the simulator. */
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { ExcelSim } from '../support/excel-sim';

test('writes every property in one sync and reads them back', async () => {
  const sim = new ExcelSim();
  sim.addSheet('自评表', [['评价内容', '自评得分']]);
  sim.customProperties.set('审核人', '张三');
  const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  const before = sim.syncCount;
  await host.writeCustomProperties([
    ['RubricCheck.Total', '95'],
    ['RubricCheck.Grade', '优秀'],
  ]);
  expect(sim.syncCount - before).toBe(1);
  expect(await host.readCustomProperties()).toEqual({ 审核人: '张三', 'RubricCheck.Total': '95', 'RubricCheck.Grade': '优秀' });
  await host.writeCustomProperties([['RubricCheck.Total', '94.5']]);
  expect(sim.customProperties.get('RubricCheck.Total')).toBe('94.5');
});
