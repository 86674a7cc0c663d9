import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { displayWidth } from '../../src/cli/validate-text';
import { SEVERITY_FILL } from '../../src/cli/xlsx/annotate-workbook';
import { bundledRubric, EXAMPLE_CLEAN, EXAMPLE_DIRTY, ROOT, run } from './helpers';

// The first test loads ExcelJS and HyperFormula cold; on a loaded 2-core machine that alone passes Jest's 5 s.
jest.setTimeout(60_000);

const tmp = mkdtempSync(join(tmpdir(), 'rubric-validate-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Bad inputs, each made the way it happens in practice. */
const BAD = {
  text: join(tmp, '自评表.xlsx'),
  truncated: join(tmp, 'truncated.xlsx'),
  encrypted: join(tmp, 'encrypted.xlsx'),
  missing: join(tmp, 'missing.xlsx'),
};
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  writeFileSync(BAD.text, '这不是表格，只是一段说明文字。\n'); // plain text renamed .xlsx (a CSV is read as one: tests/cli/csv-input.test.ts)
  const whole = readFileSync(EXAMPLE_CLEAN);
  writeFileSync(BAD.truncated, whole.subarray(0, Math.floor(whole.length * 0.6))); // a download cut short
  // Office's encrypted-package container: an OLE compound file naming an EncryptionInfo stream.
  writeFileSync(
    BAD.encrypted,
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1000), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(200)]),
  );
});

interface JsonFile {
  file: string;
  error?: string;
  sheet?: string;
  rubric?: string;
  total?: number;
  grade?: string;
  provisional?: boolean;
  categories?: { name: string; score: number; cap: number }[];
  findings?: { code: string; severity: string; cell: string; clauseId: string | null; message: string }[];
  unit?: string | null;
  counts?: { error: number; warning: number; info: number };
}

async function runJson(...args: string[]) {
  const r = await run('validate', '--json', ...args);
  // Exactly one JSON document on stdout: the whole of stdout parses.
  const doc = JSON.parse(r.out) as { files: JsonFile[] };
  return { ...r, files: doc.files };
}

/**
 * Where the planted mistakes of the 江苏路 example are, found from the sheet itself: the row whose 评分细则
 * starts with the clause's text, in the column headed as the staff headed it.
 */
async function plantedCells() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE_DIRTY) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const headers = new Map<string, string>();
  ws.getRow(3).eachCell((c, col) => headers.set(String(c.value), ws.getColumn(col).letter));
  const rubric = bundledRubric();
  const textOf = (id: string) => rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses)).find((c) => c.id === id)!.text;
  const rowOf = (id: string) => {
    let found = 0;
    ws.eachRow((row, r) => {
      if (String(row.getCell(headers.get('评分细则')!).value ?? '').startsWith(textOf(id))) found = r;
    });
    return found;
  };
  let totalRow = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === '合计') totalRow = r;
  });
  const at = (header: string, row: number) => `${headers.get(header)}${row}`;
  return {
    overMax: at('自评分', rowOf('1.3.3')),
    notAllowed: at('自评分', rowOf('2.1.1')),
    noReason: at('扣分原因', rowOf('2.3.1')),
    noEvidence: at('佐证资料', rowOf('3.3.1')),
    phone: at('备注', rowOf('3.2.5')),
    total: at('自评分', totalRow),
  };
}

