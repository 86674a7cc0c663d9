/**
 * The ribbon (issue 13, point 2): the action is registered when the commands bundle runs, before
 * Office.onReady has called back (a first click while the pane's large bundle still loads must run);
 * taskpane.html loads that bundle first and blocking; and ribbon and pane share one lock, so a second
 * run cannot interleave with the first and overwrite its record.
 */
import { join } from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { exclusive } from '../../src/host/workbook-lock';
import { OfficeWorkbookHost } from '../../src/office/office-host';
import { MARKS_SETTING, parseRecord } from '../../src/office/marks-record';
import { validateWorkbook } from '../../src/office/validate-workbook';
import { loadBundled } from '../rubric/bundled';
import { ExcelSim } from '../support/excel-sim';

const ROOT = join(__dirname, '..', '..');

test('Office.actions.associate runs when the commands bundle loads, although onReady never called back', () => {
  const associate = jest.fn();
  const onReady = jest.fn(); // never calls its callback: the pane has not loaded yet
  const g = globalThis as unknown as { Office?: unknown };
  g.Office = { actions: { associate }, onReady, context: {} };
  try {
    jest.isolateModules(() => {
      jest.requireActual('../../src/commands/commands');
    });
    expect(associate).toHaveBeenCalledWith('validateFromRibbon', expect.any(Function));
    // The first click: Office calls the associated function directly.
    const handler = associate.mock.calls[0][1] as unknown;
    expect(typeof handler).toBe('function');
  } finally {
    delete g.Office;
  }
});

test('taskpane.html loads the commands bundle first, blocking, before the pane bundle', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  const page = config.plugins.find((p: unknown) => p instanceof HtmlWebpackPlugin && (p as HtmlWebpackPlugin).userOptions.filename === 'taskpane.html') as HtmlWebpackPlugin;
  expect(page.userOptions.chunks).toEqual(['commands', 'functions', 'taskpane']);
  expect(page.userOptions.chunksSortMode).toBe('manual');
  expect(page.userOptions.scriptLoading).toBe('blocking');
});

describe('one lock for the ribbon and the pane', () => {
  test('runs queue in order and a failing run does not block the next', async () => {
    const order: string[] = [];
    let release!: () => void;
    const first = exclusive(async () => {
      order.push('first start');
      await new Promise<void>((r) => (release = r));
      order.push('first end');
      throw new Error('first failed');
    });
    const second = exclusive(async () => {
      order.push('second');
      return 2;
    });
    await Promise.resolve();
    release();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(order).toEqual(['first start', 'first end', 'second']);
  });

  test('a ribbon validation started while the pane clears waits, and the record keeps every original', async () => {
    const rubric = loadBundled();
    const sim = new ExcelSim();
    const sheet = sim.addSheet('自评表', [
      ['指标体系', '评价内容', '分值', '评分细则', '自评得分'],
      ['年度重点工作任务', '深化政策找人', 5, '1、视情给分（5分）', 9],
    ]);
    sheet.cell('E2').fill = { color: '#FFFF00', pattern: 'Solid' };
    // Every Excel round trip yields to the other run, as real syncs do.
    const slowRun: typeof sim.run = (batch) =>
      sim.run((ctx) => batch({ ...ctx, workbook: ctx.workbook, sync: async () => { await new Promise((r) => setTimeout(r, 1)); return ctx.sync(); } }));
    const host = () => new OfficeWorkbookHost({ run: slowRun, isSetSupported: sim.isSetSupported });
    await validateWorkbook(host(), rubric);
    expect(sheet.fillAt('E2').color).toBe('#FFC7CE');
    // Pane: 「清除标记」; ribbon: 「一键校验」, clicked at once; then the pane validates too.
    await Promise.all([host().clearMarks(), validateWorkbook(host(), rubric), validateWorkbook(host(), rubric)]);
    const record = parseRecord(sim.settings.get(MARKS_SETTING));
    expect(record.sheets).toHaveLength(1);
    expect(record.sheets[0].cells.E2.fill).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    await host().clearMarks();
    expect(sheet.fillAt('E2')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
  });
});
