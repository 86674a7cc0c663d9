/**
 * The playground in Debian's Chromium: the real task pane, the real bundle, a workbook with planted
 * defects. One browser for the whole file; the tests run in order on one page, each building on the
 * state the previous one left (as a person would click through).
 * Run by scripts/e2e.js (`npm run test:e2e`), which builds dist/ first when it is stale.
 */
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { SEVERITY_FILL } from '../../src/office/marks';
import { severityWord } from '../../src/engine/validate/issue-list';
import { NOTE_AUTHOR } from '../../src/engine/validate/note-text';
import { launchChromium, ROOT, startStaticServer } from '../../scripts/e2e-support';
import { loadBundled } from '../rubric/bundled';
import { inflatingXlsx } from '../support/hostile-xlsx';
import { plantedWorkbook, type PlantedWorkbook } from './planted-workbook';

const ARTIFACTS = join(ROOT, 'test-artifacts');
/** Screenshots the staff guide (docs/使用说明.md) shows: taken here, so the guide shows the product as it is. */
const GUIDE_IMAGES = join(ROOT, 'docs', 'images');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GRID = 'table.sheet-grid';
const PANE = '[data-testid="pane"]';

/** One voice: our note names its author and the severity word, and keeps codes (for scripts) out of the sentence. */
function expectOurNote(note: string | undefined, severity: 'error' | 'warning' | 'info'): void {
  expect(note).toContain(NOTE_AUTHOR);
  expect(note).toContain(`${severityWord(severity)}：`);
  expect(note).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
}

let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let fixture: PlantedWorkbook;
const requests: string[] = [];
const pageErrors: string[] = [];
/** Every Web Worker the page started. */
const workers: import('playwright-core').Worker[] = [];
let fillsBefore: Record<string, string>;
let notesBefore: Record<string, string>;

/**
 * A step of the walk-through: once one fails, the later steps (which need its state) fail at once
 * instead of each waiting out its timeouts.
 */
let failedStep: string | undefined;
function step(name: string, fn: () => Promise<void>, { changesPage = true } = {}): void {
  test(name, async () => {
    if (failedStep) throw new Error(`not run: the earlier step “${failedStep}” failed`);
    try {
      await fn();
    } catch (err) {
      // A check that only looks (axe, the download) leaves the page as it was for the next steps.
      if (changesPage) failedStep = name;
      throw err;
    }
  });
}

/** "#FFC7CE" → "rgb(255, 199, 206)", as getComputedStyle reports it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** Every grid cell's computed background colour, by address. */
const gridFills = () =>
  page.$$eval(`${GRID} td[data-cell]`, (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), getComputedStyle(td).backgroundColor])));

/** Every grid cell's note text (its tooltip), by address. */
const gridNotes = () =>
  page.$$eval(`${GRID} td[aria-describedby]`, (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), document.getElementById(td.getAttribute('aria-describedby') ?? '')?.textContent ?? ''])),
  );

const markedInGrid = () =>
  page.$$eval(`${GRID} td[data-severity]`, (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), td.getAttribute('data-severity')])));

const listedInPane = () =>
  page.$$eval(`${PANE} button[data-cell]`, (bs) => bs.map((b) => [b.getAttribute('data-cell'), b.getAttribute('data-severity')] as [string, string]));

const paneButton = (name: string) => page.locator(PANE).getByRole('button', { name, exact: true });

/** The pane's own busy flag, cleared when its action finished. */
const paneIdle = () => page.waitForSelector(`${PANE} main[aria-busy="false"]`);

/** The grid's visible area below the sticky column letters and right of the row numbers, in page coordinates. */
const visibleGrid = () =>
  page.evaluate(() => {
    const scroll = document.querySelector('.grid-scroll')!.getBoundingClientRect();
    const header = document.querySelector('table.sheet-grid thead')!.getBoundingClientRect();
    const rowHeader = document.querySelector('table.sheet-grid tbody th')!.getBoundingClientRect();
    return { top: header.bottom, left: rowHeader.right, bottom: scroll.bottom, right: scroll.right };
  });