describe('validate: exit codes and JSON', () => {
  test('the clean example: exit 0, no error finding, the JSON shape with numbers as numbers', async () => {
    const { code, files } = await runJson(EXAMPLE_CLEAN);
    expect(code).toBe(0);
    expect(files).toHaveLength(1);
    const f = files[0];
    expect(f).toEqual({
      file: EXAMPLE_CLEAN,
      unit: '新华路街道',
      sheet: '自评表',
      rubric: 'changning-2023',
      total: expect.any(Number),
      grade: expect.any(String),
      veto: false,
      provisional: false,
      categories: expect.any(Array),
      counts: { error: 0, warning: expect.any(Number), info: expect.any(Number) },
      findings: expect.any(Array),
      // No 复核 columns and no submission stamp in the example.
      review: null,
      stamp: 'absent',
    });
    expect(f.findings!.filter((x) => x.severity === 'error')).toEqual([]);
    expect(f.counts!.warning).toBe(f.findings!.filter((x) => x.severity === 'warning').length);
    expect(f.categories!.map((c) => c.name)).toEqual(bundledRubric().categories.map((c) => c.name));
    for (const c of f.categories!) expect(c).toEqual({ name: expect.any(String), kind: expect.any(String), score: expect.any(Number), cap: expect.any(Number) });
    // 新华路 lost 0.2 + 0.5 + 0.2 + 0.5 in the base and gained 1 bonus point (scripts/make-example-data.ts).
    expect(f.total).toBeCloseTo(100 - 1.4 + 1, 10);
    expect(f.grade).toBe('优秀');
  });

  test('the 江苏路 example: exit 1, each planted mistake at its own cell and nothing else', async () => {
    const { code, files } = await runJson(EXAMPLE_DIRTY);
    expect(code).toBe(1);
    const f = files[0];
    const cells = await plantedCells();
    const got = f.findings!.map((x) => `${x.severity} ${x.code} ${x.cell} ${x.clauseId ?? '-'}`).sort();
    expect(got).toEqual(
      [
        `error SCORE_ABOVE_MAX ${cells.overMax} 1.3.3`,
        `error SCORE_NOT_ALLOWED ${cells.notAllowed} 2.1.1`,
        `error REASON_MISSING ${cells.noReason} 2.3.1`,
        `error EVIDENCE_MISSING ${cells.noEvidence} 3.3.1`,
        `error TOTAL_MISMATCH ${cells.total} -`,
        `warning PII_PHONE ${cells.phone} -`,
      ].sort(),
    );
    for (const x of f.findings!) expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.unit).toBe('江苏路街道'); // from 「填报单位：长宁区江苏路街道社区服务办公室（盖章）」
    expect(f.counts).toEqual({ error: 5, warning: 1, info: 0 });
    // Full marks less 0.5 + 0.5 + 0.2 (2.1.1, 2.3.1, 2.5.2), 0.1 (3.6.3), 0.1 (4.2.1), 1 (5.1.2); 1 bonus point.
    // 年度重点工作任务 holds the over-max 1.5 on 1.3.3 (1 point): it counts its maximum until corrected,
    // with 0.5 lost elsewhere in the category; 2.1.1's 0.5 on a 0-or-1 clause is midway and stays 0.5.
    const score = (name: string) => f.categories!.find((c) => c.name === name)!.score;
    expect([score('年度重点工作任务'), score('工作保障与管理'), score('困难群众基本生活保障'), score('专项救助'), score('成效评价')]).toEqual([
      24.5, 23.8, 24.9, 14.9, 9,
    ]);
    expect([score('加分项'), score('扣分项')]).toEqual([1, 0]);
    const sum = f.categories!.reduce((s, c) => s + c.score, 0);
    expect(f.total).toBeCloseTo(sum, 10);
    // The total once the five errors are corrected, so the 合计 it asks for is right the first time.
    expect([f.total, f.grade, f.provisional]).toEqual([98.1, '优秀', true]);
    expect(f.findings!.find((x) => x.code === 'TOTAL_MISMATCH')!.message).toContain('应为 98.1');
  });

  test('--exit-zero reports the same findings but exits 0; an unreadable file still exits 2', async () => {
    const strict = await runJson(EXAMPLE_DIRTY);
    const lenient = await runJson('--exit-zero', EXAMPLE_DIRTY);
    expect(strict.code).toBe(1);
    expect(lenient.code).toBe(0);
    expect(lenient.files).toEqual(strict.files);
    expect((await runJson('--exit-zero', BAD.missing, EXAMPLE_DIRTY)).code).toBe(2);
  });

  test('unreadable files: exit 2, each reported with a reason, the readable ones still checked', async () => {
    const { code, files, err } = await runJson(BAD.text, BAD.truncated, BAD.encrypted, BAD.missing, EXAMPLE_CLEAN, EXAMPLE_DIRTY);
    expect(code).toBe(2);
    expect(files.map((f) => basename(f.file))).toEqual([BAD.text, BAD.truncated, BAD.encrypted, BAD.missing, EXAMPLE_CLEAN, EXAMPLE_DIRTY].map((f) => basename(f)));
    const [text, truncated, encrypted, missing, clean, dirty] = files;
    expect(text.error).toMatch(/不是 Excel 工作簿.*\n.*not an Excel workbook/s);
    expect(truncated.error).toMatch(/损坏或不完整/);
    expect(encrypted.error).toMatch(/密码.*另存为 \.xlsx/s);
    expect(missing.error).toMatch(/找不到文件/);
    for (const bad of [text, truncated, encrypted, missing]) {
      expect(Object.keys(bad).sort()).toEqual(['error', 'file']);
      expect(bad.error).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
    }
    expect(clean.findings).toBeDefined();
    expect(dirty.findings!.some((x) => x.severity === 'error')).toBe(true);
    // More than three files: one progress line per file on stderr, stdout stays pure JSON.
    expect(err.split('\n').filter((l) => /^\[\d+\/6\] /.test(l))).toHaveLength(6);
  });

  test('a workbook without a rubric table says what was looked for, in which sheet and how far down', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['姓名', '地址', '走访日期']);
    const file = join(tmp, 'ledger.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, files } = await runJson(file);
    expect(code).toBe(2);
    expect(files[0].error).toMatch(/台账/);
    expect(files[0].error).toMatch(/评价内容/);
    expect(files[0].error).toMatch(/自评得分/);
    expect(files[0].error).toMatch(/全部 1 行/);
    expect(files[0].error).toMatch(/没有任何一行含有可识别的列名/);
  });

  test('#N/A in a score cell is a SCORE_NOT_NUMBER finding at that cell, not a crash', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(EXAMPLE_CLEAN) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    ws.getCell('E5').value = { formula: 'VLOOKUP(B5,台账!A:B,2,FALSE)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    const file = join(tmp, 'na.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, files } = await runJson(file);
    expect(code).toBe(1);
    expect(files[0].findings).toContainEqual(expect.objectContaining({ code: 'SCORE_NOT_NUMBER', cell: 'E5', severity: 'error' }));
  });

  test('--sheet naming a sheet that is not there: exit 2 listing the sheets', async () => {
    const { code, files } = await runJson('--sheet', '汇总', EXAMPLE_CLEAN);
    expect(code).toBe(2);
    expect(files[0].error).toContain('自评表');
  });

  test('--lang en gives English messages; a bad --lang or rubric still prints one JSON document', async () => {
    const en = await runJson('--lang', 'en', EXAMPLE_DIRTY);
    expect(en.files[0].findings!.find((x) => x.code === 'REASON_MISSING')!.message).toMatch(/reason/i);
    const badLang = await runJson('--lang', 'fr', EXAMPLE_CLEAN);
    expect(badLang.code).toBe(2);
    expect(badLang.files).toEqual([]);
    const badRubric = await runJson('--rubric', join(tmp, 'none.yaml'), EXAMPLE_CLEAN);
    expect(badRubric.code).toBe(2);
  });
});

