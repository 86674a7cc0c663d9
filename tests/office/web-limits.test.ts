/**
 * Excel on the web's limits (issue 13, point 3), modelled by the simulator as Excel enforces them:
 * 5 MB of payload per request, 5,000,000 cells per read, 512 merged areas per getMergedAreas. One read
 * of a large sheet's whole used range fails there; the adapter reads in row blocks and gets the same
 * sheet, in more syncs. Fills are read only for the cells that are marked.
 */
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { validateWorkbook } from '../../src/office/validate-workbook';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { toA1 } from '../../src/engine/sheet/sheet-model';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { ExcelSim, SIM_LIMITS, type SimSheet } from '../support/excel-sim';

const rubric = loadBundled();
/** PDF-pasted text: long, with line breaks, as the 评分细则 column holds it. */
const TEXT = '1、按照《上海市社会救助条例》要求，建立健全主动发现机制，\n街镇每季度开展一次排查，发现一例未及时纳入救助的扣0.5分。'.repeat(3);

/** The rubric's sheet, then 5,000 rows of long text below it (an appendix pasted from a PDF), 12 columns wide. */
function largeSheet(sim: ExcelSim): SimSheet {
  const sheet = sim.addModelSheet(buildSheet(rubric).sheet('自评表'));
  for (let r = 100; r < 5100; r++) for (let c = 0; c < 12; c++) sheet.cell(toA1(r, c)).value = `${TEXT}${r}`;
  return sheet;
}

const host = (sim: ExcelSim) => new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });

test('one read of the whole used range of a 5,000-row sheet exceeds the 5 MB payload, as in Excel on the web', async () => {
  const sim = new ExcelSim();
  largeSheet(sim);
  const oneRead = sim.run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    const grid = ws.getRange('A1').getBoundingRect(ws.getUsedRange(true));
    grid.load('values,formulas,valueTypes,numberFormat');
    await context.sync();
  });
  await expect(oneRead).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
});

test('a 5,000-row sheet validates in more syncs, every one under the limits, with the findings of the sheet itself', async () => {
  const sim = new ExcelSim();
  largeSheet(sim);
  const model = await host(sim).readActiveSheet();
  expect(model.rowCount).toBe(5100);
  expect(sim.syncCount).toBeGreaterThan(3);
  expect(sim.largestPayload).toBeLessThanOrEqual(SIM_LIMITS.payloadBytes);

  // The same sheet read in one go where no limit applies: the block reading changed nothing.
  const unlimited = new ExcelSim();
  largeSheet(unlimited);
  const saved = { ...SIM_LIMITS };
  SIM_LIMITS.payloadBytes = Number.MAX_SAFE_INTEGER;
  let whole;
  try {
    whole = await host(unlimited).readActiveSheet();
  } finally {
    Object.assign(SIM_LIMITS, saved);
  }
  expect(model.rowCount).toBe(whole.rowCount);
  expect(model.colCount).toBe(whole.colCount);
  for (const r of [0, 1, 50, 99, 100, 2500, 5099]) for (let c = 0; c < 12; c++) expect(model.cell(r, c)).toEqual(whole.cell(r, c));
  expect(model.merges).toEqual(whole.merges);

  const expected = validateSheet(model, rubric).findings;
  sim.syncCount = 0;
  const result = await validateWorkbook(host(sim), rubric);
  expect(result.findings).toEqual(expected);
}, 120_000);

test('600 merged areas: getMergedAreas over the whole range fails as in Excel; the adapter reads them in row blocks, all of them', async () => {
  const sim = new ExcelSim();
  const sheet = sim.addModelSheet(buildSheet(rubric).sheet('自评表'));
  for (let i = 0; i < 600; i++) {
    const r = 120 + i * 2;
    sheet.cell(toA1(r, 0)).value = `附件${i}`;
    sheet.merges.push(`A${r + 1}:A${r + 2}`);
  }
  const tooMany = sim.run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    const merged = ws.getRange('A1').getBoundingRect(ws.getUsedRange(true)).getMergedAreasOrNullObject();
    merged.load('address');
    await context.sync();
  });
  await expect(tooMany).rejects.toThrow(/512/);
  const model = await host(sim).readActiveSheet();
  expect(model.merges).toHaveLength(sheet.merges.length);
  expect(model.merges).toContainEqual({ top: 1318, left: 0, bottom: 1319, right: 0 });
});

test('fills are read for the cells that are marked and no others', async () => {
  const sim = new ExcelSim();
  const plan = buildSheet(rubric);
  const clause = rubric.categories[0].items[0].clauses[0];
  plan.set(clause.id, 'score', clause.max + 1);
  sim.addModelSheet(plan.sheet('自评表'));
  const result = await validateWorkbook(host(sim), rubric);
  const marked = new Set(result.findings.filter((f) => /^[A-Z]+\d+$/.test(f.cell)).map((f) => f.cell));
  expect(marked.size).toBeGreaterThan(0);
  expect(sim.cellPropertiesRead).toBe(marked.size);
});
