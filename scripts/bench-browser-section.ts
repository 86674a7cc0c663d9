/**
 * The playground's figures for `npm run bench` (issue 6): runs scripts/bench-browser.js (Chromium
 * through playwright-core: the system one, else the one @sparticuz/chromium ships, see
 * scripts/e2e-support.js) in its own process and reports its figures; when it fails the section says
 * so instead of failing the whole bench.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { packageRoot } from '../src/cli/paths';
import type { BenchSection, Figures } from './bench-util';

const ROOT = packageRoot(__dirname);

export const browserSection: BenchSection = {
  name: 'playground in Chromium (issue 6)',
  about:
    'production build in headless Chromium: ms from navigation start until 「一键校验」 is clickable and until the example is ' +
    'loaded and drawn (first load and median of 5); one validation of the example end to end, click → findings listed ' +
    '(first and median of 7); playground.js size (it carries HyperFormula, so it is not held to the pane\'s 200 KB; ExcelJS is in the read worker\'s chunk and loads with the download)',
  async run(): Promise<Figures> {
    const child = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-browser.js'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 15 * 60_000, // includes a production build when dist/ is stale
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) return { failed: `bench-browser exited with ${child.status ?? child.signal}` };
    try {
      return (JSON.parse(child.stdout) as { figures: Figures }).figures;
    } catch {
      return { failed: `bench-browser printed no JSON: ${child.stdout.slice(0, 200)}` };
    }
  },
};
