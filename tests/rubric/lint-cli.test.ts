import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main';
import { rawBundled } from './bundled';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), exit: () => undefined });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rubric-check lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-'));

  it('prints the category sums and the 最低生活保障 warning, exit 0', async () => {
    const { code, out } = await run('lint');
    expect(code).toBe(0);
    expect(out).toMatch(/年度重点工作任务: 25 \/ 25/);
    expect(out).toMatch(/成效评价: 10 \/ 10/);
    expect(out).toMatch(/base total\): 100 \/ 100/);
    expect(out).toMatch(/warning STATED_POINTS \[3\.1\.1\]/);
  });

  it('exits 1 with the path when the rubric has an error', async () => {
    const data = rawBundled();
    data.categories[4].items[0].max = 7;
    const file = join(dir, 'sum.yaml');
    writeFileSync(file, stringify(data));
    const { code, out } = await run('lint', file);
    expect(code).toBe(1);
    expect(out).toMatch(/ITEM_SUM.*categories\[4\]\.items\[0\]\.max/);
  });

  it('exits 1 naming file and path when the schema rejects it', async () => {
    const data = rawBundled();
    data.categories[2].items[5].clauses[0].max = 'two';
    const file = join(dir, 'schema.yaml');
    writeFileSync(file, stringify(data));
    const { code, err } = await run('lint', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: categories[2].items[5].clauses[0].max`);
  });

  it('exits 2 for a file that cannot be read', async () => {
    const { code, err } = await run('lint', join(dir, 'missing.yaml'));
    expect(code).toBe(2);
    expect(err).toMatch(/文件不存在/);
  });

  it('prints one JSON document with --json', async () => {
    const { code, out } = await run('lint', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.baseTotal).toBe(100);
    expect(doc.sums).toHaveLength(7);
    expect(doc.findings.filter((f: { severity: string }) => f.severity === 'warning')).toHaveLength(1);
  });
});
