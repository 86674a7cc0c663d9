/**
 * @jest-environment jsdom
 */
/**
 * manifest.xml checked offline (the online validator is unreachable here): it parses as XML (jsdom's
 * DOMParser), children appear in the order the Office add-in XSDs require, every resid is defined in the
 * right resource list and every definition is used, the parts share one runtime, and every
 * https://localhost:3000/… URL names a file the webpack build writes to dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, join } from 'path';

const ROOT = join(__dirname, '..', '..');
const DEV_ORIGIN = 'https://localhost:3000/';

const manifestText = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

const kids = (el: Element): Element[] => Array.from(el.children);
const names = (el: Element): string[] => kids(el).map((k) => k.localName);
const child = (el: Element, name: string): Element => {
  const found = kids(el).find((k) => k.localName === name);
  if (!found) throw new Error(`<${el.localName}> has no <${name}>`);
  return found;
};
const path = (el: Element, ...steps: string[]): Element => steps.reduce(child, el);
const xsiType = (el: Element): string | null => el.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type');
const all = (root: Element | Document, name: string): Element[] =>
  Array.from(root.getElementsByTagName('*')).filter((e) => e.localName === name);

/**
 * Child order from the XSD sequences (TaskPaneAppVersionOverridesV1_0 and the OfficeApp schema, as listed in
 * "How to find the proper order of manifest elements"). Optional children may be missing, but the ones
 * present must come in this order and nothing else may appear.
 */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  CustomFunctions: ['Script', 'Page', 'Metadata', 'Namespace'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  ShowTaskpane: ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

/** Problems with the order of `el`'s children against `sequence`: unknown children, or one out of order. */
function orderProblems(el: Element, sequence: string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const name of names(el)) {
    const at = sequence.indexOf(name);
    if (at < 0) problems.push(`<${el.localName}> may not contain <${name}>`);
    else if (at < last) problems.push(`<${name}> must come before <${sequence[last]}> in <${el.localName}>`);
    else last = at;
  }
  return problems;
}

/** Every order problem in the manifest's elements that have a known sequence. */
function allOrderProblems(doc: Document): string[] {
  const root = doc.documentElement;
  const vo = child(root, 'VersionOverrides');
  const problems = [...orderProblems(root, ORDER.OfficeApp!), ...orderProblems(vo, ORDER.VersionOverrides!)];
  for (const host of kids(child(vo, 'Hosts'))) {
    problems.push(...orderProblems(host, ORDER.Host!));
    // "The <Runtimes> section must be entered after the <Host> element": its first child.
    if (host.firstElementChild?.localName !== 'Runtimes') problems.push('<Runtimes> must be the first child of <Host>');
  }
  for (const el of all(vo, 'DesktopFormFactor')) problems.push(...orderProblems(el, ORDER.DesktopFormFactor!));
  for (const el of all(vo, 'ExtensionPoint').filter((e) => xsiType(e) === 'CustomFunctions')) {
    problems.push(...orderProblems(el, ORDER.CustomFunctions!));
  }
  for (const name of ['GetStarted', 'Group', 'Control', 'Supertip', 'Resources']) {
    for (const el of all(vo, name)) problems.push(...orderProblems(el, ORDER[name]!));
  }
  for (const el of all(vo, 'Action').filter((e) => xsiType(e) === 'ShowTaskpane')) problems.push(...orderProblems(el, ORDER.ShowTaskpane!));
  return problems;
}

/** Which resource list a resid must be defined in, by the element that references it. */
function residKind(el: Element): 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings' {
  switch (el.localName) {
    case 'Image':
      return 'Images';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
    case 'Runtime':
      return 'Urls';
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    default:
      throw new Error(`unexpected resid on <${el.localName}>`);
  }
}

const doc = parse(manifestText);
const root = doc.documentElement;
const vo = child(root, 'VersionOverrides');
const resources = child(vo, 'Resources');
const host = path(vo, 'Hosts', 'Host');

