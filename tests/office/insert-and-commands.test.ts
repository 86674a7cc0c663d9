import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { uniqueSheetName } from '../../src/office/draw-template';
import { validateFromRibbon, type RibbonDeps } from '../../src/commands/commands';
import { onValidation, resetValidationEvents, type ValidationEvent } from '../../src/host/validation-events';
import { HostError } from '../../src/host/workbook-host';
import { loadBundled } from '../rubric/bundled';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { ExcelSim } from '../support/excel-sim';
import { FakeWorkbookHost } from '../support/fake-host';

const rubric = loadBundled();

describe('insertSheet', () => {
  it('draws the template spec in two syncs: values, formulas, merges, validations, freeze panes', async () => {
    const sim = new ExcelSim();
    sim.addSheet('自评表');
    const spec = buildTemplateSpec(rubric);
    const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
    const name = await host.insertSheet(spec);
    expect(sim.syncCount).toBe(2);
    expect(name).toBe(`${spec.sheetName} (2)`);
    const sheet = sim.find(name)!;
    expect(sim.activeSheetId).toBe(sheet.id);
    for (const c of spec.cells) {
      const cell = sheet.cells.get(c.address);
      if (c.formula) expect(cell?.formula).toBe(c.formula);
      else if (c.value !== undefined && c.value !== '') expect(cell?.value).toBe(c.value);
    }
    expect(sheet.merges).toEqual(spec.merges);
    expect(sheet.frozenRows).toBe(spec.freezeRows);
    expect(sheet.validations.map((v) => v.range)).toEqual(spec.validations.map((v) => v.range));
    const list = spec.validations.find((v) => v.list);
    if (list) expect(sheet.validations.find((v) => v.range === list.range)?.rule).toEqual({ list: { inCellDropDown: true, source: list.list!.join(',') } });
    expect(sheet.pageLayout.printArea).toBe(spec.printArea);
  });

  it('the drawn sheet is validated as a rubric table', async () => {
    const sim = new ExcelSim();
    sim.addSheet('Sheet1');
    const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
    await host.insertSheet(buildTemplateSpec(rubric));
    const { locateTable } = await import('../../src/engine/locate/locate-table');
    const table = locateTable(await host.readActiveSheet(), rubric);
    const clauseCount = rubric.categories.reduce((n, c) => n + c.items.reduce((m, i) => m + i.clauses.length, 0), 0);
    expect(table.rows.flatMap((r) => r.clauseIds)).toHaveLength(clauseCount);
  });

  it('uniqueSheetName compares names as Excel does, ignoring case', () => {
    expect(uniqueSheetName('自评表', [])).toBe('自评表');
    expect(uniqueSheetName('Sheet', ['sheet', 'SHEET (2)'])).toBe('Sheet (3)');
  });

  it('refuses an Excel older than ExcelApi 1.9', async () => {
    const sim = new ExcelSim();
    sim.apiMinor = 8;
    const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
    await expect(host.insertSheet(buildTemplateSpec(rubric))).rejects.toMatchObject({ kind: 'unsupported' });
    expect(sim.syncCount).toBe(0);
  });
});

describe('validateFromRibbon', () => {
  function deps(host: FakeWorkbookHost, logs: string[]): RibbonDeps {
    return { host: () => host, rubric: () => rubric, locale: () => 'zh-CN', log: (m) => logs.push(m), showPane };
  }
  const showPane = jest.fn(async () => undefined);
  const events: ValidationEvent[] = [];
  beforeEach(() => {
    resetValidationEvents();
    events.length = 0;
    onValidation((e) => events.push(e));
    showPane.mockClear();
  });

  it('validates and marks, then completes the event', async () => {
    const host = new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'));
    const completed = jest.fn();
    const logs: string[] = [];
    await validateFromRibbon({ completed } as unknown as Office.AddinCommands.Event, deps(host, logs));
    expect(host.calls).toEqual(['readActiveSheet', 'writeMarks']);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(logs[0]).toMatch(/自评表/);
    expect(events).toHaveLength(1);
    expect(events[0].kind === 'result' && events[0].result.sheet).toBe('自评表');
    expect(showPane).not.toHaveBeenCalled();
  });

  it('completes the event and logs the message when validation fails', async () => {
    const host = new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'));
    host.failNext.readActiveSheet = new HostError('protected', '受保护');
    const completed = jest.fn();
    const logs: string[] = [];
    await validateFromRibbon({ completed } as unknown as Office.AddinCommands.Event, deps(host, logs));
    expect(completed).toHaveBeenCalledTimes(1);
    expect(logs).toEqual(['Rubric Check: 受保护']);
    expect(events).toEqual([{ kind: 'error', message: '受保护' }]);
    expect(showPane).toHaveBeenCalledTimes(1);
  });
});