describe('validate: text output', () => {
  test('file, total, grade, categories against caps, then an aligned findings table', async () => {
    const { code, out } = await run('validate', EXAMPLE_DIRTY, EXAMPLE_CLEAN);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toContain(EXAMPLE_DIRTY);
    expect(out).toMatch(/总分 98\.1（改正 5 处错误后）\s+等第 优秀/);
    expect(out).toMatch(/总分 99\.6\s+等第 优秀/);
    expect(lines.find((l) => l.includes('工作保障与管理'))).toMatch(/工作保障与管理\s+23\.8 \/ 25$/);
    expect(lines.find((l) => l.includes('扣分项'))).toMatch(/扣分项\s+扣 0 分（最多扣 5 分）$/);
    // Codes are for --json; the sentence a person reads has none.
    expect(out).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
    // Columns line up in display width (a CJK character takes two columns).
    const rows = lines.filter((l) => /^ {2}(错误|警告|提示|级别) /.test(l));
    expect(rows.length).toBe(7);
    const cellColumn = rows.map((l) => displayWidth(l.slice(0, l.search(/ (F|I|J|H)\d+ | 单元格 /) + 1)));
    expect(new Set(cellColumn).size).toBe(1);
    expect(out).toContain('共检查 2 个文件：1 个有错误，0 个无法读取。');
  });
});

