/**
 * The district summary page (`compare --html`) opened in Chromium: its three charts are there as SVG
 * with their marks drawn, the tables hold the 街镇, and no request leaves the page — not even to its
 * own origin beyond the page itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { launchChromium, startStaticServer } from '../../scripts/e2e-support';
import { compareSheets, type CompareInput } from '../../src/engine/compare/compare';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { comparisonPage } from '../../src/report/comparison-page';
import { loadBundled } from '../rubric/bundled';
import { districtPlan } from '../cli/district-workbooks';

// Launching Chromium and drawing ten sheets takes a while on a loaded machine.
jest.setTimeout(120_000);

const NAMES = ['江苏路街道', '华阳路街道', '新华路街道', '天山路街道', '周家桥街道', '虹桥街道', '仙霞新村街道', '程家桥街道', '北新泾街道', '新泾镇'];

let dir: string;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
const requests: string[] = [];

beforeAll(async () => {
  const rubric = loadBundled();
  const inputs: CompareInput[] = NAMES.map((name, i) => {
    const sheet = districtPlan(rubric, {
      name,
      review: i % 2 === 0 ? 'agree' : 'none',
      edit: (p) => {
        if (i % 3 === 0) {
          p.set('1.1.1', 'score', 5 - i / 3);
          p.set('1.1.1', 'reason', '宣传不足');
        }
      },
    }).sheet();
    return { file: `${name}.xlsx`, sheet, result: validateSheet(sheet, rubric), stamp: 'absent' };
  });
  dir = mkdtempSync(join(tmpdir(), 'rubric-page-'));
  writeFileSync(join(dir, 'summary.html'), comparisonPage(compareSheets(rubric, inputs), new Date()));
  server = await startStaticServer(dir);
  browser = await launchChromium();
  browser.page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the page shows the ranking table and three drawn charts, and requests nothing but itself', async () => {
  const { page } = browser;
  await page.goto(`${server.url}/summary.html`);
  expect(await page.locator('#ranking tbody tr').count()).toBe(10);
  for (const id of ['#chart-ranking', '#chart-categories', '#chart-heatmap']) {
    const svg = page.locator(`${id} svg`);
    expect(await svg.count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    expect(box?.height).toBeGreaterThan(100);
  }
  // Ten bars in the ranking, one heat-map cell per clause and 街镇 (the page draws them, not a script).
  expect(await page.locator('#chart-ranking svg path').count()).toBeGreaterThanOrEqual(10);
  expect(await page.locator('#chart-ranking svg text', { hasText: '新泾镇' }).count()).toBe(1);
  expect(await page.locator('#chart-heatmap svg path').count()).toBeGreaterThan(10 * 50);
  expect(await page.locator('script').count()).toBe(0);
  expect(requests).toEqual([`${server.url}/summary.html`]);
});

test('it prints: the print layout renders to a PDF of several pages', async () => {
  const pdf = await browser.page.pdf({ format: 'A4', landscape: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(3);
});
