import { HostError, type Mark } from '../../src/host/workbook-host';
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { MARKS_SETTING } from '../../src/office/marks-record';
import { ExcelSim, SIM_NO_FILL, type SimSheet } from '../support/excel-sim';

const RED = '#FFC7CE';
const YELLOW = '#FFEB9C';
const BLUE = '#DDEBF7';

function setup(apiMinor = 18) {
  const sim = new ExcelSim();
  sim.apiMinor = apiMinor;
  const sheet = sim.addSheet('自评表', [
    ['指标体系', '评价内容', '分值', '评分细则', '自评得分', '佐证材料', '扣分说明'],
    ['年度重点工作任务', '深化政策找人', 5, '1、视情给分（5分）', 6, '', ''],
    [null, null, null, '2、每发现1例扣0.5分（2分）', 1.5, '台账', ''],
    ['合计', null, null, null, '=SUM(E2:E3)', null, null],
  ]);
  sheet.merges.push('A2:A3', 'B2:B3', 'C2:C3');
  const host = () => new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  return { sim, sheet, host };
}

const mark = (cell: string, severity: Mark['severity'], note = `note ${cell}`): Mark => ({ cell, severity, note });

/** Everything a person could see on the sheet: values, formulas, fills and notes. */
function visible(sheet: SimSheet) {
  return {
    cells: JSON.stringify([...sheet.cells].filter(([, c]) => Object.keys(c).length > 0).sort()),
    notes: JSON.stringify([...sheet.notes].sort((a, b) => a.address.localeCompare(b.address))),
    comments: JSON.stringify([...sheet.comments].sort((a, b) => a.address.localeCompare(b.address))),
  };
}

describe('readActiveSheet', () => {
  it('reads values, formulas and merges from A1 in one sync', async () => {
    const { sim, host } = setup();
    const model = await host().readActiveSheet();
    expect(sim.syncCount).toBe(1);
    expect(model.name).toBe('自评表');
    expect(model.rowCount).toBe(4);
    expect(model.colCount).toBe(7);
    expect(model.cell(1, 4)?.value).toBe(6);
    expect(model.cell(3, 4)?.formula).toBe('SUM(E2:E3)');
    expect(model.cell(2, 0)).toBeUndefined();
    expect(model.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 2, right: 2 },
    ]);
  });

  it('knows hidden rows and columns, read in the same single sync', async () => {
    const { sim, sheet, host } = setup();
    sheet.hiddenRows.add(2);
    sheet.hiddenCols.add(5);
    const model = await host().readActiveSheet();
    expect(sim.syncCount).toBe(1);
    expect([...(model.hiddenRows ?? [])]).toEqual([2]);
    expect([...(model.hiddenCols ?? [])]).toEqual([5]);
  });

  it('keeps row numbers when the used range does not start at A1, and reads error values', async () => {
    const sim = new ExcelSim();
    const sheet = sim.addSheet('S');
    sheet.cell('C3').value = 'x';
    sheet.cell('D5').error = '#N/A';
    const model = await new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported }).readActiveSheet();
    expect(model.rowCount).toBe(5);
    expect(model.colCount).toBe(4);
    expect(model.cell(2, 2)?.value).toBe('x');
    expect(model.cell(4, 3)?.value).toEqual({ error: '#N/A' });
  });

  it('reads an Excel without merged-area support (before ExcelApi 1.13) without asking for merged areas', async () => {
    const { sim, host } = setup(12);
    const model = await host().readActiveSheet();
    expect(sim.syncCount).toBe(1);
    expect(model.merges).toEqual([]);
    expect(model.cell(1, 4)?.value).toBe(6);
  });

  it('refuses an Excel without ExcelApi 1.1 before touching the workbook, naming the version', async () => {
    const { sim, host } = setup(0);
    await expect(host().readActiveSheet()).rejects.toMatchObject({ kind: 'unsupported' });
    await expect(host().readActiveSheet()).rejects.toThrow(/ExcelApi 1\.1[^0-9]/);
    expect(sim.syncCount).toBe(0);
  });
});

