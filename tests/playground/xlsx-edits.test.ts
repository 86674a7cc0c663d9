/**
 * The playground's download of an opened file the person edited: cells typed in the grid, a formula
 * written, the scoring template and a comparison inserted, marks on top. The copy is the opened package
 * patched — every part the edits do not need byte-identical, every kept element there.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { MemoryHost } from '../../src/playground/memory-host';
import { exportXlsx } from '../../src/playground/xlsx-write';
import { readXlsx } from '../../src/playground/xlsx-read';
import { loadBundled } from '../rubric/bundled';
import { EDITABLE_SHEET, editableFixtureParts, fixtureParts, MARKED_SHEET, streamedCells, wellFormed, zipParts } from '../support/office-package';

jest.setTimeout(120_000);

const unzip = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

const streamed = streamedCells;

describe('an opened workbook edited in the page, then downloaded', () => {
  const rubric = loadBundled();
  // Protected (its windows), but not its structure: sheets may be added (a structure lock is the last test's).
  const before = editableFixtureParts();
  // The page never writes into a protected sheet (it says so): this one is unprotected; the workbook's structure stays locked.
  before[EDITABLE_SHEET] = before[EDITABLE_SHEET].replace(/<sheetProtection [^>]*\/>/, '');
  const bytes = zipParts(before);
  let out: Record<string, string>;
  let copy: Uint8Array;
  let templateName: string;

  beforeAll(async () => {
    const host = new MemoryHost((await readXlsx(bytes, '自评表.xlsx')).book, { rubric });
    host.editCell('自评表', 'E3', '6'); // a number over a number
    host.editCell('自评表', 'B4', '兜底保障 & 临时救助'); // text over an inline string
    host.editCell('自评表', 'B5', 'FALSE'); // a boolean over LibreOffice's "1"
    host.editCell('自评表', 'A8', ''); // cleared: the cell keeps its style
    host.editCell('自评表', 'F3', '=E3*3'); // the master of the shared formula F3:F5
    host.editCell('自评表', 'G3', '15%'); // a new cell, typed as a percentage
    await host.writeFormula('自评表', 'E8', '=RUBRIC.SCORE_DEDUCT(2,1,0.5)'); // over the defined-name formula
    templateName = await host.insertSheet(buildTemplateSpec(rubric));
    await host.writeMarks('自评表', [{ cell: 'E4', severity: 'error', note: '超过满分' }]);
    copy = await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, '自评表.xlsx', host.allMarks());
    out = unzip(copy);
  });

  test('every part the edits, the inserted sheet and the marks do not need is byte-identical', () => {
    const needed = new Set([
      EDITABLE_SHEET, // the edited and marked sheet
      'xl/styles.xml', // the 0% format, the template's formats, the mark's fill
      'xl/workbook.xml', // two sheets appended, fullCalcOnLoad
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/calcChain.xml', // dropped: formulas were taken out of F3 and E8
      'xl/comments1.xml', // the mark's note
      'xl/drawings/vmlDrawing1.vml',
    ]);
    for (const [name, text] of Object.entries(before)) if (!needed.has(name)) expect([name, out[name]]).toEqual([name, text]);
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(Object.keys(out).filter((n) => !(n in before)).sort()).toEqual(['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
    for (const [name, text] of Object.entries(out)) if (!name.endsWith('.vml')) wellFormed(name, text);
  });

  test('the kept elements are there: defined name, workbook protection, x14 validation, sparklines, 10.5 pt font, chart, threaded comment', () => {
    const sheet = out[EDITABLE_SHEET];
    expect(out['xl/workbook.xml']).toContain('<definedName name="加分上限">5</definedName>');
    expect(out['xl/workbook.xml']).toContain('<workbookProtection workbookAlgorithmName="SHA-512"');
    expect(out['xl/workbook.xml']).toContain('<pivotCaches><pivotCache cacheId="7" r:id="rId6"/></pivotCaches>');
    expect(out['xl/workbook.xml']).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    for (const kept of ['<x14:dataValidations', '<x14:sparklineGroups', '<conditionalFormatting sqref="E3:E8">', '<dataValidations count="1">', '<tableParts count="1">', '<drawing r:id="rId1"/>']) expect([kept, sheet.includes(kept)]).toEqual([kept, true]);
    expect(out['xl/styles.xml']).toContain('<font><sz val="10.5"/><color theme="1"/><name val="宋体"/>');
    expect(out['xl/charts/chart1.xml']).toBe(before['xl/charts/chart1.xml']);
    expect(out['xl/threadedComments/threadedComment1.xml']).toBe(before['xl/threadedComments/threadedComment1.xml']);
  });

  test('the edited cells carry their new content, in the file and through both readers', async () => {
    const sheet = out[EDITABLE_SHEET];
    expect(sheet).toContain('<c r="A8" s="3"/>');
    expect(sheet).toContain('<c r="F4" s="1"><f>E4*2</f><v>14</v></c>');
    expect(sheet).toContain('<f>_xldudf_RUBRIC_SCORE_DEDUCT(2,1,0.5)</f><v>1.5</v>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('自评表')!;
    expect(ws.getCell('E3').value).toBe(6);
    expect(ws.getCell('B4').value).toBe('兜底保障 & 临时救助');
    expect(ws.getCell('B5').value).toBe(false);
    expect(ws.getCell('A8').value).toBeNull();
    expect(ws.getCell('F3').value).toEqual({ formula: 'E3*3', result: 18 });
    expect(ws.getCell('F5').value).toEqual({ formula: 'E5*2', result: 4 });
    expect(ws.getCell('G3').value).toBe(0.15);
    expect(ws.getCell('G3').numFmt).toBe('0%');
    expect(ws.getCell('E8').formula).toBe('_xldudf_RUBRIC_SCORE_DEDUCT(2,1,0.5)');
    // The mark still lands on E4, with a clone of its own format.
    expect((ws.getCell('E4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell('E4').numFmt).toBe('0.0"分"');
    const cells = streamed(copy, '自评表');
    expect(cells.get('E3')).toEqual({ value: 6, numberFormat: '0.0"分"' });
    expect(cells.get('B4')?.value).toBe('兜底保障 & 临时救助');
    expect(cells.get('F3')).toMatchObject({ value: 18, formula: 'E3*3' });
    expect(cells.get('F4')).toMatchObject({ value: 14, formula: 'E4*2' });
    expect(cells.get('G3')).toEqual({ value: 0.15, numberFormat: '0%' });
    expect(cells.has('A8')).toBe(false);
  });

  test('the inserted template is a new sheet both readers read, with its formulas in file form and its merges', async () => {
    const spec = buildTemplateSpec(rubric);
    expect(out['xl/workbook.xml']).toMatch(new RegExp(`<sheet name="${templateName.replace(/[()]/g, '\\$&')}" sheetId="\\d+" r:id="rId\\d+"/><sheet name="问题清单"`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(templateName)!;
    const cells = streamed(copy, templateName);
    let formulas = 0;
    for (const c of spec.cells) {
      if (c.formula !== undefined) {
        formulas++;
        expect([c.address, cells.get(c.address)?.formula]).toEqual([c.address, c.formula.replace(/RUBRIC\./g, '_xldudf_RUBRIC_')]);
      } else if (c.value !== undefined && c.value !== '') {
        expect([c.address, ws.getCell(c.address).value]).toEqual([c.address, c.value]);
        expect([c.address, cells.get(c.address)?.value]).toEqual([c.address, c.value]);
      }
    }
    expect(formulas).toBeGreaterThan(0);
    expect(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges)).toHaveLength(spec.merges.length);
    // Its rows frozen and its input rules, as the Excel pane draws them.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: spec.freezeRows });
    const rules = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    for (const v of spec.validations) {
      const rule = rules[v.range.split(':')[0]];
      expect([v.range, rule?.type]).toEqual([v.range, v.list ? 'list' : 'decimal']);
      if (!v.list) expect(rule.formulae).toEqual([v.min, v.max]);
    }
    expect(spec.validations.length).toBeGreaterThan(0);
  });
});

test('an opened file with nothing changed and nothing marked downloads as the very same bytes', async () => {
  const bytes = zipParts(editableFixtureParts());
  const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
  expect(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks())).toBe(bytes);
});

test('「汇总比较」 sheets inserted into an opened file are added to it; a mark on one of them lands there', async () => {
  const before = editableFixtureParts();
  const bytes = zipParts(before);
  const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
  const names = await host.insertComparison({
    sheets: [
      {
        name: '汇总',
        title: '2023年各街镇自评汇总',
        header: ['街镇', '自评总分', '排名'],
        rows: [
          ['江苏路街道', 92.5, { formula: 'RANK(B3,$B$3:$B$4)', value: 1 }],
          ['周家桥街道', 88, { formula: 'RANK(B4,$B$3:$B$4)', value: 2 }],
        ],
        widths: [14, 10, 8],
        conditional: [],
        footer: [['平均', { formula: 'AVERAGE(B3:B4)', value: 90.25 }]],
      },
    ],
    chart: { labelColumn: 0, valueColumn: 1, title: '自评总分' },
  });
  expect(names).toEqual(['汇总']);
  await host.writeMarks('汇总', [{ cell: 'B4', severity: 'warning', note: '低于平均' }]);
  const copy = await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks());
  const out = unzip(copy);
  for (const name of ['xl/charts/chart1.xml', 'xl/sharedStrings.xml', EDITABLE_SHEET, 'xl/calcChain.xml']) expect([name, out[name]]).toEqual([name, before[name]]);
  const cells = streamed(copy, '汇总');
  expect(cells.get('A1')?.value).toBe('2023年各街镇自评汇总');
  expect(cells.get('B3')?.value).toBe(92.5);
  expect(cells.get('C4')).toMatchObject({ value: 2, formula: 'RANK(B4,$B$3:$B$4)' });
  expect(cells.get('B6')).toMatchObject({ value: 90.25, formula: 'AVERAGE(B3:B4)' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(copy) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('汇总')!;
  expect(ws.getCell('A2').font?.bold).toBe(true);
  expect((ws.getCell('B4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  expect((ws.getCell('B4').note as ExcelJS.Comment).texts!.map((t) => t.text).join('')).toContain('低于平均');
  expect(ws.getColumn(1).width).toBe(14);
});

test('the bundled example edited in the page: its sheet and workbook.xml (calcPr) are the only parts that change', async () => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'examples', '江苏路街道-2023-自评表.xlsx')));
  const before = unzip(bytes);
  const host = new MemoryHost((await readXlsx(bytes, '江苏路街道-2023-自评表.xlsx')).book);
  host.editCell('2023自评', 'F5', '1.5');
  host.editCell('2023自评', 'G5', '=F5*2');
  host.editCell('2023自评', 'H5', '已补佐证');
  const copy = await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks());
  const out = unzip(copy);
  const changed = Object.keys(out).filter((n) => out[n] !== before[n]);
  expect(changed.sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  expect(out['xl/workbook.xml']).toBe(before['xl/workbook.xml'].replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
  expect(out['xl/worksheets/sheet1.xml']).toContain('<c r="F5" s="4"><v>1.5</v></c><c r="G5" s="4"><f>F5*2</f><v>3</v></c><c r="H5" s="6" t="inlineStr"><is><t xml:space="preserve">已补佐证</t></is></c>');
  expect(streamed(copy, '2023自评').get('G5')).toMatchObject({ value: 3, formula: 'F5*2' });
  const again = (await readXlsx(copy, 'x.xlsx')).book.sheets[0];
  expect([again.cells.get('F5')?.value, again.cells.get('H5')?.value]).toEqual([1.5, '已补佐证']);
});

test('a workbook whose structure is protected: edits and marks download, a sheet the page inserted is refused by name', async () => {
  const before = editableFixtureParts({ structureLocked: true });
  before[EDITABLE_SHEET] = before[EDITABLE_SHEET].replace(/<sheetProtection [^>]*\/>/, '');
  const bytes = zipParts(before);
  const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
  host.editCell('自评表', 'E3', '6');
  await host.writeMarks('自评表', [{ cell: 'E4', severity: 'error', note: '超过满分' }]);
  const out = unzip(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks()));
  expect(out[EDITABLE_SHEET]).toContain('<c r="E3" s="1"><v>6</v></c>');
  expect(out['xl/workbook.xml']).toContain('lockStructure="1"');
  expect(out['xl/workbook.xml']).not.toContain('问题清单');
  await host.insertSheet(buildTemplateSpec(loadBundled()));
  await expect(exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks())).rejects.toMatchObject({
    problem: 'structure-locked',
    zh: expect.stringContaining('「自评表 (2)」'),
  });
});

test('a workbook ExcelJS cannot load (cells without r, a sheet not named sheetN.xml), read values-only, downloads patched with its edits', async () => {
  const before = fixtureParts({ commentsPath: 'xl/comments/comment1.xml' });
  const bytes = zipParts(before);
  const read = await readXlsx(bytes, 'openpyxl.xlsx');
  expect(read.valuesOnly).toBe(true);
  const host = new MemoryHost(read.book);
  host.editCell('自评表', 'E3', '3.5');
  const out = unzip(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'openpyxl.xlsx', host.allMarks()));
  expect(out[MARKED_SHEET]).toContain('<c r="E3" s="1"><v>3.5</v></c>');
  for (const [name, text] of Object.entries(before)) if (![MARKED_SHEET, 'xl/workbook.xml'].includes(name)) expect([name, out[name]]).toEqual([name, text]);
});
