/** insertComparison under the simulated Excel: the summary sheets added under unique names, values in one range each, the ranking chart. */
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { compareFiles, comparisonInsert } from '../../src/taskpane/components/Compare/compare-files';
import { HostError } from '../../src/host/workbook-host';
import { districtPlan, workbookBytes } from '../cli/district-workbooks';
import { loadBundled } from '../rubric/bundled';
import { ExcelSim } from '../support/excel-sim';

jest.setTimeout(60_000);
const rubric = loadBundled();

async function twoDistricts() {
  const file = async (name: string, town: string, lower = false) => {
    const bytes = await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, { name: town, edit: lower ? (p) => p.set('2.3.1', 'score', 0) : undefined }) }]);
    return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  };
  return comparisonInsert(await compareFiles([await file('b.xlsx', '周家桥街道', true), await file('a.xlsx', '江苏路街道')], rubric), rubric.year);
}

it('adds 汇总 and 条款对比 (renamed where taken), writes each in one range and charts the ranking, in two syncs', async () => {
  const spec = await twoDistricts();
  const sim = new ExcelSim();
  sim.addSheet('自评表');
  sim.addSheet('汇总');
  const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  const names = await host.insertComparison(spec);
  expect(names).toEqual(['汇总 (2)', '条款对比']);
  expect(sim.syncCount).toBe(2);

  const summary = sim.find('汇总 (2)')!;
  expect(sim.activeSheetId).toBe(summary.id);
  expect(summary.cell('A1').value).toBe(spec.sheets[0].title);
  expect(summary.cell('B2').value).toBe('街镇');
  expect([summary.cell('B3').value, summary.cell('B4').value]).toEqual(['江苏路街道', '周家桥街道']);
  expect(summary.cell('A3').formula).toMatch(/^RANK\(G3,\$G\$3:\$G\$4\)$/);
  expect(summary.cell('G3').formula).toBe('IF(E3="",C3,E3)');
  expect(summary.charts).toEqual([{ type: 'BarClustered', source: 'G2:G4', seriesBy: 'Columns', xValues: 'B3:B4', title: '总分排名', position: expect.any(String) }]);

  const clauses = sim.find('条款对比')!;
  expect(clauses.cell('A2').value).toBe('条款');
  expect([clauses.cell('E2').value, clauses.cell('F2').value]).toEqual(['江苏路街道', '周家桥街道']);
  expect(clauses.charts).toEqual([]);
  // The user's sheets are left as they were.
  expect(sim.find('汇总')!.cells.size).toBe(0);
});

it('refuses, changing nothing, where Excel lacks the chart API', async () => {
  const spec = await twoDistricts();
  const sim = new ExcelSim();
  sim.addSheet('自评表');
  sim.apiMinor = 6;
  const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  await expect(host.insertComparison(spec)).rejects.toBeInstanceOf(HostError);
  expect(sim.sheets.map((s) => s.name)).toEqual(['自评表']);
});
