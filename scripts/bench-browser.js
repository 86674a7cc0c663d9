#!/usr/bin/env node
/**
 * Browser figures for `npm run bench` (issue 6), in Chromium (system or packaged, scripts/e2e-support.js) against the production build:
 *   - navigation → interactive pane: until 「一键校验」 can be clicked, and until the example workbook is
 *     loaded and drawn (page ready), measured in the page from navigation start; first load and median;
 *   - one validation of the example end to end: click 「一键校验」 → findings listed and the pane idle
 *     (read, validate, mark, render), measured in the page; first run and median;
 *   - the playground bundle's size, raw and gzip.
 * `--json` prints one JSON document { name, about, figures }. Figures only; nothing is asserted.
 * Builds dist/ first when it is missing or stale; fails clearly (exit 1) when no Chromium can be had.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromiumProblem, ensureBuilt, DIST, ROOT, launchChromium, startStaticServer } = require('./e2e-support');

const SAMPLE = '江苏路街道-2023-自评表.xlsx';
const LOADS = 5;
const VALIDATIONS = 7;
const ABOUT =
  'playground in Chromium: navigation → 「一键校验」 clickable and → example loaded and drawn (ms from navigation start, first and median of ' +
  `${LOADS} loads); one validation of the example end to end, click → findings listed (first and median of ${VALIDATIONS}); bundle size`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

/** In the page: ms from navigation start until the validate button is enabled and until the page is ready. */
async function measureLoad(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const found = { pane: undefined, ready: undefined };
        const check = () => {
          const button = [...document.querySelectorAll('[data-testid="pane"] button')].find((b) => b.textContent.trim() === '一键校验');
          if (found.pane === undefined && button && !button.disabled) found.pane = performance.now();
          if (found.ready === undefined && document.querySelector('.playground[data-state="ready"] table.sheet-grid td[data-cell]')) {
            found.ready = performance.now();
          }
          if (found.pane !== undefined && found.ready !== undefined) {
            observer.disconnect();
            resolve(found);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, attributes: true });
        check();
      }),
  );
}

/** In the page: ms from the click on 「一键校验」 until the findings are listed and the pane is idle again. */
async function measureValidation(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const pane = document.querySelector('[data-testid="pane"]');
        const button = [...pane.querySelectorAll('button')].find((b) => b.textContent.trim() === '一键校验');
        if (!button || button.disabled) return reject(new Error('一键校验 is not clickable'));
        let t0;
        const observer = new MutationObserver(() => {
          const done = pane.querySelector('#findings-heading') && pane.querySelector('main[aria-busy="false"]');
          if (done) {
            const ms = performance.now() - t0;
            observer.disconnect();
            resolve({ ms, findings: pane.querySelectorAll('button[data-cell]').length });
          }
        });
        observer.observe(pane, { subtree: true, childList: true, attributes: true });
        t0 = performance.now();
        button.click();
      }),
  );
}

async function clearMarks(page) {
  await page.locator('[data-testid="pane"]').getByRole('button', { name: '清除标记', exact: true }).click();
  await page.waitForSelector('[data-testid="pane"] main[aria-busy="false"]');
  await page.waitForFunction(() => !document.querySelector('table.sheet-grid td[data-severity]'));
}

async function run() {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  ensureBuilt();
  const bundle = fs.readFileSync(path.join(DIST, 'playground.js'));
  const server = await startStaticServer();
  const browser = await launchChromium();
  try {
    const { page } = browser;
    page.setDefaultTimeout(60_000);
    const url = `${server.url}/playground.html`;
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(page, url));
    await page.waitForSelector('.playground[data-state="ready"]');
    const status = await page.locator('.pg-status').innerText();
    const sampleBuiltIn = status.includes(SAMPLE);
    if (!sampleBuiltIn) {
      // The build did not copy examples/ beside the page: open the example through the file input instead.
      await page.setInputFiles('#pg-file', path.join(ROOT, 'examples', SAMPLE));
      await page.waitForFunction((f) => document.querySelector('.pg-status')?.textContent?.includes(f), SAMPLE);
    }
    const validations = [];
    for (let i = 0; i < VALIDATIONS; i++) {
      validations.push(await measureValidation(page));
      await clearMarks(page);
    }
    const paneMs = loads.map((l) => l.pane);
    const readyMs = loads.map((l) => l.ready);
    const validateMs = validations.map((v) => v.ms);
    return {
      navToPaneInteractiveFirstMs: round(paneMs[0]),
      navToPaneInteractiveMedianMs: round(median(paneMs)),
      navToExampleShownFirstMs: round(readyMs[0]),
      navToExampleShownMedianMs: round(median(readyMs)),
      validateEndToEndFirstMs: round(validateMs[0]),
      validateEndToEndMedianMs: round(median(validateMs)),
      findingsListed: validations[0].findings,
      exampleServedWithPage: sampleBuiltIn ? 'yes' : 'no (opened through the file input)',
      bundleKB: round(bundle.length / 1024),
      bundleGzipKB: round(zlib.gzipSync(bundle, { level: 9 }).length / 1024),
      chromium: `${(await browser.context.browser()?.version()) ?? 'unknown'} (${browser.source})`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const json = process.argv.includes('--json');
run()
  .then((figures) => {
    if (json) process.stdout.write(`${JSON.stringify({ name: 'playground in Chromium (issue 6)', about: ABOUT, figures }, null, 2)}\n`);
    else {
      process.stdout.write(`playground in Chromium (issue 6)\n  ${ABOUT}\n`);
      for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k}: ${v}\n`);
    }
  })
  .catch((err) => {
    process.stderr.write(`bench-browser: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  });
