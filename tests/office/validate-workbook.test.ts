import { validateWorkbook } from '../../src/office/validate-workbook';
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { HostError } from '../../src/host/workbook-host';
import { SEVERITY_FILL, worstSeverity } from '../../src/office/marks';
import type { Finding } from '../../src/engine/validate/finding';
import { loadBundled } from '../rubric/bundled';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { ExcelSim, SIM_NO_FILL } from '../support/excel-sim';
import { FakeWorkbookHost } from '../support/fake-host';

const rubric = loadBundled();

/** The bundled rubric's sheet with two planted defects: a score above its max and a missing evidence. */
function dirtySheet() {
  const plan = buildSheet(rubric);
  const deduct = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses)).find((c) => c.rule.kind === 'discretionary' && c.evidence.length > 0)!;
  plan.set(deduct.id, 'score', deduct.max + 1);
  const other = rubric.categories[1].items[0].clauses[0];
  plan.set(other.id, 'evidence', null);
  return { plan, above: plan.cell(deduct.id, 'score'), noEvidence: plan.cell(other.id, 'evidence') };
}

function officeSetup(model = dirtySheet().plan.sheet('自评表')) {
  const sim = new ExcelSim();
  const sheet = sim.addModelSheet(model);
  const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  return { sim, sheet, host };
}

const byCell = (findings: Finding[]) => {
  const map = new Map<string, Finding[]>();
  for (const f of findings) map.set(f.cell, [...(map.get(f.cell) ?? []), f]);
  return map;
};

describe('validateWorkbook in Excel (simulated)', () => {
  it('makes exactly three context.sync calls (read, fills of the cells to mark, write) and marks every finding cell', async () => {
    const { plan, above, noEvidence } = dirtySheet();
    const { sim, sheet, host } = officeSetup(plan.sheet('自评表'));
    const result = await validateWorkbook(host, rubric);
    expect(sim.syncCount).toBe(3);
    const cells = byCell(result.findings);
    expect(cells.has(above)).toBe(true);
    expect(cells.has(noEvidence)).toBe(true);
    for (const [cell, list] of cells) {
      expect(sheet.fillAt(cell)).toEqual({ color: SEVERITY_FILL[worstSeverity(list)], pattern: 'Solid' });
      for (const f of list) expect(sheet.noteAt(cell)).toContain(f.message);
    }
    expect(sheet.notes).toHaveLength(cells.size);
  });

  it('a clean sheet gets no error and no extra sync', async () => {
    const { sim, host } = officeSetup(buildSheet(rubric).sheet('自评表'));
    const result = await validateWorkbook(host, rubric);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(sim.syncCount).toBe(2);
  });

  it('validating twice leaves one set of marks, and clearing restores the sheet exactly', async () => {
    const { sim, sheet, host } = officeSetup();
    const before = JSON.stringify([...sheet.cells].filter(([, c]) => Object.keys(c).length > 0).sort());
    await validateWorkbook(host, rubric);
    const notes = JSON.stringify(sheet.notes);
    await validateWorkbook(host, rubric);
    expect(JSON.stringify(sheet.notes)).toBe(notes);
    expect(sim.syncCount).toBe(6);
    await host.clearMarks();
    expect(sheet.notes).toEqual([]);
    expect(JSON.stringify([...sheet.cells].filter(([, c]) => Object.keys(c).length > 0).sort())).toBe(before);
  });

  it('a sheet without a rubric table: HostError no-table with the locator message, nothing written', async () => {
    const sim = new ExcelSim();
    const sheet = sim.addSheet('随便', [['姓名', '电话'], ['张三', '123']]);
    const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
    const err = await validateWorkbook(host, rubric).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).kind).toBe('no-table');
    expect((err as HostError).message).toContain('随便');
    expect(sim.queued).toBe(0);
    expect(sheet.fillAt('A1')).toEqual(SIM_NO_FILL);
  });

  it('English messages when asked', async () => {
    const sim = new ExcelSim();
    sim.addSheet('Sheet1', [['a']]);
    const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported, locale: 'en' });
    await expect(validateWorkbook(host, rubric, { locale: 'en' })).rejects.toThrow(/Sheet1/);
  });
});

describe('validateWorkbook on any host', () => {
  it('reads, validates and writes one mark per finding cell on a fake host', async () => {
    const { plan, above } = dirtySheet();
    const host = new FakeWorkbookHost(plan.sheet('自评表'));
    const result = await validateWorkbook(host, rubric);
    expect(host.calls).toEqual(['readActiveSheet', 'writeMarks']);
    const marks = host.marks.get('自评表')!;
    expect(marks.map((m) => m.cell).sort()).toEqual([...byCell(result.findings).keys()].sort());
    expect(marks.find((m) => m.cell === above)?.severity).toBe('error');
  });
});
