/**
 * Older Excel (issue 13, point 6): the pane's host run by the simulator at each ExcelApi level that a
 * real Excel reports (Excel 2016 volume-licensed: 1.1; Excel 2019: 1.8; Excel 2021: 1.14; …). The
 * simulator refuses every member above its level (ApiNotFound), so a degraded path that still used one
 * fails here. A realistic staff sheet (merged labels and title, PDF-pasted rules, a hidden stale row and
 * a hidden last-year column, an original fill, a person's threaded comment) is validated and cleared.
 */
import { validateWorkbook } from '../../src/office/validate-workbook';
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { hostText } from '../../src/office/host-messages';
import { hyperlinkFormula } from '../../src/office/issue-list-sheet';
import { SEVERITY_FILL, worstSeverity } from '../../src/office/marks';
import { MARKS_SETTING } from '../../src/office/marks-record';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { issueListHeader, issueListRows } from '../../src/engine/validate/issue-list';
import { GridSheet, type Cell } from '../../src/engine/sheet/sheet-model';
import type { Finding } from '../../src/engine/validate/finding';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { loadBundled } from '../rubric/bundled';
import { buildStaffSheet } from '../engine/validate/staff-sheet';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { ExcelSim, SIM_LIMITS, type SimSheet } from '../support/excel-sim';

const rubric = loadBundled();
const LEVELS = [1, 2, 4, 7, 8, 9, 10, 13, 18];
const GREEN = { color: '#C6EFCE', pattern: 'Solid' };

/** The staff sheet with one planted defect, an original fill on that cell and a person's comment on the phone cell. */
function staffWorkbook(apiMinor: number) {
  const s = buildStaffSheet(rubric);
  s.plan.set('1.1.2', 'evidence', null);
  const model = s.sheet();
  const sim = new ExcelSim();
  sim.apiMinor = apiMinor;
  const sheet = sim.addModelSheet(model);
  for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
  for (const c of s.hiddenCols) sheet.hiddenCols.add(c);
  const missing = s.plan.cell('1.1.2', 'evidence');
  sheet.cell(missing).fill = { ...GREEN };
  // A person's threaded comment on a cell that gets a finding; only where Excel has comments.
  if (apiMinor >= 10) sheet.comments.push({ address: s.contactCell, content: '电话已核实', id: 'user-1' });
  return { s, sim, sheet, missing, host: hostFor(sim) };
}

const hostFor = (sim: ExcelSim, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported, documentSettings: sim.documentSettings, locale });

const brief = (findings: readonly Finding[]) => findings.map((f) => ({ code: f.code, severity: f.severity, cell: f.cell, clauseId: f.clauseId, message: f.message }));

/** Everything a person could see on the sheet: values, formulas, fills, notes, comments. */
function visible(sheet: SimSheet) {
  return {
    cells: JSON.stringify([...sheet.cells].filter(([, c]) => Object.keys(c).length > 0).sort()),
    notes: JSON.stringify(sheet.notes),
    comments: JSON.stringify(sheet.comments),
  };
}

/** The same grid with nothing hidden: what a reader that cannot see hidden lines gets. */
function withoutHidden(model: GridSheet): GridSheet {
  const rows: (Cell | undefined)[][] = Array.from({ length: model.rowCount }, (_, r) => Array.from({ length: model.colCount }, (_, c) => model.cell(r, c)));
  return new GridSheet(model.name, rows, [...model.merges]);
}

let reference: Finding[];
beforeAll(async () => {
  const { host } = staffWorkbook(18);
  reference = (await validateWorkbook(host, rubric)).findings;
  expect(reference.some((f) => f.severity === 'error')).toBe(true);
});