describe('writeMarks after readActiveSheet', () => {
  it.each([1, 3, 60])('makes exactly three syncs in all with %i marks (read; fills of the marked cells only; write)', async (n) => {
    const { sim, sheet, host } = setup();
    sheet.setRows(Array.from({ length: 12 }, () => Array(7).fill('x')));
    const marks = Array.from({ length: n }, (_, i) => mark(`${'ABCDEFG'[i % 7]}${1 + Math.floor(i / 7)}`, 'error'));
    const h = host();
    const model = await h.readActiveSheet();
    await h.writeMarks(model.name, marks);
    expect(sim.syncCount).toBe(3);
  });

  it('fills each cell by severity and puts the note on it', async () => {
    const { sheet, host } = setup();
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error', '得分超过满分'), mark('F2', 'warning', '缺少佐证'), mark('G3', 'info', '提示')]);
    expect(sheet.fillAt('E2')).toEqual({ color: RED, pattern: 'Solid' });
    expect(sheet.fillAt('F2')).toEqual({ color: YELLOW, pattern: 'Solid' });
    expect(sheet.fillAt('G3')).toEqual({ color: BLUE, pattern: 'Solid' });
    expect(sheet.noteAt('E2')).toBe('得分超过满分');
    expect(sheet.noteAt('F2')).toBe('缺少佐证');
    expect(sheet.fillAt('E3')).toEqual(SIM_NO_FILL);
    expect(sheet.notes).toHaveLength(3);
  });

  it('never changes a value or a formula', async () => {
    const { sheet, host } = setup();
    const before = [...sheet.cells].map(([a, c]) => [a, c.value, c.formula]);
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error'), mark('E4', 'error')]);
    expect([...sheet.cells].filter(([, c]) => c.value !== undefined || c.formula !== undefined).map(([a, c]) => [a, c.value, c.formula])).toEqual(before);
  });

  it('records the originals in the workbook settings', async () => {
    const { sim, sheet, host } = setup();
    sheet.cell('E2').fill = { color: '#00FF00', pattern: 'Solid' };
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error')]);
    const record = JSON.parse(String(sim.settings.get(MARKS_SETTING)));
    expect(record.sheets[0].cells.E2.fill).toEqual({ color: '#00FF00', pattern: 'Solid' });
    expect(record.sheets[0].sheetId).toBe(sheet.id);
  });

  it('reads for itself when called without a fresh read, still writing in one more sync', async () => {
    const { sim, sheet, host } = setup();
    await host().writeMarks('自评表', [mark('E2', 'error')]);
    expect(sheet.fillAt('E2').color).toBe(RED);
    expect(sim.syncCount).toBe(3);
  });
});

describe('clearMarks', () => {
  it('brings back every original fill and note, including no fill and a note of the user, after a reopen', async () => {
    const { sheet, host } = setup();
    sheet.cell('E2').fill = { color: '#FFFF00', pattern: 'Solid' };
    sheet.cell('F2').fill = { color: '#FF0000', pattern: 'Gray25', patternColor: '#0000FF' };
    sheet.notes.push({ address: 'E2', content: '王科长：请核实' }, { address: 'A1', content: '表头说明' });
    const before = visible(sheet);
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error', 'ours'), mark('F2', 'warning'), mark('G3', 'info')]);
    expect(sheet.noteAt('E2')).toBe('ours');
    expect(sheet.noteAt('A1')).toBe('表头说明');

    // A new host knows nothing but what the workbook holds: as after closing and reopening the file.
    const restored = await host().clearMarks();
    expect(restored).toBe(3);
    expect(visible(sheet)).toEqual(before);
    expect(sheet.fillAt('G3')).toEqual(SIM_NO_FILL);
  });

  it('returns 0 and writes nothing when there is nothing to clear', async () => {
    const { sim, host } = setup();
    expect(await host().clearMarks()).toBe(0);
    expect(sim.queued).toBe(0);
  });

  it('keeps a fill or note a person changed after marking', async () => {
    const { sheet, host } = setup();
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error', 'ours'), mark('F2', 'error', 'ours too')]);
    sheet.cell('E2').fill = { color: '#00B050', pattern: 'Solid' };
    sheet.notes.find((n) => n.address === 'F2')!.content = '已补充台账';
    await h.clearMarks();
    expect(sheet.fillAt('E2')).toEqual({ color: '#00B050', pattern: 'Solid' });
    expect(sheet.noteAt('F2')).toBe('已补充台账');
    expect(sheet.fillAt('F2')).toEqual(SIM_NO_FILL);
    expect(sheet.noteAt('E2')).toBeUndefined();
  });

  it('refuses a protected sheet untouched', async () => {
    const { sim, sheet, host } = setup();
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error')]);
    sheet.protected_ = true;
    const queued = sim.queued;
    const before = visible(sheet);
    await expect(h.clearMarks()).rejects.toMatchObject({ kind: 'protected' });
    expect(sim.queued).toBe(queued);
    expect(visible(sheet)).toEqual(before);
  });
});

describe('marking again', () => {
  it('replaces the previous marks instead of stacking them, and the originals survive', async () => {
    const { sim, sheet, host } = setup();
    sheet.cell('E2').fill = { color: '#FFFF00', pattern: 'Solid' };
    sheet.notes.push({ address: 'E2', content: 'user note' });
    const before = visible(sheet);
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error', 'first'), mark('F2', 'warning', 'first F2')]);
    const syncs = sim.syncCount;
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'warning', 'second'), mark('G2', 'info', 'second G2')]);
    // Our own notes are at the cells the record names, so no extra sync is needed to find them
    // (read, the fills of the marked and recorded cells, write).
    expect(sim.syncCount - syncs).toBe(3);
    expect(sheet.fillAt('E2')).toEqual({ color: YELLOW, pattern: 'Solid' });
    expect(sheet.noteAt('E2')).toBe('second');
    expect(sheet.fillAt('F2')).toEqual(SIM_NO_FILL);
    expect(sheet.noteAt('F2')).toBeUndefined();
    expect(sheet.noteAt('G2')).toBe('second G2');
    expect(sheet.notes).toHaveLength(2);
    await h.clearMarks();
    expect(visible(sheet)).toEqual(before);
  });

  it('with an empty list takes every mark away', async () => {
    const { sheet, host } = setup();
    const before = visible(sheet);
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error')]);
    await h.readActiveSheet();
    await h.writeMarks('自评表', []);
    expect(visible(sheet)).toEqual(before);
  });
});