/** id → element, per resource list. */
function resourceIndex(): Record<string, Map<string, Element>> {
  const index: Record<string, Map<string, Element>> = {};
  for (const list of kids(resources)) index[list.localName] = new Map(kids(list).map((r) => [r.getAttribute('id')!, r]));
  return index;
}
const resourceValue = (list: string, id: string): string => resourceIndex()[list]!.get(id)!.getAttribute('DefaultValue')!;

describe('manifest.xml structure', () => {
  test('is a task pane add-in for Excel with the VersionOverrides 1.0 task pane schema', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(path(root, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(path(root, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(kids(child(root, 'Hosts')).map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(vo.namespaceURI).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(xsiType(vo)).toBe('VersionOverridesV1_0');
    expect(xsiType(host)).toBe('Workbook');
  });

  test('elements appear in the order the schemas require', () => {
    expect(allOrderProblems(doc)).toEqual([]);
  });

  test('the order check catches Runtimes moved after AllFormFactors, and a misplaced element', () => {
    const moved = parse(manifestText);
    const h = path(moved.documentElement, 'VersionOverrides', 'Hosts', 'Host');
    h.appendChild(child(h, 'Runtimes'));
    expect(allOrderProblems(moved)).toEqual(
      expect.arrayContaining(['<Runtimes> must be the first child of <Host>', '<Runtimes> must come before <DesktopFormFactor> in <Host>']),
    );
    const swapped = parse(manifestText);
    const app = swapped.documentElement;
    app.insertBefore(child(app, 'Permissions'), child(app, 'Hosts'));
    expect(allOrderProblems(swapped)).toContain('<Hosts> must come before <Permissions> in <OfficeApp>');
  });

  test('the base requirement is the lowest ExcelApi, so Excel 2016 and 2019 load the task pane', () => {
    const base = kids(path(root, 'Requirements', 'Sets')).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(base).toEqual([['ExcelApi', '1.1']]);
    expect(path(root, 'DefaultSettings', 'SourceLocation').getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  test('SupportUrl is present (required for Microsoft Marketplace)', () => {
    expect(child(root, 'SupportUrl').getAttribute('DefaultValue')).toMatch(/^https:\/\//);
  });

  test('ShowTaskpane carries no TaskpaneId: the shared runtime has one pane', () => {
    const actions = Array.from(vo.getElementsByTagName('Action')).filter((e) => xsiType(e) === 'ShowTaskpane');
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.getElementsByTagName('TaskpaneId')).toHaveLength(0);
  });

  test('every English locale Office reports gets the English strings', () => {
    const english = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IN', 'en-IE', 'en-NZ', 'en-SG', 'en-ZA'];
    const overridden = Array.from(doc.getElementsByTagName('*')).filter((el) => Array.from(el.children).some((o) => o.localName === 'Override'));
    expect(overridden.length).toBeGreaterThan(5);
    for (const el of overridden) {
      const locales = Array.from(el.children).filter((o) => o.localName === 'Override').map((o) => o.getAttribute('Locale'));
      if (locales.includes('zh-CN')) continue; // functions.zh-CN.json: Chinese help, English is the default
      for (const l of english) expect({ id: el.getAttribute('id') ?? el.localName, l, has: locales.includes(l) }).toEqual({ id: el.getAttribute('id') ?? el.localName, l, has: true });
    }
  });

  test('declares, inside VersionOverrides, the requirement sets the ribbon and the functions use', () => {
    const sets = new Map(
      kids(path(vo, 'Requirements', 'Sets')).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion') ?? '1.1']),
    );
    const atLeast = (version: string | undefined, min: string) => {
      const [a, b] = (version ?? '0.0').split('.').map(Number);
      const [c, d] = min.split('.').map(Number);
      return a! > c! || (a === c && b! >= d!);
    };
    expect(atLeast(sets.get('SharedRuntime'), '1.1')).toBe(true);
    // The ErrorCode options the functions use arrive in CustomFunctionsRuntime 1.3.
    expect(atLeast(sets.get('CustomFunctionsRuntime'), '1.3')).toBe(true);
  });

  test('is Chinese by default with English overrides', () => {
    expect(path(root, 'DefaultLocale').textContent).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(root, name);
      expect(el.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      expect(kids(el).map((o) => o.getAttribute('Locale'))).toContain('en-GB');
    }
  });
});

describe("Office's own manifest reader", () => {
  test('office-addin-manifest (used by npm start to sideload) reads it as this add-in', async () => {
    const { OfficeAddinManifest } = await import('office-addin-manifest');
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, 'manifest.xml'));
    expect(info).toMatchObject({
      id: path(root, 'Id').textContent,
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      defaultLocale: 'zh-CN',
      displayName: '评分助手',
      defaultSettings: { sourceLocation: `${DEV_ORIGIN}taskpane.html` },
    });
  });
});

describe('resources', () => {
  test('every resid is defined in the list its element reads from, and every resource is used', () => {
    const index = resourceIndex();
    const used = new Set<string>();
    for (const el of Array.from(vo.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'))) {
      const kind = residKind(el);
      const id = el.getAttribute('resid')!;
      expect({ id, kind, defined: index[kind]?.has(id) ?? false }).toEqual({ id, kind, defined: true });
      used.add(`${kind}/${id}`);
    }
    for (const [kind, entries] of Object.entries(index)) for (const id of entries.keys()) expect(used).toContain(`${kind}/${id}`);
  });

  test('resource ids are unique and strings fit their limits', () => {
    const ids = kids(resources).flatMap((list) => kids(list).map((r) => r.getAttribute('id')));
    expect(new Set(ids).size).toBe(ids.length);
    const strings = (list: string) =>
      kids(child(resources, list)).flatMap((s) => [s.getAttribute('DefaultValue')!, ...kids(s).map((o) => o.getAttribute('Value')!)]);
    for (const s of strings('ShortStrings')) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of strings('LongStrings')) expect(s.length).toBeLessThanOrEqual(250);
  });

  test('every user-visible string has an en-US override; the namespace stays RUBRIC in every language', () => {
    for (const list of ['ShortStrings', 'LongStrings']) {
      for (const s of kids(child(resources, list))) {
        if (s.getAttribute('id') === 'Functions.Namespace') {
          expect(s.getAttribute('DefaultValue')).toBe('RUBRIC');
          expect(kids(s)).toEqual([]);
          continue;
        }
        expect(s.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
        expect(kids(s).map((o) => o.getAttribute('Locale'))).toEqual(expect.arrayContaining(['en-US', 'en-GB', 'en-AU']));
      }
    }
  });
});

describe('one shared runtime', () => {
  test('runtime, function page, function file and task pane all name Taskpane.Url', () => {
    const runtimes = kids(child(host, 'Runtimes'));
    expect(runtimes.map((r) => [r.getAttribute('resid'), r.getAttribute('lifetime')])).toEqual([['Taskpane.Url', 'long']]);
    const cf = path(host, 'AllFormFactors', 'ExtensionPoint');
    expect(xsiType(cf)).toBe('CustomFunctions');
    expect(path(cf, 'Page', 'SourceLocation').getAttribute('resid')).toBe('Taskpane.Url');
    expect(path(host, 'DesktopFormFactor', 'FunctionFile').getAttribute('resid')).toBe('Taskpane.Url');
    const showPane = all(host, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane');
    expect(showPane.map((a) => child(a, 'SourceLocation').getAttribute('resid'))).toEqual(['Taskpane.Url']);
    expect(path(root, 'DefaultSettings', 'SourceLocation').getAttribute('DefaultValue')).toBe(resourceValue('Urls', 'Taskpane.Url'));
  });

  test('custom functions in the RUBRIC namespace, with Chinese metadata for zh-CN', () => {
    const cf = path(host, 'AllFormFactors', 'ExtensionPoint');
    expect(resourceValue('ShortStrings', path(cf, 'Namespace').getAttribute('resid')!)).toBe('RUBRIC');
    const metadataId = path(cf, 'Metadata', 'SourceLocation').getAttribute('resid')!;
    const metadata = resourceIndex().Urls!.get(metadataId)!;
    expect(metadata.getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}functions.json`);
    expect(kids(metadata).map((o) => [o.localName, o.getAttribute('Locale'), o.getAttribute('Value')])).toEqual([
      ['Override', 'zh-CN', `${DEV_ORIGIN}functions.zh-CN.json`],
    ]);
    expect(resourceValue('Urls', path(cf, 'Script', 'SourceLocation').getAttribute('resid')!)).toBe(`${DEV_ORIGIN}functions.js`);
  });

  test('a 评分助手 group on the Home tab with 一键校验 and 打开评分助手', () => {
    const tab = path(host, 'DesktopFormFactor', 'ExtensionPoint', 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = child(tab, 'Group');
    const label = (el: Element) => resourceValue('ShortStrings', child(el, 'Label').getAttribute('resid')!);
    expect(label(group)).toBe('评分助手');
    const controls = kids(group).filter((k) => k.localName === 'Control');
    expect(controls.map((c) => [label(c), xsiType(child(c, 'Action'))])).toEqual([
      ['一键校验', 'ExecuteFunction'],
      ['打开评分助手', 'ShowTaskpane'],
    ]);
    expect(path(controls[0]!, 'Action', 'FunctionName').textContent).toBe('validateFromRibbon');
    for (const el of [group, ...controls]) {
      expect(kids(child(el, 'Icon')).map((i) => i.getAttribute('size'))).toEqual(expect.arrayContaining(['16', '32', '80']));
    }
  });
});

describe('every URL points at a file the build produces', () => {
  /** dist/ paths the production webpack config writes: entries, pages, metadata files and copied files. */
  function builtFiles(): Set<string> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => any;
    const config = makeConfig({}, { mode: 'production' });
    const files = new Set<string>(Object.keys(config.entry).map((name) => `${name}.js`));
    for (const plugin of config.plugins) {
      const name = plugin.constructor.name as string;
      if (name === 'HtmlWebpackPlugin') files.add(plugin.userOptions.filename);
      else if (name === 'CustomFunctionsMetadataPlugin') files.add(plugin.options.output);
      else if (name === 'LocalizedFunctionsMetadataPlugin') files.add(plugin.output);
      else if (name === 'CopyPlugin') {
        for (const { from, to } of plugin.patterns as { from: string; to: string }[]) {
          const glob = /^(.*)\/\*(\.[a-z]+)$/.exec(from);
          if (!glob) {
            if (existsSync(join(ROOT, from))) files.add(to);
            continue;
          }
          const [, dir, ext] = glob;
          for (const f of readdirSync(join(ROOT, dir!)).filter((x) => x.endsWith(ext!))) {
            files.add(to.replace('[name]', basename(f, ext)).replace('[ext]', ext!));
          }
        }
      }
    }
    return files;
  }

  test('each https://localhost:3000/X is dist/X', () => {
    const urls = Array.from(doc.getElementsByTagName('*')).flatMap((el) =>
      ['DefaultValue', 'Value'].map((a) => el.getAttribute(a)).filter((v): v is string => v?.startsWith('https://') ?? false),
    );
    expect(urls.length).toBeGreaterThan(5);
    const built = builtFiles();
    for (const url of urls) {
      expect(url.startsWith(DEV_ORIGIN)).toBe(true);
      expect({ url, built: built.has(url.slice(DEV_ORIGIN.length)) }).toEqual({ url, built: true });
    }
    // The page the shared runtime loads also runs the ribbon commands and the custom functions.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pages = require(join(ROOT, 'webpack.config.js')).PAGES as { filename: string; chunks: string[] }[];
    expect(pages.find((p) => p.filename === 'taskpane.html')?.chunks).toEqual(['commands', 'functions', 'taskpane']);
  });
});
