/**
 * Build options for the real world (issue 13, points 7 and 9): Office.js from 21Vianet's CDN for
 * China's Microsoft 365 (OFFICE_CLOUD=21vianet), the deployment URL written into manifest.xml
 * (ADDIN_URL=https://…), the dev server on localhost at package.json's config.dev_server_port, and a
 * missing dev certificate failing loudly with the command to run. The webpack config function is run
 * as webpack runs it; no build is made.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(join(ROOT, 'webpack.config.js'));
const CHINA = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';

function configWith(env: Record<string, string | undefined>) {
  const saved = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return webpackConfig({}, { mode: 'production' });
  } finally {
    process.env = saved;
  }
}

const taskpanePage = (config: { plugins: unknown[] }) =>
  config.plugins.find((p) => p instanceof HtmlWebpackPlugin && (p as HtmlWebpackPlugin).userOptions.filename === 'taskpane.html') as HtmlWebpackPlugin;

test('OFFICE_CLOUD=21vianet loads Office.js from the 21Vianet CDN; the default is the global one; anything else is refused', () => {
  expect(taskpanePage(configWith({ OFFICE_CLOUD: '21vianet' })).userOptions.templateParameters).toEqual({ officeJs: CHINA });
  expect(taskpanePage(configWith({ OFFICE_CLOUD: undefined })).userOptions.templateParameters).toEqual({
    officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  });
  expect(() => configWith({ OFFICE_CLOUD: 'gcc' })).toThrow(/OFFICE_CLOUD=gcc/);
  // The page takes the URL from the build, not a hard-coded one.
  const template = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  expect(template).toContain('<script type="text/javascript" src="<%= officeJs %>"></script>');
  expect(template).not.toContain('appsforoffice.microsoft.com');
});

test('ADDIN_URL writes the deployment URL into the built manifest.xml, every dev URL replaced', () => {
  const config = configWith({ ADDIN_URL: 'https://addin.example.cn/rubric-check/' });
  const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin') as {
    patterns: { from: string; transform?: (c: Buffer) => string }[];
  };
  const pattern = copy.patterns.find((p) => p.from === 'manifest.xml')!;
  const built = pattern.transform!(readFileSync(join(ROOT, 'manifest.xml')));
  expect(built).not.toContain('localhost');
  expect(built).toContain('<SourceLocation DefaultValue="https://addin.example.cn/rubric-check/taskpane.html"/>');
  expect(built).toContain('https://addin.example.cn/rubric-check/functions.json');
  // Without ADDIN_URL the manifest is copied as it is.
  const dev = configWith({ ADDIN_URL: undefined }).plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
  const source = readFileSync(join(ROOT, 'manifest.xml'));
  expect(dev.patterns.find((p: { from: string }) => p.from === 'manifest.xml').transform(source)).toBe(source.toString());
  for (const bad of ['http://addin.example.cn', 'addin.example.cn', 'https://x.cn/?a=1']) expect(() => configWith({ ADDIN_URL: bad })).toThrow(/ADDIN_URL/);
});

test('the dev server listens on localhost only, at package.json config.dev_server_port', () => {
  const config = configWith({});
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const port = require(join(ROOT, 'package.json')).config.dev_server_port;
  expect(port).toBe(3000);
  expect(config.devServer).toMatchObject({ host: 'localhost', port });
});

test('a missing dev certificate fails loudly with the command to run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'no-certs-'));
  try {
    expect(() => webpackConfig.httpsOptions(dir)).toThrow(/npx office-addin-dev-certs install/);
    expect(() => webpackConfig.httpsOptions(dir)).toThrow(/缺少开发证书/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