describe('refusals leave the sheet untouched', () => {
  it('a protected sheet: HostError, zero writes', async () => {
    const { sim, sheet, host } = setup();
    sheet.protected_ = true;
    const before = visible(sheet);
    const h = host();
    await h.readActiveSheet();
    const err = await h.writeMarks('自评表', [mark('E2', 'error')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).kind).toBe('protected');
    expect((err as HostError).message).toContain('自评表');
    expect(sim.queued).toBe(0);
    expect(visible(sheet)).toEqual(before);
    expect(sim.settings.has(MARKS_SETTING)).toBe(false);
  });

  it('a write that fails part-way is taken back: no partial marks', async () => {
    const { sim, sheet, host } = setup();
    // Excel refuses the write to G3, which comes after E2 in the batch.
    sim.failWritesAt.add('G3');
    sheet.cell('E2').fill = { color: '#FFFF00', pattern: 'Solid' };
    const before = visible(sheet);
    const h = host();
    await h.readActiveSheet();
    await expect(h.writeMarks('自评表', [mark('E2', 'error'), mark('G3', 'error')])).rejects.toMatchObject({ kind: 'failed' });
    sim.failWritesAt.clear();
    expect(visible(sheet)).toEqual(before);
    expect(sim.syncCount).toBeGreaterThan(2);
  });
});

describe('without notes (before ExcelApi 1.18)', () => {
  it('marks with comments and restores the user comment', async () => {
    const { sheet, host } = setup(17);
    sheet.comments.push({ address: 'E2', content: '用户的批注', id: 'c-user' });
    const before = visible(sheet);
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error', 'ours E2'), mark('F2', 'warning', 'ours F2')]);
    expect(sheet.notes).toHaveLength(0);
    expect(sheet.commentAt('E2')).toBe('ours E2');
    expect(sheet.commentAt('F2')).toBe('ours F2');
    expect(sheet.fillAt('E2').color).toBe(RED);
    await host().clearMarks();
    expect(visible(sheet)).toEqual(before);
  });

  it('a sheet without comments still takes three syncs', async () => {
    const { sim, host } = setup(17);
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error'), mark('F3', 'error')]);
    expect(sim.syncCount).toBe(3);
  });
});

describe('selection, formulas', () => {
  it('selectCell activates the sheet and selects the cell', async () => {
    const { sim, host } = setup();
    const other = sim.addSheet('其他');
    await host().selectCell('其他', 'C7');
    expect(sim.activeSheetId).toBe(other.id);
    expect(sim.selection).toEqual({ sheetId: other.id, address: 'C7' });
  });

  it('selectCell on a missing sheet says so', async () => {
    const { host } = setup();
    await expect(host().selectCell('不存在', 'A1')).rejects.toThrow(/不存在/);
  });

  it('getSelection returns the active cell', async () => {
    const { sim, sheet, host } = setup();
    sim.selection = { sheetId: sheet.id, address: 'E3' };
    expect(await host().getSelection()).toEqual({ sheet: '自评表', address: 'E3', row: 2 });
  });

  it('writeFormula writes the formula and nothing else', async () => {
    const { sheet, host } = setup();
    await host().writeFormula('自评表', 'E3', '=RUBRIC.SCORE_DEDUCT(2,H3,0.5)');
    expect(sheet.cells.get('E3')?.formula).toBe('RUBRIC.SCORE_DEDUCT(2,H3,0.5)');
    expect(sheet.cells.get('E2')?.value).toBe(6);
  });

  it('writeFormula refuses a protected sheet', async () => {
    const { sim, sheet, host } = setup();
    sheet.protected_ = true;
    await expect(host().writeFormula('自评表', 'E3', '=1')).rejects.toMatchObject({ kind: 'protected' });
    expect(sim.queued).toBe(0);
  });
});

describe('a workbook marked by a newer Excel', () => {
  it('refuses to clear note marks where notes are unsupported, writing nothing', async () => {
    const { sim, sheet, host } = setup();
    const h = host();
    await h.readActiveSheet();
    await h.writeMarks('自评表', [mark('E2', 'error')]);
    sim.apiMinor = 17;
    const queued = sim.queued;
    await expect(h.clearMarks()).rejects.toMatchObject({ kind: 'unsupported' });
    expect(sim.queued).toBe(queued);
    expect(sheet.noteAt('E2')).toBe('note E2');
  });
});
