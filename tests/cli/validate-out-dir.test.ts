import { createHash } from 'crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXAMPLE_CLEAN, EXAMPLE_DIRTY, run } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'rubric-outdir-'));
afterAll(() => {
  chmodSync(join(tmp), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface JsonFile {
  file: string;
  error?: string;
  annotated?: string;
  findings?: unknown[];
}
async function validate(...args: string[]) {
  const r = await run('validate', '--json', ...args);
  return { ...r, files: (JSON.parse(r.out) as { files: JsonFile[] }).files };
}

function fresh(name: string, from = EXAMPLE_DIRTY) {
  const dir = mkdtempSync(join(tmp, 'case-'));
  const input = join(dir, name);
  copyFileSync(from, input);
  const out = join(dir, 'out');
  mkdirSync(out);
  return { dir, input, out };
}

describe('validate --out-dir: output safety', () => {
  test('an existing copy is not overwritten without --force: exit 2, the error in JSON, the results still there', async () => {
    const { input, out } = fresh('江苏路.xlsx');
    const copy = join(out, '江苏路.checked.xlsx');
    writeFileSync(copy, 'the reviewer edited this copy');
    const { code, files, err } = await validate('--out-dir', out, input);
    expect(code).toBe(2);
    expect(readFileSync(copy, 'utf8')).toBe('the reviewer edited this copy');
    expect(files[0].error).toContain('已存在，未覆盖');
    expect(files[0].error).toContain('--force');
    expect(files[0].findings!.length).toBeGreaterThan(0);
    expect(files[0].annotated).toBeUndefined();
    expect(err).toContain('已存在');

    const en = await validate('--lang', 'en', '--out-dir', out, input);
    expect(en.files[0].error).toMatch(/^The annotated copy of .* was not written:\n.*already exists and was not overwritten/);
    expect(en.files[0].error!.replace(/\/\S+\.xlsx/g, '')).not.toMatch(/[\u4e00-\u9fff]/); // paths aside
  });

  test('--force replaces an existing copy with a whole new one', async () => {
    const { input, out } = fresh('江苏路.xlsx');
    const copy = join(out, '江苏路.checked.xlsx');
    writeFileSync(copy, 'old');
    const { code, files } = await validate('--force', '--out-dir', out, input);
    expect(code).toBe(1); // the example's planted errors; the copy was written
    expect(files[0].annotated).toBe(copy);
    expect(strFromU8(unzipSync(readFileSync(copy))['xl/workbook.xml'])).toContain('name="问题清单"');
    // No temporary file is left beside it.
    expect(readdirSync(out)).toEqual(['江苏路.checked.xlsx']);
  });

  test('a hard link to the input where the copy would go is refused, even with --force; the input is unchanged', async () => {
    const { input, out } = fresh('clean.xlsx', EXAMPLE_CLEAN);
    const before = sha(input);
    linkSync(input, join(out, 'clean.checked.xlsx'));
    for (const force of [[], ['--force']]) {
      const { code, files } = await validate(...force, '--out-dir', out, input);
      expect(code).toBe(2);
      expect(files[0].error).toContain('就是输入文件本身');
      expect(sha(input)).toBe(before);
    }
  });

  test('a folder the copy cannot be written to: exit 2, the write error in JSON, nothing half-written left', async () => {
    const { input, out } = fresh('clean.xlsx', EXAMPLE_CLEAN);
    // Permission bits do not stop root; /proc refuses new files for everyone.
    const readOnly = process.getuid?.() === 0 ? '/proc/self' : out;
    chmodSync(out, 0o555);
    try {
      const { code, files } = await validate('--out-dir', readOnly, input);
      expect(code).toBe(2);
      expect(files[0].error).toContain('无法写入');
      expect(files[0].findings).toBeDefined();
      expect(readdirSync(out)).toEqual([]);
      expect(existsSync(join(readOnly, 'clean.checked.xlsx'))).toBe(false);
    } finally {
      chmodSync(out, 0o755);
    }
  });
});

describe('validate --out-dir on a workbook whose structure is protected', () => {
  test('the copy has the marks but no 问题清单, and the report says so; exit as for the findings', async () => {
    const { input, out } = fresh('江苏路-锁定.xlsx');
    const parts = unzipSync(readFileSync(input));
    const wb = strFromU8(parts['xl/workbook.xml']).replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>');
    writeFileSync(input, zipSync({ ...parts, 'xl/workbook.xml': strToU8(wb) }));
    const { code, files } = await validate('--out-dir', out, input);
    expect(code).toBe(1);
    const report = files[0] as JsonFile & { annotatedNote?: string };
    expect(report.annotated).toBe(join(out, '江苏路-锁定.checked.xlsx'));
    expect(report.annotatedNote).toContain('问题清单');
    const copy = unzipSync(readFileSync(report.annotated!));
    expect(strFromU8(copy['xl/workbook.xml'])).toBe(wb);
    expect(Object.keys(copy).some((n) => /comments/.test(n))).toBe(true);
    const text = await run('validate', '--out-dir', mkdtempSync(join(tmp, 'text-')), input);
    expect(text.out).toContain('工作簿结构受保护，未添加「问题清单」工作表');
  });
});
