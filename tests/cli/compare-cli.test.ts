/**
 * `rubric-check compare` over folders of 街镇 workbooks the tests build: with and without review
 * columns, a veto, ties, a stamped sheet, one edited after stamping, one stamped against another rubric,
 * an unreadable file, a 街镇 named only by its file name, duplicate names and several sheets in one file.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import type { ComparisonJson } from '../../src/engine/compare/comparison-json';
import { STAMP_PROPERTIES } from '../../src/engine/stamp/stamp';
import { readCustomProperties, writeCustomProperties } from '../../src/xlsx/custom-properties';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { bundledText } from '../rubric/bundled';
import { districtPlan, workbookBytes, writeDistrict } from './district-workbooks';
import { bundledRubric, run } from './helpers';

let dir: string;
let folder: string;
let json: ComparisonJson;
let code: number;

/** ExcelJS keeps the conditional formats it read, untyped. */
type Formats = { conditionalFormattings: { ref: string; rules: { type: string }[] }[] };
const formatsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as Formats).conditionalFormattings;

jest.setTimeout(120_000);

const entry = (name: string) => {
  const e = json.entries.find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}: ${json.entries.map((x) => x.name).join(', ')}`);
  return e;
};

beforeAll(async () => {
  const rubric = bundledRubric();
  dir = mkdtempSync(join(tmpdir(), 'rubric-compare-'));
  folder = join(dir, '十个街镇');
  require('fs').mkdirSync(folder);
  const at = (f: string) => join(folder, f);

  await writeDistrict(at('01.xlsx'), rubric, { name: '江苏路街道' });
  expect((await run('validate', '--stamp', at('01.xlsx'))).code).toBe(0);

  await writeDistrict(at('02.xlsx'), rubric, {
    name: '长宁区华阳路街道',
    review: 'agree',
    edit: (p) => {
      p.set('1.1.1', 'review', 4);
      p.set('1.1.1', 'reviewNote', '台账不全，核减 1 分');
    },
  });
  await writeDistrict(at('03.xlsx'), rubric, { name: '新华路街道', review: 'empty' });
  await writeDistrict(at('04.xlsx'), rubric, {
    name: '天山路街道',
    edit: (p) => {
      const vetoId = Object.keys(p.rowOf).find((id) => p.get(id, 'score') === '否') as string;
      p.set(vetoId, 'score', '是');
    },
  });

  // Stamped as submitted, then a score raised: the workbook keeps its custom properties, as Excel does.
  await writeDistrict(at('05.xlsx'), rubric, { name: '周家桥街道' });
  expect((await run('validate', '--stamp', at('05.xlsx'))).code).toBe(0);
  const stamp = readCustomProperties(ZipPackage.open(readFileSync(at('05.xlsx'))));
  const edited = ZipPackage.open(
    await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, { name: '周家桥街道', edit: (p) => p.set('2.3.1', 'score', 2) }) }]),
  );
  writeCustomProperties(edited, Object.entries(stamp));
  writeFileSync(at('05.xlsx'), edited.toBytes());

  // Stamped against another year's rubric file.
  const other = join(dir, 'changning-2024.yaml');
  writeFileSync(other, bundledText().replace('id: changning-2023', 'id: changning-2024'));
  await writeDistrict(at('06.xlsx'), rubric, { name: '虹桥街道' });
  expect((await run('validate', '--stamp', '--rubric', other, at('06.xlsx'))).code).toBe(0);

  // No 街镇 in the sheet: the file name names it.
  await writeDistrict(at('程家桥街道-自评表.xlsx'), rubric, {
    edit: (p) => {
      p.set('1.1.1', 'score', 3);
      p.set('1.1.1', 'reason', '宣传不足');
    },
  });
  writeFileSync(at('07-坏文件.xlsx'), '这不是一个工作簿');
  // Excel's lock file and an annotated copy are not 街镇 sheets.
  writeFileSync(at('~$01.xlsx'), 'lock');

  const r = await run('compare', '--json', folder);
  code = r.code;
  json = JSON.parse(r.out) as ComparisonJson;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('one JSON document in the documented shape', () => {
  expect(json.rubric).toBe('changning-2023');
  for (const e of json.entries) {
    expect(Object.keys(e).sort()).toEqual(['categories', 'errors', 'file', 'final', 'name', 'rank', 'review', 'self', 'stamp', 'warnings'].sort());
    expect(Object.keys(e.self).sort()).toEqual(['grade', 'total']);
    if (e.review) expect(Object.keys(e.review).sort()).toEqual(['grade', 'total']);
    expect(e.categories.map((c) => Object.keys(c).sort())).toEqual(e.categories.map(() => ['cap', 'name', 'score']));
  }
  for (const c of json.clauses) expect(Object.keys(c).sort()).toEqual(['id', 'lost']);
});

test('names come from the title (上海市长宁区 dropped), else from the file name', () => {
  expect(json.entries.map((e) => e.name).sort()).toEqual(['周家桥街道', '华阳路街道', '天山路街道', '新华路街道', '江苏路街道', '程家桥街道', '虹桥街道'].sort());
});

test('ranked by the final total, ties sharing a rank, a veto last', () => {
  expect(json.entries.map((e) => [e.rank, e.name, e.final])).toEqual([
    [1, '周家桥街道', 95.5],
    [2, '新华路街道', 95],
    [2, '江苏路街道', 95],
    [2, '虹桥街道', 95],
    [5, '华阳路街道', 94],
    [6, '程家桥街道', 93],
    [7, '天山路街道', 95],
  ]);
  expect(entry('天山路街道').self.grade).toBe('不合格');
  expect(json.grades).toEqual({ 优秀: 6, 良好: 0, 合格: 0, 不合格: 1 });
});

test('review totals where reviewed; an empty review column is not reviewed, not zeros', () => {
  expect(entry('华阳路街道').self).toEqual({ total: 95, grade: '优秀' });
  expect(entry('华阳路街道').review).toEqual({ total: 94, grade: '优秀' });
  expect(entry('新华路街道').review).toBeNull();
  expect(entry('新华路街道').final).toBe(95);
  expect(json.differences).toEqual([{ name: '华阳路街道', clauseIds: ['1.1.1'], cell: expect.stringMatching(/^H\d+$/), self: '5', review: '4', note: '台账不全，核减 1 分' }]);
});

test('stamp status: valid, modified after stamping, other rubric, absent', () => {
  expect(entry('江苏路街道').stamp).toBe('valid');
  expect(entry('周家桥街道').stamp).toBe('modified');
  expect(entry('虹桥街道').stamp).toBe('other-rubric');
  expect(entry('华阳路街道').stamp).toBe('absent');
});

test('the clause matrix shows points lost per 街镇', () => {
  const lost = (id: string) => json.clauses.find((c) => c.id === id)?.lost;
  expect(lost('1.1.1')).toEqual({ 周家桥街道: 0, 新华路街道: 0, 江苏路街道: 0, 虹桥街道: 0, 华阳路街道: 1, 程家桥街道: 2, 天山路街道: 0 });
  // 2.3.1 loses one case (0.5) everywhere except where it was raised after stamping.
  expect(lost('2.3.1')).toMatchObject({ 周家桥街道: 0, 江苏路街道: 0.5, 华阳路街道: 0.5 });
  // A penalty clause shows the points deducted (the default sheet reports one case of −2).
  expect(Object.values(lost('7.1.1') ?? {})).toEqual(Array(7).fill(2));
  expect(json.clauses.some((c) => c.id.startsWith('6.'))).toBe(false);
});

test('the unreadable file is listed with its error and the exit code is 2; the lock file is skipped', () => {
  expect(code).toBe(2);
  expect(json.unreadable.map((u) => basename(u.file))).toEqual(['07-坏文件.xlsx']);
  expect(json.unreadable[0].error).toContain('不是 Excel 工作簿');
  expect(json.entries.some((e) => e.file.includes('~$'))).toBe(false);
  expect(entry('天山路街道').errors).toBe(1);
  expect(entry('江苏路街道').errors).toBe(0);
});

test('two files naming the same 街镇 are flagged and told apart', async () => {
  const rubric = bundledRubric();
  const two = mkdtempSync(join(tmpdir(), 'rubric-dup-'));
  try {
    await writeDistrict(join(two, 'a.xlsx'), rubric, { name: '江苏路街道' });
    await writeDistrict(join(two, 'b.xlsx'), rubric, { name: '江苏路街道' });
    const r = await run('compare', '--json', two);
    const doc = JSON.parse(r.out) as ComparisonJson;
    expect(r.code).toBe(0);
    expect(doc.duplicates).toEqual([{ name: '江苏路街道', files: [join(two, 'a.xlsx'), join(two, 'b.xlsx')] }]);
    expect(doc.entries.map((e) => e.name)).toEqual(['江苏路街道（a.xlsx）', '江苏路街道（b.xlsx）']);
    const text = await run('compare', two);
    expect(text.out).toContain('名称重复：江苏路街道');
  } finally {
    rmSync(two, { recursive: true, force: true });
  }
});

test('--all-sheets: one 街镇 per sheet, a cover sheet skipped, each located and reported', async () => {
  const rubric = bundledRubric();
  const one = mkdtempSync(join(tmpdir(), 'rubric-all-'));
  try {
    const file = join(one, '全区.xlsx');
    writeFileSync(
      file,
      await workbookBytes([
        { name: '封面', rows: [['2023年长宁区社会救助绩效评价汇总'], ['各街镇自评表见后']] },
        { name: '仙霞', plan: districtPlan(rubric, { name: '仙霞新村街道' }) },
        { name: '北新泾', plan: districtPlan(rubric, { name: '北新泾街道', edit: (p) => p.set('2.1.1', 'score', 0.5) }) },
      ]),
    );
    const doc = JSON.parse((await run('compare', '--json', '--all-sheets', file)).out) as ComparisonJson;
    expect(doc.entries.map((e) => [e.name, e.errors])).toEqual([
      ['仙霞新村街道', 0],
      ['北新泾街道', 1],
    ]);
    const v = await run('validate', '--json', '--all-sheets', file);
    const files = (JSON.parse(v.out) as { files: { sheet: string; findings: { code: string }[] }[] }).files;
    expect(files.map((f) => f.sheet)).toEqual(['仙霞', '北新泾']);
    expect(files[1].findings.map((f) => f.code)).toEqual(['SCORE_NOT_ALLOWED']);
    expect(v.code).toBe(1);
    // Without the flag the first sheet holding the table is the one checked, as before.
    const single = JSON.parse((await run('validate', '--json', file)).out) as { files: { sheet: string }[] };
    expect(single.files.map((f) => f.sheet)).toEqual(['仙霞']);
  } finally {
    rmSync(one, { recursive: true, force: true });
  }
});

test('--out writes the summary workbook: sheets, conditional formats and formulas', async () => {
  const out = join(dir, '汇总.xlsx');
  const r = await run('compare', folder, '--out', out);
  expect(r.code).toBe(2);
  expect(r.out).toContain('汇总工作簿');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '条款对比', '复核差异']);

  const ws = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
  const header = (ws.getRow(2).values as unknown[]).slice(1);
  expect(header.slice(0, 8)).toEqual(['排名', '街镇', '自评总分', '自评等第', '复核总分', '复核等第', '最终得分', '最终等第']);
  expect(ws.getCell('B3').value).toBe('周家桥街道');
  expect(ws.getCell('A3').value).toMatchObject({ formula: 'RANK(G3,$G$3:$G$9)', result: 1 });
  expect(ws.getCell('G7').value).toMatchObject({ formula: 'IF(E7="",C7,E7)', result: 94 });
  expect(ws.getCell('E7').value).toBe(94);
  expect(ws.getCell('F4').value).toBe('未复核');
  const types = formatsOf(ws).map((cf) => [cf.ref, cf.rules[0].type]);
  expect(types).toEqual(
    expect.arrayContaining([
      ['C3:C9', 'colorScale'],
      ['E3:E9', 'colorScale'],
      ['G3:G9', 'colorScale'],
      ['I3:I9', 'dataBar'],
      ['M3:M9', 'dataBar'],
    ]),
  );
  const footer: unknown[] = [];
  ws.eachRow((row) => footer.push(row.getCell(2).value));
  expect(footer).toEqual(expect.arrayContaining([{ formula: 'COUNTIF($H$3:$H$9,"优秀")', result: 6 }]));

  const clauses = wb.getWorksheet('条款对比') as ExcelJS.Worksheet;
  const clauseHeader = (clauses.getRow(2).values as unknown[]).slice(1);
  expect(clauseHeader.slice(0, 4)).toEqual(['条款', '评价内容', '序号', '满分']);
  expect(clauseHeader[clauseHeader.length - 1]).toBe('合计失分');
  expect(clauses.getCell('A3').value).toBe('1.1.1');
  expect(clauses.getCell('L3').value).toMatchObject({ formula: 'SUM(E3:K3)', result: 3 });
  expect(formatsOf(clauses)[0].rules[0].type).toBe('colorScale');

  const review = wb.getWorksheet('复核差异') as ExcelJS.Worksheet;
  expect((review.getRow(3).values as unknown[]).slice(1)).toEqual(['华阳路街道', '1.1.1', expect.stringMatching(/^H\d+$/), 5, 4, -1, '台账不全，核减 1 分']);
});

test('--html writes one self-contained page with three SVG charts and no script', async () => {
  const out = join(dir, '汇总.html');
  await run('compare', folder, '--html', out);
  const html = readFileSync(out, 'utf8');
  expect(html.match(/<svg[\s>]/g)).toHaveLength(3);
  expect(html).not.toMatch(/<script|<link|@import|src=/i);
  // Only XML namespaces name a URL; nothing is fetched.
  expect(html.replace(/xmlns(?::\w+)?="[^"]*"/g, '')).not.toMatch(/https?:\/\//);
  expect(html).toContain("default-src 'none'");
  expect(html).toContain('周家桥街道');
  expect(html).toContain('台账不全，核减 1 分');
});

test('the stamp is written only where 一键校验 finds no error, and never touches the file otherwise', async () => {
  const file = join(dir, 'dirty.xlsx');
  await writeDistrict(file, bundledRubric(), { name: '江苏路街道', edit: (p) => p.set('2.1.1', 'score', 0.5) });
  const before = readFileSync(file);
  const r = await run('validate', '--stamp', file);
  expect(r.code).toBe(1);
  expect(r.err).toContain('有错误，未写入校验印记');
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(readCustomProperties(ZipPackage.open(readFileSync(join(folder, '01.xlsx'))))).toMatchObject({
    [STAMP_PROPERTIES.rubricId]: 'changning-2023',
    [STAMP_PROPERTIES.total]: '95',
    [STAMP_PROPERTIES.grade]: '优秀',
    [STAMP_PROPERTIES.sheet]: '自评表',
  });
});