describe.each(LEVELS)('the pane at ExcelApi 1.%i', (minor) => {
  it('finds what 1.18 finds, marks as the level allows, and clearing restores the sheet', async () => {
    const { s, sim, sheet, missing, host } = staffWorkbook(minor);
    const before = visible(sheet);
    const result = await validateWorkbook(host, rubric);
    const notices = host.takeNotices();

    if (minor >= 2) expect(brief(result.findings)).toEqual(brief(reference));
    else {
      // ExcelApi 1.1 cannot tell hidden lines: exactly what the engine says of the sheet with nothing hidden, and the pane says so.
      expect(brief(result.findings)).toEqual(brief(validateSheet(withoutHidden(s.sheet()), rubric).findings));
      expect(notices).toContain(hostText('hiddenUnknown'));
    }
    if (minor >= 2) expect(notices).not.toContain(hostText('hiddenUnknown'));

    const byCell = new Map<string, Finding[]>();
    for (const f of result.findings) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
    for (const [cell, list] of byCell) expect(sheet.fillAt(cell)).toEqual({ color: SEVERITY_FILL[worstSeverity(list)], pattern: 'Solid' });

    const listSheet = sim.sheets.find((x) => x.name === '问题清单');
    if (minor >= 18) {
      // Notes, except on the cell that holds a person's threaded comment: fill only there.
      expect(sheet.notes.map((n) => n.address).sort()).toEqual([...byCell.keys()].filter((c) => c !== s.contactCell).sort());
      expect(sheet.commentAt(s.contactCell)).toBe('电话已核实');
      expect(listSheet).toBeUndefined();
    } else if (minor >= 10) {
      expect(sheet.notes).toEqual([]);
      expect(sheet.comments.map((c) => c.address).sort()).toEqual([...byCell.keys()].sort());
      expect(sheet.commentAt(missing)).toContain(byCell.get(missing)?.[0].message);
      expect(listSheet).toBeUndefined();
    } else {
      expect(sheet.notes).toEqual([]);
      expect(sheet.comments).toEqual([]);
      expect(listSheet).toBeDefined();
      const rows = issueListRows(result.findings);
      expect(listSheet?.cell('A1').value).toBe(issueListHeader()[0]);
      expect(listSheet?.cell('D1').value).toBe(issueListHeader()[3]);
      rows.forEach((r, i) => {
        const at = (col: string) => listSheet?.cell(`${col}${i + 2}`);
        // An empty clause is an empty cell.
        expect([at('A')?.value, at('C')?.value ?? '', at('D')?.value]).toEqual([r.severityWord, r.clauseId, r.message]);
        if (minor >= 7) expect(at('B')?.hyperlink).toEqual({ documentReference: `'自评表'!${r.cell}`, textToDisplay: r.cell });
        else expect(at('B')?.formula).toBe(hyperlinkFormula('自评表', r.cell).slice(1));
      });
      expect(notices).toContain(hostText('issueListInstead', { sheet: '问题清单' }));
    }

    await host.clearMarks();
    expect(visible(sheet)).toEqual(before);
    expect(sheet.fillAt(missing)).toEqual(GREEN);
    expect(sim.sheets.map((x) => x.name)).toEqual(['自评表']);
  });

  it('keeps the record where that Excel keeps settings, so a later session clears the marks', async () => {
    const { sim, sheet, host } = staffWorkbook(minor);
    const before = visible(sheet);
    await validateWorkbook(host, rubric);
    expect(sim.settings.has(MARKS_SETTING)).toBe(true);
    expect(sim.settingsSaves > 0).toBe(minor < 4);
    sim.newSession();
    await hostFor(sim).clearMarks();
    expect(visible(sheet)).toEqual(before);
    expect(sim.sheets.map((x) => x.name)).toEqual(['自评表']);
  });
});

describe('reading without the newer APIs', () => {
  it('without merged areas (before ExcelApi 1.13) the locator carries merged labels down: the same findings', async () => {
    const plan = buildSheet(rubric);
    plan.set(rubric.categories[0].items[0].clauses[0].id, 'evidence', null);
    const model = plan.sheet('自评表');
    expect(model.merges.length).toBeGreaterThan(5);
    const read = async (minor: number) => {
      const sim = new ExcelSim();
      sim.apiMinor = minor;
      sim.addModelSheet(model);
      const host = hostFor(sim);
      const sheet = await host.readActiveSheet();
      return { sheet, findings: validateSheet(sheet, rubric).findings };
    };
    const old = await read(12);
    const now = await read(13);
    expect(old.sheet.merges).toEqual([]);
    expect(now.sheet.merges.length).toBe(model.merges.length);
    expect(old.findings.length).toBeGreaterThan(0);
    expect(brief(old.findings)).toEqual(brief(now.findings));
  });

  it('from ExcelApi 1.2 hidden rows and columns are read cell by cell, block by block, within the request limits', async () => {
    const plan = buildSheet(rubric);
    const sim = new ExcelSim();
    sim.apiMinor = 8;
    const sheet = sim.addModelSheet(plan.sheet('自评表'));
    // A long appendix under the table: more rows than one block holds.
    for (let r = 100; r < 6100; r++) sheet.cell(`A${r + 1}`).value = `附件第 ${r} 行`;
    sheet.hiddenRows.add(3).add(4000).add(6050);
    sheet.hiddenCols.add(5);
    const saved = SIM_LIMITS.payloadBytes;
    SIM_LIMITS.payloadBytes = 200_000;
    try {
      const model = await hostFor(sim).readActiveSheet();
      expect([...(model.hiddenRows ?? [])].sort((a, b) => a - b)).toEqual([3, 4000, 6050]);
      expect([...(model.hiddenCols ?? [])]).toEqual([5]);
      expect(model.rowCount).toBe(6100);
      expect(sim.syncCount).toBeGreaterThan(2);
      expect(sim.largestPayload).toBeLessThanOrEqual(200_000);
    } finally {
      SIM_LIMITS.payloadBytes = saved;
    }
  });

  it('at ExcelApi 1.1 a hidden line that changes nothing (an instruction row) gives the findings of 1.18', async () => {
    const findings = async (minor: number) => {
      const plan = buildSheet(rubric);
      plan.set(rubric.categories[1].items[0].clauses[0].id, 'evidence', null);
      plan.insertRow(0, {});
      plan.grid[0][0] = '填表说明：自评得分请填写数字。';
      const sim = new ExcelSim();
      sim.apiMinor = minor;
      sim.addModelSheet(plan.sheet('自评表')).hiddenRows.add(0);
      const host = hostFor(sim);
      const result = await validateWorkbook(host, rubric);
      return { findings: result.findings, notices: host.takeNotices() };
    };
    const old = await findings(1);
    expect(old.findings.length).toBeGreaterThan(0);
    expect(brief(old.findings)).toEqual(brief((await findings(18)).findings));
    expect(old.notices.filter((n) => n === hostText('hiddenUnknown'))).toHaveLength(1);
  });
});

