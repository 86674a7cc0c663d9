/**
 * What the browser test (tests/e2e) and the browser bench (scripts/bench-browser.js) share: Chromium
 * through playwright-core, a static server for dist/ on 127.0.0.1, and a build of dist/ when the
 * playground is missing or older than its sources. Plain Node, no dependencies beyond the repo's.
 *
 * Which Chromium: CHROMIUM_PATH when set; else the system one (/usr/bin/chromium) when present; else
 * the headless Chromium that the devDependency @sparticuz/chromium ships inside its npm package (so
 * `npm test` runs on a fresh clone with no browser installed). E2E_CHROMIUM=bundled forces the
 * packaged one even when a system Chromium exists (how the fallback itself is tested);
 * E2E_CHROMIUM=system refuses the fallback.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/** E2E_DIST serves another build of the page (e.g. a playground-only build while editing). */
const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
/** The system Chromium, used when present (CHROMIUM_PATH points elsewhere). */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Headless, and nothing that talks to Google's servers on its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** What the playground is built from; dist/playground.html older than any of these is stale. */
const BUILD_INPUTS = ['src', 'rubric', 'examples', 'assets', 'webpack.config.js', 'scripts/webpack', 'package.json', 'manifest.xml'];

/** 'system', 'bundled' or 'auto' (the default): which Chromium E2E_CHROMIUM asks for. */
function chromiumChoice() {
  const v = (process.env.E2E_CHROMIUM || 'auto').trim().toLowerCase();
  if (v === 'auto' || v === 'system' || v === 'bundled') return v;
  throw new Error(`E2E_CHROMIUM=${process.env.E2E_CHROMIUM}：只能是 auto、system 或 bundled (must be auto, system or bundled)`);
}

function systemChromiumUsable() {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function bundledChromiumModule() {
  try {
    const mod = require('@sparticuz/chromium');
    return mod.default || mod;
  } catch {
    return undefined;
  }
}

/** Why no Chromium can be used, or undefined when one can (the system one or the packaged one). */
function chromiumProblem() {
  let choice;
  try {
    choice = chromiumChoice();
  } catch (err) {
    return err.message;
  }
  if (choice !== 'bundled' && systemChromiumUsable()) return undefined;
  if (choice !== 'system' && bundledChromiumModule()) return undefined;
  if (choice === 'system') {
    return (
      `找不到可执行的 Chromium：${CHROMIUM}（E2E_CHROMIUM=system 不使用 npm 包里的 Chromium）。请安装（apt-get install chromium）或用 CHROMIUM_PATH 指定路径。\n` +
      `Chromium not found at ${CHROMIUM} and E2E_CHROMIUM=system refuses the packaged one. Install it or point CHROMIUM_PATH at it.`
    );
  }
  return (
    `找不到 Chromium：${CHROMIUM} 不存在，npm 包 @sparticuz/chromium 也未安装。请运行 npm install（或 npm ci），或用 CHROMIUM_PATH 指定路径。\n` +
    `No Chromium: nothing at ${CHROMIUM} and the devDependency @sparticuz/chromium is not installed. Run npm install (or npm ci), or set CHROMIUM_PATH.`
  );
}

/**
 * Flags of @sparticuz/chromium's list (made for AWS Lambda) that a test must not run with: the page's
 * same-origin rules are part of what the playground test checks (no request leaves the origin), and
 * its own --headless='shell' spelling is replaced by ours.
 */
const PACKAGED_ARGS_DROPPED = ['--disable-web-security', '--allow-running-insecure-content', '--headless'];

/**
 * The browser to launch: { source: 'system' | 'bundled', executablePath, args }. The packaged one is
 * unpacked by @sparticuz/chromium into the temp folder on first use; its own flags come first, ours
 * (CHROMIUM_ARGS) after, so ours win where both speak.
 */
async function resolveChromium() {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  const choice = chromiumChoice();
  if (choice !== 'bundled' && systemChromiumUsable()) return { source: 'system', executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] };
  const packaged = bundledChromiumModule();
  const executablePath = await packaged.executablePath();
  const own = packaged.args.filter((a) => !PACKAGED_ARGS_DROPPED.some((d) => a === d || a.startsWith(`${d}=`)));
  return { source: 'bundled', executablePath, args: [...own, ...CHROMIUM_ARGS.filter((a) => !own.includes(a))] };
}

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function playgroundIsStale() {
  const page = path.join(DIST, 'playground.html');
  if (!fs.existsSync(page) || !fs.existsSync(path.join(DIST, 'playground.js'))) return true;
  const built = fs.statSync(page).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

/** Runs the production build when dist/playground.html is missing or stale; throws when the build fails. */
function ensureBuilt(log = (line) => process.stderr.write(`${line}\n`)) {
  if (process.env.E2E_DIST) {
    // Someone else's build: used as it is, never rebuilt from here.
    if (!fs.existsSync(path.join(DIST, 'playground.html'))) throw new Error(`E2E_DIST=${DIST} holds no playground.html`);
    return false;
  }
  if (!playgroundIsStale()) return false;
  log('dist/playground.html 缺失或过期，正在构建 (dist/ is missing or stale: webpack --mode production)…');
  // webpack's report goes to stderr: stdout is kept for the caller's own output (bench --json).
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (!fs.existsSync(path.join(DIST, 'playground.html'))) throw new Error('the build finished without dist/playground.html');
  return true;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serves `root` read-only on 127.0.0.1 at a free port. Resolves to { url, close }. */
function startStaticServer(root = DIST) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let file;
    try {
      const pathname = decodeURIComponent(new URL(req.url || '/', 'http://127.0.0.1').pathname);
      file = path.resolve(base, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // Nothing outside the served folder, whatever the path says.
    if ((file !== base && !file.startsWith(base + path.sep)) || req.method !== 'GET') {
      res.writeHead(req.method === 'GET' ? 403 : 405).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * One headless Chromium with a fresh profile (a new --user-data-dir in the temp folder). Resolves to
 * { context, page, source, close }; close() also removes the profile. Throws with a clear message
 * when no Chromium can be had.
 */
async function launchChromium(options = {}) {
  const browser = await resolveChromium();
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-check-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      headless: true,
      args: browser.args,
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      timeout: 60_000,
      ...options,
    });
  } catch (err) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    source: browser.source,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { ROOT, DIST, CHROMIUM, CHROMIUM_ARGS, chromiumProblem, resolveChromium, ensureBuilt, playgroundIsStale, startStaticServer, launchChromium };
