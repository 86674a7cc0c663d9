/** validate over folders, the batch summary that names files, and commander's usage errors in Chinese. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { expandInputs } from '../../src/cli/expand-inputs';
import { usageErrorText } from '../../src/cli/usage-errors';
import { EXAMPLE_CLEAN, EXAMPLE_DIRTY, run } from './helpers';

// The first run loads HyperFormula for the formula check, which takes seconds on a busy machine.
jest.setTimeout(60_000);

const tmp = mkdtempSync(join(tmpdir(), 'rubric-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The ten-sheet folder as the district keeps it, with the clutter folders collect. */
const folder = join(tmp, '2023自评表');
beforeAll(() => {
  mkdirSync(join(folder, '旧版'), { recursive: true });
  copyFileSync(EXAMPLE_DIRTY, join(folder, '江苏路街道.xlsx'));
  copyFileSync(EXAMPLE_CLEAN, join(folder, '新华路街道.xlsx'));
  copyFileSync(EXAMPLE_CLEAN, join(folder, '旧版', '新华路街道-初稿.xlsx'));
  writeFileSync(join(folder, '~$江苏路街道.xlsx'), 'Excel lock file');
  writeFileSync(join(folder, '说明.docx'), 'not a workbook');
  mkdirSync(join(tmp, '空文件夹'));
});

describe('validate accepts folders', () => {
  test('a folder stands for the .xlsx files directly inside it, sorted; lock files and sub-folders are left out', () => {
    expect(expandInputs([folder], 'zh')).toEqual({
      files: [join(folder, '江苏路街道.xlsx'), join(folder, '新华路街道.xlsx')],
      problems: [],
    });
  });

  test('files and folders mix, in the order given', () => {
    expect(expandInputs([EXAMPLE_CLEAN, folder], 'zh').files).toEqual([
      EXAMPLE_CLEAN,
      join(folder, '江苏路街道.xlsx'),
      join(folder, '新华路街道.xlsx'),
    ]);
  });

  test('the JSON names each file with its 街镇 and counts', async () => {
    const r = await run('validate', '--json', folder);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { files: { file: string; unit: string; counts: Record<string, number> }[] };
    expect(doc.files.map((f) => [f.file, f.unit, f.counts.error])).toEqual([
      [join(folder, '江苏路街道.xlsx'), '江苏路街道', 5],
      [join(folder, '新华路街道.xlsx'), '新华路街道', 0],
    ]);
  });

  test('a folder without any .xlsx: exit 2, said in Chinese, and still one JSON document under --json', async () => {
    const empty = join(tmp, '空文件夹');
    const text = await run('validate', empty);
    expect(text.code).toBe(2);
    expect(text.err).toContain(`文件夹 ${empty} 中没有 .xlsx 文件`);
    const json = await run('validate', '--json', empty);
    expect(JSON.parse(json.out)).toEqual({ files: [], error: expect.stringContaining('没有 .xlsx 文件') });
    const english = await run('validate', '--lang', 'en', empty);
    expect(english.err).toContain(`The folder ${empty} holds no .xlsx file`);
  });
});

describe('the batch summary names the files', () => {
  test('each file with errors, its 街镇 and its count; each unreadable file', async () => {
    const missing = join(tmp, '程家桥街道.xlsx');
    const r = await run('validate', folder, missing);
    expect(r.code).toBe(2);
    const tail = r.out.split('\n').slice(-5);
    expect(tail).toEqual([
      '共检查 3 个文件：1 个有错误，1 个无法读取。',
      '有错误的文件：',
      `  ${join(folder, '江苏路街道.xlsx')}（江苏路街道）  5 个错误`,
      '无法读取的文件：',
      `  ${missing}`,
    ]);
  });

  test('in English with --lang en, grades and category names too', async () => {
    const r = await run('validate', '--lang', 'en', folder);
    expect(r.out).toMatch(/total 99\.6\s+grade Excellent/);
    expect(r.out).toMatch(/^ {2}Deductions\s+0 deducted \(at most 5\)$/m);
    expect(r.out).not.toMatch(/等第|优秀|扣分项/);
    expect(r.out.split('\n').slice(-3)).toEqual([
      '2 files checked: 1 with errors, 0 unreadable.',
      'Files with errors:',
      `  ${join(folder, '江苏路街道.xlsx')} (江苏路街道)  5 errors`,
    ]);
  });
});

describe('usage errors in Chinese (English with --lang en)', () => {
  test.each([
    [['validate'], '错误：缺少参数：要检查的 .xlsx 文件或文件夹。'],
    [['validate', '--jsn', 'a.xlsx'], '错误：不认识的选项 --jsn。是否想用 --json？'],
    [['valdate', 'a.xlsx'], '错误：没有 valdate 这个命令。是否想用 validate？'],
    [['validate', 'a.xlsx', '--rubric'], '错误：选项 --rubric <file> 后面缺少取值。'],
  ])('%j', async (argv, first) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    expect(lines[0]).toContain(first);
    expect(lines[1]).toMatch(/^运行 rubric-check (validate )?--help 查看用法。$/);
    expect(r.err).not.toMatch(/error:|unknown|missing/);
  });

  test('--lang en keeps commander\'s English and points to --help', async () => {
    const r = await run('validate', '--lang', 'en', '--jsn', 'a.xlsx');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual(["error: unknown option '--jsn'", '(Did you mean --json?)', 'Run rubric-check validate --help for usage.']);
  });

  test('help is headed in Chinese', async () => {
    const r = await run('validate', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^用法：/);
    expect(r.out).toContain('选项：');
    expect(r.out).toContain('显示帮助');
  });

  test('a message commander adds later passes through unchanged, still with the pointer to --help', () => {
    expect(usageErrorText('error: something new\n', 'zh', 'lint')).toBe('error: something new\n运行 rubric-check lint --help 查看用法。');
  });
});
