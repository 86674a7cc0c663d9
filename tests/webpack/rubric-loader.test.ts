/**
 * scripts/webpack/rubric-loader.js: the build-time check of rubric/*.yaml must give the same verdict as
 * parseRubric (what the CLI runs on a --rubric file), and a broken rubric must fail a real webpack build
 * with the file, the path inside it and what is wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import webpack from 'webpack';
import { stringify } from 'yaml';
import { parseRubric, RubricFileError } from '../../src/engine/rubric-load';
import { checkRubric } from '../../scripts/webpack/rubric-loader';
import { bundledPath, bundledText, rawBundled } from '../rubric/bundled';

const ROOT = join(__dirname, '..', '..');
const LOADER = join(ROOT, 'scripts', 'webpack', 'rubric-loader.js');

/** parseRubric's verdict in the loader's shape. */
function parseVerdict(text: string) {
  try {
    return { rubric: parseRubric(text, 'x.yaml') };
  } catch (err) {
    if (!(err instanceof RubricFileError)) throw err;
    return { problems: err.problems };
  }
}

/** Broken copies of the bundled rubric, one kind of defect (or several) each. */
const BROKEN: [string, () => string][] = [
  [
    'a negative clause maximum',
    () => {
      const data = rawBundled();
      data.categories[2].items[5].clauses[0].max = -1;
      return stringify(data);
    },
  ],
  [
    'a missing field, an unknown field and an unknown rule kind',
    () => {
      const data = rawBundled();
      delete data.categories[0].items[1].name;
      data.categories[1].items[0].clauses[0].colour = 'red';
      data.categories[3].items[0].clauses[0].rule = { kind: 'guess' };
      return stringify(data);
    },
  ],
  [
    'a rule without its parameter',
    () => {
      const data = rawBundled();
      delete data.categories[1].items[2].clauses[0].rule.perCase;
      return stringify(data);
    },
  ],
  [
    'a wrong type and a wrong category kind',
    () => {
      const data = rawBundled();
      data.title = 5;
      data.categories[0].kind = 'extra';
      return stringify(data);
    },
  ],
  ['text that is not YAML', () => 'id: x\n  title: [unclosed'],
  ['a list where the rubric object belongs', () => '- a\n- b\n'],
];

describe('the rubric loader agrees with parseRubric', () => {
  it('accepts the bundled rubric and yields the same object', () => {
    const verdict = checkRubric(bundledText());
    expect(verdict.problems).toBeUndefined();
    expect(verdict).toEqual(parseVerdict(bundledText()));
  });

  it.each(BROKEN)('rejects %s with the same problems', (_name, text) => {
    const verdict = checkRubric(text());
    expect(verdict.problems?.length).toBeGreaterThan(0);
    expect(verdict).toEqual(parseVerdict(text()));
  });

  it('refuses a number JSON cannot carry (.inf), at its path, rather than ship null', () => {
    const data = rawBundled();
    data.categories[2].items[5].clauses[0].max = Infinity;
    expect(checkRubric(stringify(data)).problems).toEqual([
      { path: 'categories[2].items[5].clauses[0].max', message: expect.stringContaining('number'), en: 'must be number' },
    ]);
  });
});

describe('webpack.config.js', () => {
  it('sends the bundled rubric through the loader, and no other rule matches it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
    const matching = (config.module.rules as { test: RegExp; include?: string; use?: unknown }[]).filter(
      (rule) => rule.test.test(bundledPath) && (rule.include === undefined || bundledPath.startsWith(rule.include)),
    );
    expect(matching).toEqual([expect.objectContaining({ use: LOADER })]);
  });
});

describe('a webpack build through the loader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rubric-loader-'));
    writeFileSync(join(dir, 'entry.js'), "import rubric from './rubric.yaml';\nexport default rubric;\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function build(): Promise<webpack.Stats> {
    const compiler = webpack({
      mode: 'production',
      context: dir,
      entry: './entry.js',
      target: 'node',
      output: { path: join(dir, 'out'), filename: 'bundle.js', library: { type: 'commonjs2' } },
      module: { rules: [{ test: /\.ya?ml$/, use: LOADER }] },
      optimization: { minimize: false },
    });
    return new Promise((resolve, reject) =>
      compiler.run((err, stats) => compiler.close(() => (err || !stats ? reject(err ?? new Error('no stats')) : resolve(stats)))),
    );
  }

  it('bundles the checked object, equal to what parseRubric reads from the file', async () => {
    writeFileSync(join(dir, 'rubric.yaml'), bundledText());
    const stats = await build();
    expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
    const bundle = readFileSync(join(dir, 'out', 'bundle.js'), 'utf8');
    // Neither a YAML parser nor Ajv reaches the bundle: only the data.
    expect(bundle).not.toMatch(/YAMLParseError|ajv/i);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(join(dir, 'out', 'bundle.js')).default).toEqual(parseRubric(bundledText(), bundledPath));
  }, 60_000);

  it('fails with the file, the path inside it and what is wrong', async () => {
    const data = rawBundled();
    data.categories[2].items[5].clauses[0].max = -1;
    writeFileSync(join(dir, 'rubric.yaml'), stringify(data));
    const stats = await build();
    expect(stats.hasErrors()).toBe(true);
    const messages = stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message);
    expect(messages).toEqual([expect.stringContaining('rubric.yaml: categories[2].items[5].clauses[0].max: 应 >= 0 (must be >= 0)')]);
  }, 60_000);
});