/** The cell's box and, when shown, its note's, in page coordinates. */
const boxesOf = (address: string) =>
  page.evaluate((a) => {
    const td = document.querySelector(`table.sheet-grid td[data-cell="${a}"]`)!;
    const tip = td.querySelector('.note-tip');
    const box = (r: DOMRect) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width });
    const tipRect = tip?.getBoundingClientRect();
    return { cell: box(td.getBoundingClientRect()), note: tipRect && tipRect.width > 0 ? box(tipRect) : null };
  }, address);

const inside = (box: { top: number; left: number; bottom: number; right: number }, area: { top: number; left: number; bottom: number; right: number }) =>
  box.top >= area.top - 0.5 && box.left >= area.left - 0.5 && box.bottom <= area.bottom + 0.5 && box.right <= area.right + 0.5;

const selectedCells = () => page.$$eval(`${GRID} td[aria-selected="true"]`, (tds) => tds.map((td) => td.getAttribute('data-cell')));

/** "E14" → [row, column], to sort addresses in sheet order (by row, then column). */
const sheetOrder = (a: string, b: string) => {
  const key = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    return [Number(m[2]), m[1].length, m[1]] as const;
  };
  const [ra, la, ca] = key(a);
  const [rb, lb, cb] = key(b);
  return ra - rb || la - lb || ca.localeCompare(cb);
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(GUIDE_IMAGES, { recursive: true });
  fixture = await plantedWorkbook(loadBundled());
  server = await startStaticServer();
  browser = await launchChromium();
  page = browser.page;
  page.setDefaultTimeout(20_000);
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('worker', (w) => workers.push(w));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

step('before the workbook is open, 一键校验 cannot be clicked and says why; then it can', async () => {
  // Hold the example workbook back, to look at the page in the moment a click used to be lost.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname.endsWith('.xlsx'), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}/playground.html`);
  const validate = paneButton('一键校验');
  await validate.waitFor();
  await expect(validate.isDisabled()).resolves.toBe(true);
  await expect(page.locator(`${PANE} #not-ready-reason`).innerText()).resolves.toContain('正在打开工作簿');
  // A click now does nothing to the workbook (it cannot be clicked), and nothing is lost later.
  await validate.click({ force: true, timeout: 2_000 }).catch(() => undefined);
  release();
  await page.waitForSelector('.playground[data-state="ready"]');
  await expect(validate.isEnabled()).resolves.toBe(true);
  await expect(page.locator(`${PANE} #not-ready-reason`).count()).resolves.toBe(0);
  await expect(page.locator(`${PANE} #findings-heading`).count()).resolves.toBe(0);
  await page.unroute((url) => url.pathname.endsWith('.xlsx'));
});

step('the page opens with the example workbook and an interactive pane', async () => {
  await page.waitForSelector('.playground[data-state="ready"]');
  await expect(paneButton('一键校验').isEnabled()).resolves.toBe(true);
  await expect(page.locator('.pg-status').innerText()).resolves.toContain('江苏路街道-2023-自评表.xlsx');
  // The example's header row is drawn in the grid.
  await expect(page.locator(`${GRID} td`, { hasText: '评价内容' }).count()).resolves.toBeGreaterThan(0);
  await page.locator(PANE).screenshot({ path: join(ARTIFACTS, 'pane-before-validation.png') });
});

step('a workbook chosen with the file input replaces the example; its own fills and notes show', async () => {
  await page.setInputFiles('#pg-file', { name: '新华路街道-埋设缺陷.xlsx', mimeType: XLSX, buffer: fixture.bytes });
  await page.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.includes('新华路街道-埋设缺陷.xlsx'));
  await page.waitForSelector('.playground[data-state="ready"]');
  fillsBefore = await gridFills();
  notesBefore = await gridNotes();
  for (const [address, hex] of fixture.userFills) expect([address, fillsBefore[address]]).toEqual([address, rgb(hex)]);
  for (const [address, note] of fixture.userNotes) expect([address, notesBefore[address]]).toEqual([address, note]);
  expect(Object.keys(await markedInGrid())).toEqual([]);
});

