#!/usr/bin/env node
/**
 * `npm run test:e2e`: the playground in Chromium (tests/e2e/*.e2e.ts): the system one when present, else
 * the one the devDependency @sparticuz/chromium ships (E2E_CHROMIUM=bundled forces it; see
 * scripts/e2e-support.js). Checks that a Chromium can be had, builds dist/ when the playground is missing or stale, runs the browser tests with Jest in this
 * process, and ends with one line, `e2e: N passed, M failed`; the exit code is non-zero on any failure.
 * It never waits forever: a watchdog ends the run after WATCHDOG_MS.
 * E2E_DIST=<folder> serves that build as it is instead (never rebuilt), e.g. E2E_DIST=dist for a quick rerun.
 */
const path = require('path');
const { chromiumProblem, ensureBuilt, resolveChromium, ROOT } = require('./e2e-support');

const WATCHDOG_MS = 5 * 60_000;

function finish(passed, failed, why) {
  if (why) process.stderr.write(`${why}\n`);
  process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 || why ? 1 : 0);
}

async function main() {
  const problem = chromiumProblem();
  if (problem) return finish(0, 1, `e2e: ${problem}`);
  try {
    const browser = await resolveChromium();
    process.stderr.write(`e2e: Chromium (${browser.source === 'system' ? 'system' : 'packaged, @sparticuz/chromium'}) ${browser.executablePath}\n`);
  } catch (err) {
    return finish(0, 1, `e2e: Chromium 无法准备 (could not prepare Chromium): ${err.message}`);
  }
  try {
    ensureBuilt();
  } catch (err) {
    return finish(0, 1, `e2e: 构建失败，无法运行浏览器测试 (the build failed): ${err.message}`);
  }

  const watchdog = setTimeout(() => finish(0, 1, `e2e: 超过 ${WATCHDOG_MS / 60_000} 分钟仍未结束，已中止 (timed out)`), WATCHDOG_MS);
  watchdog.unref();

  const config = {
    rootDir: ROOT,
    roots: ['<rootDir>/tests/e2e'],
    testMatch: ['**/*.e2e.ts'],
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: path.join(ROOT, 'tsconfig.test.json') }], '\\.yaml$': path.join(ROOT, 'tests/support/yaml-transform.js') },
    testTimeout: 60_000,
  };
  const { runCLI } = require('jest');
  const { results } = await runCLI({ _: [], $0: 'e2e', config: JSON.stringify(config), runInBand: true, ci: true }, [ROOT]);
  clearTimeout(watchdog);
  const suiteErrors = results.testResults.filter((r) => r.testExecError).length;
  // A suite that failed to load (or a failing beforeAll) has tests that never ran: count it as failed.
  const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || suiteErrors);
  finish(results.numPassedTests, failed, results.numTotalTests === 0 && failed === 0 ? 'e2e: no browser test ran' : undefined);
}

main().catch((err) => finish(0, 1, `e2e: ${err && err.stack ? err.stack : err}`));
