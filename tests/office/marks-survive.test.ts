/**
 * Marks that survive real Excel (issue 13, point 1), each defect reproduced in the simulator first:
 * a sheet id that changed between sessions, a threaded comment (or a note, in comment mode) on a cell
 * to be marked, marks made with comments cleared on a notes host and the reverse, a restore that fails.
 */
import type { Mark } from '../../src/host/workbook-host';
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { MARKS_SETTING, parseRecord } from '../../src/office/marks-record';
import { ExcelSim, SIM_NO_FILL, type SimSheet } from '../support/excel-sim';

const RED = '#FFC7CE';

function setup(apiMinor = 18) {
  const sim = new ExcelSim();
  sim.apiMinor = apiMinor;
  const sheet = sim.addSheet('自评表', [
    ['指标体系', '评价内容', '分值', '评分细则', '自评得分', '佐证材料', '扣分说明'],
    ['年度重点工作任务', '深化政策找人', 5, '1、视情给分（5分）', 6, '', ''],
    [null, null, null, '2、每发现1例扣0.5分（2分）', 1.5, '台账', ''],
  ]);
  const host = () => new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  return { sim, sheet, host };
}

const mark = (cell: string, note = `note ${cell}`): Mark => ({ cell, severity: 'error', note });

function visible(sheet: SimSheet) {
  return {
    cells: JSON.stringify([...sheet.cells].filter(([, c]) => Object.keys(c).length > 0).sort()),
    notes: JSON.stringify([...sheet.notes].sort((a, b) => a.address.localeCompare(b.address))),
    comments: JSON.stringify([...sheet.comments].sort((a, b) => a.address.localeCompare(b.address))),
  };
}

async function markOnce(host: OfficeWorkbookHost, marks: Mark[]) {
  const model = await host.readActiveSheet();
  await host.writeMarks(model.name, marks);
}

const record = (sim: ExcelSim) => parseRecord(sim.settings.get(MARKS_SETTING));

describe('a sheet id that changed between sessions', () => {
  it('「清除标记」 finds the sheet by its name and restores every cell', async () => {
    const { sim, sheet, host } = setup();
    sheet.cell('E2').fill = { color: '#FFFF00', pattern: 'Solid' };
    const before = visible(sheet);
    await markOnce(host(), [mark('E2'), mark('F3')]);
    sim.newSession();
    expect(await host().clearMarks()).toBe(2);
    expect(visible(sheet)).toEqual(before);
    expect(record(sim).sheets).toEqual([]);
  });

  it('validating again replaces the marks instead of stacking them on our own red', async () => {
    const { sim, sheet, host } = setup();
    sheet.cell('E2').fill = { color: '#FFFF00', pattern: 'Solid' };
    await markOnce(host(), [mark('E2')]);
    sim.newSession();
    await markOnce(host(), [mark('F3')]);
    expect(sheet.fillAt('E2')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    expect(sheet.noteAt('E2')).toBeUndefined();
    const r = record(sim);
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0].sheetId).toBe(sheet.id);
    expect(Object.keys(r.sheets[0].cells)).toEqual(['F3']);
  });

  it('a renamed sheet keeps its id within the session and is still found by it', async () => {
    const { sheet, host } = setup();
    const before = visible(sheet);
    await markOnce(host(), [mark('E2')]);
    sheet.name = '江苏路街道';
    expect(await host().clearMarks()).toBe(1);
    expect(visible(sheet)).toEqual(before);
  });

  it('the record of a sheet that cannot be found now is kept, not dropped', async () => {
    const { sim, sheet, host } = setup();
    const other = sim.addSheet('临时');
    await markOnce(host(), [mark('E2')]);
    sim.activeSheetId = other.id;
    other.setRows([['x']]);
    await markOnce(host(), [mark('A1')]);
    // The marked sheet is renamed in another session: neither its id nor its name matches any more.
    sim.newSession();
    sheet.name = '改名后';
    await host().clearMarks();
    expect(other.fillAt('A1')).toEqual(SIM_NO_FILL);
    const kept = record(sim).sheets;
    expect(kept.map((s) => s.sheetName)).toEqual(['自评表']);
    expect(Object.keys(kept[0].cells)).toEqual(['E2']);
  });
});

