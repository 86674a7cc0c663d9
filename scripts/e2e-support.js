/**
 * What the browser test (tests/e2e) and the browser bench (scripts/bench-browser.js) share: Debian's
 * Chromium through playwright-core, a static server for dist/ on 127.0.0.1, and a build of dist/ when
 * the playground is missing or older than its sources. Plain Node, no dependencies beyond the repo's.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/** E2E_DIST serves another build of the page (e.g. a playground-only build while editing). */
const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
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

/** Why Chromium cannot be used, or undefined when it can. */
function chromiumProblem() {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return undefined;
  } catch {
    return (
      `找不到可执行的 Chromium：${CHROMIUM}。请安装（Debian/Ubuntu：apt-get install chromium），或用 CHROMIUM_PATH 指定路径。\n` +
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install chromium) or point CHROMIUM_PATH at it.`
    );
  }
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
 * One headless Chromium with a fresh profile. Resolves to { context, page, close }; close() also
 * removes the profile. Throws with a clear message when Chromium is missing.
 */
async function launchChromium(options = {}) {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-check-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
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
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { ROOT, DIST, CHROMIUM, CHROMIUM_ARGS, chromiumProblem, ensureBuilt, playgroundIsStale, startStaticServer, launchChromium };
