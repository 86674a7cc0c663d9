import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { stringify } from 'yaml';
import { bundledRubricPath } from '../../src/cli/paths';
import { bundledRubric } from '../../src/host/bundled-rubric';
import { main } from '../../src/cli/main';
import { bundledPath, rawBundled } from './bundled';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundledRubricFile } = require('../../scripts/bundled-rubric-file') as { bundledRubricFile(): string };

describe('which rubric is bundled: data, not code', () => {
  const saved = process.env.RUBRIC_FILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.RUBRIC_FILE;
    else process.env.RUBRIC_FILE = saved;
  });

  it("defaults to package.json's config.rubric, for the add-in build and the CLI alike", () => {
    delete process.env.RUBRIC_FILE;
    expect(bundledRubricFile()).toBe(resolve(bundledPath));
    expect(bundledRubricPath()).toBe(resolve(bundledPath));
    expect(bundledRubric().id).toBe('changning-2023');
  });

  it('RUBRIC_FILE picks another year’s file: the CLI lints it by default', async () => {
    const data = rawBundled();
    data.id = 'changning-2024';
    data.title = '2024年长宁区社会救助绩效评价指标和评价标准';
    data.year = 2024;
    const file = join(mkdtempSync(join(tmpdir(), 'rubric-2024-')), 'changning-2024.yaml');
    writeFileSync(file, stringify(data));
    process.env.RUBRIC_FILE = file;
    expect(bundledRubricFile()).toBe(file);
    const out: string[] = [];
    const code = await main(['lint'], { out: (l) => out.push(l), err: (l) => out.push(l), exit: () => undefined });
    expect(code).toBe(0);
    expect(out[0]).toContain('2024年长宁区社会救助绩效评价指标和评价标准');
  });
});