describe('the 问题清单 sheet (Excel without notes or comments)', () => {
  const listed = (sim: ExcelSim) => sim.sheets.filter((x) => x.name.startsWith('问题清单')).map((x) => x.name);

  it('re-validating replaces the pane’s list with the new findings; clearing removes it', async () => {
    const { s, sim, host } = staffWorkbook(8);
    await validateWorkbook(host, rubric);
    // Read, fills, the sheet list, marks, the list, its id into the record: three more than with notes.
    expect(sim.syncCount).toBe(6);
    const first = sim.sheets.find((x) => x.name === '问题清单');
    const firstRows = [...(first?.cells.keys() ?? [])].filter((a) => a.startsWith('D')).length;
    sim.sheet(sim.activeSheetId).cell(s.plan.cell('1.1.2', 'evidence')).value = '台账';
    sim.syncCount = 0;
    await validateWorkbook(host, rubric);
    // One more: the header of the recorded list, to be sure it is the pane's own.
    expect(sim.syncCount).toBe(7);
    expect(listed(sim)).toEqual(['问题清单']);
    const second = sim.sheets.find((x) => x.name === '问题清单');
    expect(second).not.toBe(first);
    expect([...(second?.cells.keys() ?? [])].filter((a) => a.startsWith('D')).length).toBe(firstRows - 1);
    await host.clearMarks();
    expect(listed(sim)).toEqual([]);
  });

  it('never takes a person’s own sheet called 问题清单 for it: that sheet is left as it was', async () => {
    const { sim, host } = staffWorkbook(8);
    const theirs = sim.addSheet('问题清单', [['序号', '问题', '整改情况'], [1, '台账不全', '已整改']]);
    const mine = JSON.stringify([...theirs.cells]);
    await validateWorkbook(host, rubric);
    expect(listed(sim)).toEqual(['问题清单', '问题清单 (2)']);
    await validateWorkbook(host, rubric);
    expect(listed(sim)).toEqual(['问题清单', '问题清单 (2)']);
    await host.clearMarks();
    expect(listed(sim)).toEqual(['问题清单']);
    expect(sim.sheets.find((x) => x.name === '问题清单')).toBe(theirs);
    expect(JSON.stringify([...theirs.cells])).toBe(mine);
  });

  it('a sheet a person made under the list’s name after deleting it is not removed (its header is not the list’s)', async () => {
    const { sim, host } = staffWorkbook(8);
    await validateWorkbook(host, rubric);
    sim.sheets = sim.sheets.filter((x) => x.name !== '问题清单');
    const theirs = sim.addSheet('问题清单', [['我的笔记']]);
    sim.newSession();
    await hostFor(sim).clearMarks();
    expect(sim.sheets).toContain(theirs);
    expect(theirs.cell('A1').value).toBe('我的笔记');
  });

  it('is found again in a later session (new sheet ids) by its name and header, and replaced', async () => {
    const { sim, host } = staffWorkbook(4);
    await validateWorkbook(host, rubric);
    sim.newSession();
    await validateWorkbook(hostFor(sim), rubric);
    expect(listed(sim)).toEqual(['问题清单']);
    sim.newSession();
    await hostFor(sim).clearMarks();
    expect(listed(sim)).toEqual([]);
  });

  it('an English pane writes the English header, and the Chinese pane still knows it as its own', async () => {
    const { sim } = staffWorkbook(8);
    await validateWorkbook(hostFor(sim, 'en'), rubric, { locale: 'en' });
    const list = sim.sheets.find((x) => x.name === '问题清单');
    expect(list?.cell('A1').value).toBe(issueListHeader('en')[0]);
    await hostFor(sim).clearMarks();
    expect(listed(sim)).toEqual([]);
  });

  it('where the workbook structure is protected the cells are still marked, the pane says why there is no list, and clearing restores them', async () => {
    const { sim, sheet, host } = staffWorkbook(8);
    sim.structureProtected = true;
    const before = visible(sheet);
    const result = await validateWorkbook(host, rubric);
    expect(listed(sim)).toEqual([]);
    for (const f of result.findings) expect(sheet.fillAt(f.cell).pattern).toBe('Solid');
    expect(host.takeNotices().join('')).toContain('工作簿结构受保护');
    await host.clearMarks();
    expect(visible(sheet)).toEqual(before);
  });

  it('a list that cannot be replaced (structure protected since) stays recorded, and goes once it can', async () => {
    const { sim, host } = staffWorkbook(8);
    await validateWorkbook(host, rubric);
    sim.structureProtected = true;
    await validateWorkbook(host, rubric);
    expect(listed(sim)).toEqual(['问题清单']);
    sim.structureProtected = false;
    await host.clearMarks();
    expect(listed(sim)).toEqual([]);
  });

  it('after an upgrade to an Excel with notes, validating removes the old list and writes notes', async () => {
    const { sim, sheet } = staffWorkbook(8);
    const before = visible(sheet);
    await validateWorkbook(hostFor(sim), rubric);
    sim.apiMinor = 18;
    sim.newSession();
    await validateWorkbook(hostFor(sim), rubric);
    expect(listed(sim)).toEqual([]);
    expect(sheet.notes.length).toBeGreaterThan(0);
    await hostFor(sim).clearMarks();
    expect(visible(sheet)).toEqual(before);
  });
});