describe('a restore that fails', () => {
  it('keeps the record, so 「清除标记」 can be tried again and then restores everything', async () => {
    const { sim, sheet, host } = setup();
    const before = visible(sheet);
    await markOnce(host(), [mark('E2'), mark('F3')]);
    sim.failWritesAt.add('F3');
    await expect(host().clearMarks()).rejects.toMatchObject({ kind: 'failed' });
    expect(Object.keys(record(sim).sheets[0].cells).sort()).toEqual(['E2', 'F3']);
    sim.failWritesAt.clear();
    expect(await host().clearMarks()).toBe(2);
    expect(visible(sheet)).toEqual(before);
  });
});

describe('a cell that already carries the other kind of annotation', () => {
  it('a threaded comment on a cell to be marked with notes: fill only, the comment untouched, the rest marked', async () => {
    const { sim, sheet, host } = setup();
    sheet.comments.push({ address: 'E2', content: '王科长：请补充台账', id: 'c-user' });
    const before = visible(sheet);
    await markOnce(host(), [mark('E2', 'ours E2'), mark('F3', 'ours F3')]);
    expect(sheet.fillAt('E2').color).toBe(RED);
    expect(sheet.noteAt('E2')).toBeUndefined();
    expect(sheet.commentAt('E2')).toBe('王科长：请补充台账');
    expect(sheet.noteAt('F3')).toBe('ours F3');
    expect(record(sim).sheets[0].cells.E2.annotation).toBe('none');
    await host().clearMarks();
    expect(visible(sheet)).toEqual(before);
  });

  it('a note on a cell to be marked with comments (no notes API): fill only, the note untouched', async () => {
    const { sheet, host } = setup(17);
    sheet.notes.push({ address: 'E2', content: '表头说明' });
    const before = visible(sheet);
    await markOnce(host(), [mark('E2', 'ours E2'), mark('F3', 'ours F3')]);
    expect(sheet.fillAt('E2').color).toBe(RED);
    expect(sheet.commentAt('E2')).toBeUndefined();
    expect(sheet.notes).toEqual([{ address: 'E2', content: '表头说明' }]);
    expect(sheet.commentAt('F3')).toBe('ours F3');
    await host().clearMarks();
    expect(visible(sheet)).toEqual(before);
  });
});

describe('marks made in one Excel, cleared and replaced in another', () => {
  it('comment marks (Excel 2021) are cleared on a notes host (Microsoft 365)', async () => {
    const { sim, sheet, host } = setup(17);
    const before = visible(sheet);
    await markOnce(host(), [mark('E2'), mark('F3')]);
    expect(sheet.commentAt('E2')).toBe('note E2');
    sim.apiMinor = 18;
    sim.newSession();
    expect(await host().clearMarks()).toBe(2);
    expect(visible(sheet)).toEqual(before);
  });

  it('comment marks (Excel 2021) are replaced by note marks on a notes host, with no "already has a comment"', async () => {
    const { sim, sheet, host } = setup(17);
    await markOnce(host(), [mark('E2', 'old E2'), mark('F3', 'old F3')]);
    sim.apiMinor = 18;
    await markOnce(host(), [mark('E2', 'new E2')]);
    expect(sheet.comments).toEqual([]);
    expect(sheet.notes).toEqual([{ address: 'E2', content: 'new E2' }]);
    expect(sheet.fillAt('F3')).toEqual(SIM_NO_FILL);
    const cells = record(sim).sheets[0].cells;
    expect(Object.keys(cells)).toEqual(['E2']);
    expect(cells.E2.annotation).toBe('note');
    await host().clearMarks();
    expect(sheet.notes).toEqual([]);
    expect(sheet.fillAt('E2')).toEqual(SIM_NO_FILL);
  });

  it('note marks on a host without notes: refused with exactly what is needed, nothing changed, record kept', async () => {
    const { sim, sheet, host } = setup(18);
    await markOnce(host(), [mark('E2'), mark('F3')]);
    sim.apiMinor = 17;
    const before = visible(sheet);
    const saved = sim.settings.get(MARKS_SETTING);
    for (const attempt of [() => host().clearMarks(), () => markOnce(host(), [mark('E2')])]) {
      const err = await attempt().then(
        () => undefined,
        (e: unknown) => e as Error & { kind: string },
      );
      expect(err?.kind).toBe('unsupported');
      expect(err?.message).toContain('ExcelApi 1.18');
      expect(err?.message).toContain('E2、F3');
      expect(err?.message).toContain('备注');
      expect(visible(sheet)).toEqual(before);
      expect(sim.settings.get(MARKS_SETTING)).toBe(saved);
    }
  });
});