step('「一键校验」 marks exactly the planted cells in the grid and lists exactly them in the pane', async () => {
  // Start from the far end of the sheet: the first error must be brought into view, not found by scrolling.
  await page.evaluate(() => {
    const grid = document.querySelector('.grid-scroll')!;
    grid.scrollTop = grid.scrollHeight;
  });
  await paneButton('一键校验').click();
  await page.waitForSelector(`${PANE} #findings-heading`);
  await paneIdle();
  const expected = Object.fromEntries([...fixture.planted].map(([a, p]) => [a, p.severity]));
  expect(await markedInGrid()).toEqual(expected);
  const listed = await listedInPane();
  expect(Object.fromEntries(listed)).toEqual(expected);
  expect(listed).toHaveLength(fixture.planted.size);

  const fills = await gridFills();
  const notes = await gridNotes();
  for (const [address, p] of fixture.planted) {
    expect([address, fills[address]]).toEqual([address, rgb(SEVERITY_FILL[p.severity])]);
    expectOurNote(notes[address], p.severity);
  }
  // The note is shown as a tooltip when the cell is pointed at.
  const [first] = [...fixture.planted.keys()];
  await page.locator(`${GRID} td[data-cell="${first}"]`).hover();
  await expect(page.locator(`${GRID} td[data-cell="${first}"] [role="tooltip"]`).isVisible()).resolves.toBe(true);
  await page.locator(PANE).screenshot({ path: join(ARTIFACTS, 'pane-after-validation.png') });
});

step('after 一键校验 the first error is selected and lies, with its note, inside the visible grid', async () => {
  await page.mouse.move(0, 0); // no hover tooltip of the previous step
  const first = [...fixture.planted].filter(([, p]) => p.severity === 'error').map(([a]) => a).sort(sheetOrder)[0];
  await page.waitForSelector(`${GRID} td[data-cell="${first}"][aria-selected="true"]`);
  expect(await selectedCells()).toEqual([first]);
  const area = await visibleGrid();
  const { cell, note } = await boxesOf(first);
  expect({ cell, inside: inside(cell, area) }).toEqual({ cell, inside: true });
  expect(note).not.toBeNull();
  expect({ note, inside: inside(note!, area) }).toEqual({ note, inside: true });
  await expect(page.locator(PANE).getByTestId('verdict').innerText()).resolves.toContain('暂不能提交：3 处错误');
  // One status: the page's banner says what the pane says.
  await expect(page.locator('.pg-status').innerText()).resolves.toContain('暂不能提交：3 处错误');
  // Clipped to what the guide needs, to keep the committed PNGs small.
  await page.screenshot({ path: join(GUIDE_IMAGES, 'playground-validated.png'), clip: { x: 0, y: 0, width: 1400, height: 640 } });
  await page.locator(PANE).screenshot({ path: join(GUIDE_IMAGES, 'pane-verdict.png') });
});

step('axe-core finds no serious or critical accessibility violation in the pane (or the page)', async () => {
  // Evaluated rather than added as a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const run = (selector: string) =>
    page.evaluate(async (context) => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
      // Fluent's focus manager (tabster) places <i data-tabster-dummy aria-hidden tabindex=0> sentinels beside a
      // focus trap; focus landing on one is moved on at once, so axe's aria-hidden-focus on them is a known false
      // positive. Everything else on the page is checked.
      const result = await axe.run({ include: [[context]], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target) }));
    }, selector);
  const grave = (vs: { impact: string }[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(grave(await run(PANE))).toEqual([]);
  expect(grave(await run('body'))).toEqual([]);
}, { changesPage: false });

