/**
 * taskpane.html in the webviews volume-licensed Excel 2016/2019 use (Internet Explorer 11's Trident, Edge
 * Legacy's EdgeHTML), where the pane's bundle cannot run: the page's own ES5 check shows what to do instead of a
 * blank pane, and stays out of the way everywhere else.
 */
import { parse } from 'acorn';
import { readFileSync } from 'fs';
import { JSDOM, ResourceLoader } from 'jsdom';
import { join } from 'path';

const template = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8').replace('<%= officeJs %>', 'about:blank');
const inline = [...template.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

const UA = {
  trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  edgehtml:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  webview2:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  wkwebview: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
};

async function open(userAgent: string) {
  // The user agent is the resource loader's in jsdom; about:blank stands for office.js, so nothing is fetched.
  const dom = new JSDOM(template, { runScripts: 'dangerously', resources: new ResourceLoader({ userAgent }) });
  expect(dom.window.navigator.userAgent).toBe(userAgent);
  // office.js comes first and blocks the parser, as in Office: the check runs once it has loaded.
  await new Promise((done) => dom.window.addEventListener('load', done));
  const doc = dom.window.document;
  return {
    oldWebview: (dom.window as unknown as { RubricCheckOldWebview?: string }).RubricCheckOldWebview,
    marked: doc.documentElement.classList.contains('old-webview'),
    message: doc.getElementById('old-webview'),
  };
}

test('the check is one inline script Trident can run: ECMAScript 5', () => {
  expect(inline).toHaveLength(1);
  expect(() => parse(inline[0], { ecmaVersion: 5 })).not.toThrow();
});

test.each([
  ['trident', UA.trident],
  ['edgehtml', UA.edgehtml],
])('in %s the page is marked, so the message shows and the pane root is hidden', async (kind, ua) => {
  const page = await open(ua);
  expect(page.oldWebview).toBe(kind);
  expect(page.marked).toBe(true);
  expect(page.message?.textContent).toContain('WebView2');
  expect(page.message?.textContent).toContain('Excel 网页版');
  expect(page.message?.querySelector('a')?.getAttribute('href')).toBe('playground.html');
  // The stylesheet is what shows it: .old-webview #old-webview { display: block } and #root hidden.
  expect(template).toMatch(/\.old-webview #old-webview \{\s*display: block;/);
  expect(template).toMatch(/\.old-webview #root \{\s*display: none;/);
});

test.each([
  ['WebView2 (Edge Chromium, "Edg/")', UA.webview2],
  ['WKWebView (Mac)', UA.wkwebview],
])('in %s nothing is marked and the pane mounts as usual', async (_, ua) => {
  const page = await open(ua);
  expect(page.oldWebview).toBeUndefined();
  expect(page.marked).toBe(false);
});