describe('what an older Excel refuses, said exactly', () => {
  it('below ExcelApi 1.4 without document settings: names ExcelApi 1.4 and writes nothing', async () => {
    const sim = new ExcelSim();
    sim.apiMinor = 3;
    const sheet = sim.addModelSheet(buildSheet(rubric).sheet('自评表'));
    const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported, documentSettings: undefined });
    const before = visible(sheet);
    await expect(validateWorkbook(host, rubric)).rejects.toThrow(/ExcelApi 1\.4/);
    expect(sim.queued).toBe(0);
    expect(visible(sheet)).toEqual(before);
  });

  it('at ExcelApi 1.1 (no protection flag) a protected sheet is refused with the protection message and left unmarked', async () => {
    const { sim, sheet, host } = staffWorkbook(1);
    sheet.protected_ = true;
    const before = visible(sheet);
    await expect(validateWorkbook(host, rubric)).rejects.toMatchObject({ kind: 'protected' });
    expect(visible(sheet)).toEqual(before);
    expect(sim.sheets.map((x) => x.name)).toEqual(['自评表']);
  });

  it.each([
    ['zh-CN', /ExcelApi 1\.9，Excel 2021 及以后/],
    ['en', /ExcelApi 1\.9, which Excel 2021 and later/],
  ] as const)('inserting the template in Excel 2019 (1.8) names ExcelApi 1.9 and the Excel that has it (%s)', async (locale, text) => {
    const sim = new ExcelSim();
    sim.apiMinor = 8;
    sim.addSheet('Sheet1');
    await expect(hostFor(sim, locale).insertSheet(buildTemplateSpec(rubric))).rejects.toThrow(text);
  });

  it('the stamp (document properties, ExcelApi 1.7) is refused in Excel 2016 by name', async () => {
    const sim = new ExcelSim();
    sim.apiMinor = 4;
    sim.addSheet('Sheet1');
    await expect(hostFor(sim).readCustomProperties()).rejects.toThrow(/ExcelApi 1\.7，Excel 2019/);
  });

  it('before ExcelApi 1.7 the selected cell comes from the selection (getSelectedRange)', async () => {
    const sim = new ExcelSim();
    sim.apiMinor = 1;
    const sheet = sim.addSheet('自评表', [['a', 'b'], ['c', 'd']]);
    sim.selection = { sheetId: sheet.id, address: 'B2:C4' };
    expect(await hostFor(sim).getSelection()).toEqual({ sheet: '自评表', address: 'B2', row: 1 });
  });
});