step('the annotated workbook downloads with the marks, and values unchanged', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载已标注的工作簿' }).click()]);
  expect(download.suggestedFilename()).toBe('新华路街道-埋设缺陷（已标注）.xlsx');
  const path = await download.path();
  const marked = new ExcelJS.Workbook();
  await marked.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  const original = new ExcelJS.Workbook();
  await original.xlsx.load(fixture.bytes as unknown as ExcelJS.Buffer);
  const ws = marked.getWorksheet(fixture.sheet)!;
  const was = original.getWorksheet(fixture.sheet)!;
  for (const [address, p] of fixture.planted) {
    expect([address, (ws.getCell(address).fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([address, `FF${SEVERITY_FILL[p.severity].slice(1)}`]);
    const note = ws.getCell(address).note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expectOurNote(text, p.severity);
  }
  was.eachRow((row) =>
    row.eachCell((cell) => {
      expect([cell.address, ws.getCell(cell.address).value]).toEqual([cell.address, cell.value]);
    }),
  );
}, { changesPage: false });

step('clicking a finding selects its cell in the grid', async () => {
  const target = [...fixture.planted].find(([, p]) => p.code === 'REASON_MISSING')![0];
  await page.locator(`${PANE} button[data-cell="${target}"]`).click();
  await page.waitForSelector(`${GRID} td[data-cell="${target}"][aria-selected="true"]`);
  const selected = await page.$$eval(`${GRID} td[aria-selected="true"]`, (tds) => tds.map((td) => td.getAttribute('data-cell')));
  expect(selected).toEqual([target]);
});

step('上一个问题 / 下一个问题 walk every finding in sheet order, each cell brought into view', async () => {
  const order = [...fixture.planted.keys()].sort(sheetOrder);
  const prev = paneButton('上一个问题');
  const next = paneButton('下一个问题');
  while (await prev.isEnabled()) {
    await prev.click();
    await paneIdle();
  }
  const walked = [(await selectedCells())[0]];
  while (await next.isEnabled()) {
    await next.click();
    await paneIdle();
    const [at] = await selectedCells();
    walked.push(at);
    const { cell } = await boxesOf(at!);
    expect({ at, inside: inside(cell, await visibleGrid()) }).toEqual({ at, inside: true });
  }
  expect(walked).toEqual(order);
  // The keyboard does the same: Alt+↑ goes back one.
  await page.keyboard.press('Alt+ArrowUp');
  await page.waitForFunction((a) => document.querySelector(`table.sheet-grid td[data-cell="${a}"]`)?.getAttribute('aria-selected') === 'true', order.at(-2));
});

step('an edit in the grid followed by 一键校验 changes the findings', async () => {
  const rubric = loadBundled();
  const [address, defect] = [...fixture.planted].find(([, p]) => p.code === 'SCORE_ABOVE_MAX')!;
  const max = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses)).find((c) => c.id === defect.clauseId)!.max;
  await page.locator(`${GRID} td[data-cell="${address}"]`).dblclick();
  const editor = page.locator(`${GRID} input.cell-editor`);
  await editor.fill(String(max));
  await editor.press('Enter');
  await page.waitForFunction(() => !document.querySelector('table.sheet-grid input.cell-editor'));
  // The cell's own text, without the note tip the pointer may be showing.
  await expect(page.$eval(`${GRID} td[data-cell="${address}"]`, (td) => td.firstChild?.textContent)).resolves.toBe(String(max));
  await expect(page.locator('.pg-status').innerText()).resolves.toContain(`已修改 ${address}`);
  await paneButton('一键校验').click();
  await paneIdle();
  await page.waitForFunction((a) => !document.querySelector(`[data-testid="pane"] button[data-cell="${a}"]`), address);
  const listed = Object.fromEntries(await listedInPane());
  const expected = Object.fromEntries([...fixture.planted].filter(([a]) => a !== address).map(([a, p]) => [a, p.severity]));
  expect(listed).toEqual(expected);
  await expect(page.locator(PANE).getByTestId('verdict').innerText()).resolves.toContain('暂不能提交：2 处错误');
});

step('「清除标记」 brings back every cell\'s original fill and note', async () => {
  await paneButton('清除标记').click();
  await paneIdle();
  await page.waitForFunction((grid) => document.querySelectorAll(`${grid} td[data-severity]`).length === 0, GRID);
  expect(await gridFills()).toEqual(fillsBefore);
  expect(await gridNotes()).toEqual(notesBefore);
});