describe('validate --out-dir', () => {
  test('writes an annotated copy with fills and notes at the finding cells; the input is unchanged', async () => {
    const input = join(tmp, '江苏路.xlsx');
    copyFileSync(EXAMPLE_DIRTY, input);
    const before = sha(input);
    const outDir = join(tmp, 'checked');
    const { code, files } = await runJson('--out-dir', outDir, input);
    expect(code).toBe(1);
    expect(sha(input)).toBe(before);
    const copy = join(outDir, '江苏路.checked.xlsx');
    expect(existsSync(copy)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(copy) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    for (const f of files[0].findings!) {
      const cell = ws.getCell(f.cell);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL[f.severity as 'error' | 'warning']);
      const note = typeof cell.note === 'string' ? cell.note : cell.note.texts!.map((t) => t.text).join('');
      expect(note.split('\n')[0]).toBe('评分助手：');
      expect(note).toContain(`${f.severity === 'error' ? '错误' : '警告'}：${f.message}`);
      expect(note).not.toContain(f.code);
    }
    // A cell without a finding keeps its look and gets no note, even where it shares its format with a marked one.
    for (const a of ['F4', 'H4', 'I4', 'J4', 'F11']) {
      expect(ws.getCell(a).note).toBeUndefined();
      expect((ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    }
    expect(ws.getCell('F4').value).toBe(4.5);
  });

  test('an out-dir equal to the input folder writes <name>.checked.xlsx beside it and never overwrites the input', async () => {
    const dir = mkdtempSync(join(tmp, 'same-'));
    const input = join(dir, 'clean.xlsx');
    copyFileSync(EXAMPLE_CLEAN, input);
    const before = sha(input);
    const { code } = await runJson('--out-dir', dir, input);
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, 'clean.checked.xlsx'))).toBe(true);
  });

  test('a copy never lands on another input: with a.xlsx and a.checked.xlsx both checked, the latter is untouched', async () => {
    const dir = mkdtempSync(join(tmp, 'clash-'));
    const a = join(dir, 'a.xlsx');
    const aChecked = join(dir, 'a.checked.xlsx');
    copyFileSync(EXAMPLE_DIRTY, a);
    copyFileSync(EXAMPLE_CLEAN, aChecked);
    const before = [sha(a), sha(aChecked)];
    const { files } = await runJson('--out-dir', dir, a, aChecked);
    expect([sha(a), sha(aChecked)]).toEqual(before);
    expect(files.map((f) => basename((f as { annotated?: string }).annotated ?? ''))).toEqual(['a.checked-2.xlsx', 'a.checked.checked.xlsx']);
  });

  test('an out-dir that is a file is refused before anything is read', async () => {
    const { code, err } = await run('validate', '--out-dir', BAD.text, EXAMPLE_CLEAN);
    expect(code).toBe(2);
    expect(err).toContain('不是文件夹');
  });
});

describe('the compiled CLI', () => {
  test('the real entry point runs end to end', () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-cli-built.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist-cli', 'src', 'cli', 'main.js'), 'validate', '--json', EXAMPLE_DIRTY, BAD.missing], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: JsonFile[] };
    expect(doc.files[0].findings!.length).toBeGreaterThan(0);
    expect(doc.files[1].error).toContain('找不到文件');
  }, 180_000);
});
