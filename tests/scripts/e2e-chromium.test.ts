/**
 * Which Chromium the e2e launcher picks (scripts/e2e-support.js): the system one when present, else the
 * one @sparticuz/chromium ships, E2E_CHROMIUM=bundled forcing the packaged one. The packaged binary is
 * really unpacked and started here, so a fresh clone with no browser is covered by `npm test` itself.
 */
import { existsSync } from 'fs';

type Support = typeof import('../../scripts/e2e-support');

/** A fresh copy of the launcher, loaded with `env` (CHROMIUM_PATH is read at load time). */
function loadWith(env: Record<string, string | undefined>): Support {
  return withEnvSync(env, () => {
    let mod: Support | undefined;
    jest.isolateModules(() => {
      mod = jest.requireActual<Support>('../../scripts/e2e-support');
    });
    return mod as Support;
  });
}

const OURS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('without a system Chromium the packaged one is chosen, with its flags and ours, and never the flags that lift web security', async () => {
  const support = loadWith({ CHROMIUM_PATH: '/nonexistent/chromium', E2E_CHROMIUM: undefined });
  expect(support.chromiumProblem()).toBeUndefined();
  const chosen = await withEnv({ CHROMIUM_PATH: '/nonexistent/chromium', E2E_CHROMIUM: undefined }, () => support.resolveChromium());
  expect(chosen.source).toBe('bundled');
  expect(existsSync(chosen.executablePath)).toBe(true);
  for (const flag of OURS) expect(chosen.args).toContain(flag);
  expect(chosen.args).toContain('--no-zygote'); // one of @sparticuz/chromium's own
  expect(chosen.args).not.toContain('--disable-web-security');
  expect(chosen.args.filter((a) => a.startsWith('--headless'))).toEqual(['--headless']);
}, 60_000);

test('E2E_CHROMIUM=bundled takes the packaged one even where a system Chromium exists, and it runs a page', async () => {
  const env = { CHROMIUM_PATH: process.execPath /* an executable that exists */, E2E_CHROMIUM: 'bundled' };
  const support = loadWith(env);
  const browser = await withEnv(env, () => support.launchChromium());
  try {
    expect(browser.source).toBe('bundled');
    await browser.page.setContent('<p id="t">评分助手</p>');
    await expect(browser.page.textContent('#t')).resolves.toBe('评分助手');
  } finally {
    await browser.close();
  }
}, 90_000);

test('with a system Chromium present and no override, the system one is chosen with our flags only', async () => {
  const env = { CHROMIUM_PATH: process.execPath, E2E_CHROMIUM: undefined };
  const support = loadWith(env);
  const chosen = await withEnv(env, () => support.resolveChromium());
  expect(chosen).toEqual({ source: 'system', executablePath: process.execPath, args: OURS });
});

test('E2E_CHROMIUM=system without a system Chromium, or a wrong value, is a clear error', async () => {
  const none = { CHROMIUM_PATH: '/nonexistent/chromium', E2E_CHROMIUM: 'system' };
  const support = loadWith(none);
  expect(withEnvSync(none, () => support.chromiumProblem())).toContain('E2E_CHROMIUM=system');
  await expect(withEnv(none, () => support.resolveChromium())).rejects.toThrow('/nonexistent/chromium');
  const wrong = { E2E_CHROMIUM: 'firefox' };
  expect(withEnvSync(wrong, () => loadWith(wrong).chromiumProblem())).toContain('auto、system 或 bundled');
});

function setEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const saved = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return saved;
}

function withEnvSync<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = setEnv(env);
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}

/** E2E_CHROMIUM is read when the launcher runs, CHROMIUM_PATH when it loads: both are set for the call too. */
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = setEnv(env);
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}