step('an opened .xlsx is read in the read worker; the page answers meanwhile, and 取消 (Enter) ends it, the workbook kept', async () => {
  // Every read so far went through the worker chunk, one worker each (and one started ahead for the next).
  expect(workers.length).toBeGreaterThanOrEqual(3);
  expect(workers.every((w) => /\/read-worker\.js$/.test(w.url()))).toBe(true);
  const before = workers.length;
  // The one started ahead is the one that will read.
  const reading = workers.at(-1)!;
  const closed = new Promise<void>((resolve) => reading.once('close', () => resolve()));
  // ~390,000 cells, inside the limits: seconds of work for ExcelJS.
  await page.setInputFiles('#pg-file', { name: '很大的表.xlsx', mimeType: XLSX, buffer: Buffer.from(inflatingXlsx(6, { refs: true })) });
  const cancel = page.getByRole('button', { name: '取消', exact: true });
  await cancel.waitFor();
  await expect(page.locator('.pg-status').innerText()).resolves.toContain('正在读取“很大的表.xlsx”');
  // The page's own thread is free while the worker reads: a frame is drawn and the read is still under way.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await expect(cancel.isVisible()).resolves.toBe(true);
  // 取消 has the focus (the read was started from the toolbar): Enter cancels.
  await page.waitForFunction(() => document.activeElement?.textContent === '取消');
  await page.keyboard.press('Enter');
  await closed;
  await page.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.includes('已取消读取“很大的表.xlsx”'));
  // And the next one is started ahead again.
  for (let i = 0; i < 100 && workers.length === before; i++) await page.waitForTimeout(100);
  expect(workers.length).toBe(before + 1);
  await page.waitForSelector('.playground[data-state="ready"]');
  expect(await gridFills()).toEqual(fillsBefore);
  expect(await gridNotes()).toEqual(notesBefore);
});

step('a workbook whose sheet inflates past 64 MB (its zip directory saying 1 KB) is refused by the limit\'s name; the workbook stays', async () => {
  await page.setInputFiles('#pg-file', { name: '炸弹.xlsx', mimeType: XLSX, buffer: Buffer.from(inflatingXlsx(90, { lie: true })) });
  await page.waitForFunction(() => document.querySelector('.pg-status')?.textContent?.includes('无法读取“炸弹.xlsx”'));
  await expect(page.locator('.pg-status').innerText()).resolves.toContain('超出读取上限：单个部件解压后的大小');
  await page.waitForSelector('.playground[data-state="ready"]');
  expect(await gridFills()).toEqual(fillsBefore);
  expect(await gridNotes()).toEqual(notesBefore);
});

step('at 350 px the page stacks the grid and the pane, both in view', async () => {
  await page.setViewportSize({ width: 350, height: 740 });
  const boxes = await page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return { sheet: box('.pg-sheet'), pane: box('[data-testid="pane"]'), cell: box('table.sheet-grid td[data-cell="A1"]') };
  });
  for (const part of [boxes.sheet, boxes.pane]) {
    expect(part.width).toBeGreaterThanOrEqual(340);
    expect(part.height).toBeGreaterThanOrEqual(150);
    expect(part.top).toBeGreaterThanOrEqual(0);
    expect(part.bottom).toBeLessThanOrEqual(740.5);
  }
  expect(boxes.pane.top).toBeGreaterThanOrEqual(boxes.sheet.bottom - 1);
  expect(boxes.cell.width).toBeGreaterThan(0);
  await expect(paneButton('一键校验').isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(GUIDE_IMAGES, 'playground-350px.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('the page asks nothing of any other origin and logs no error', async () => {
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => {
    if (u.startsWith('data:')) return false;
    return new URL(u).origin !== origin; // blob: URLs carry the page's origin
  });
  expect(foreign).toEqual([]);
  expect(requests.some((u) => u.endsWith('/playground.js'))).toBe(true);
  expect(pageErrors).toEqual([]);
});
