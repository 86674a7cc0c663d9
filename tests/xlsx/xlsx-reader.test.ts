import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { strToU8, zipSync } from 'fflate';
import { pickSheet } from '../../src/cli/xlsx/pick-sheet';
import { WorkbookReadError } from '../../src/cli/xlsx/read-errors';
import { loadWorkbook, readSheetOf } from '../../src/cli/xlsx/read-workbook';
import { newWorkbook } from '../../src/cli/xlsx/exceljs';
import type { GridSheet } from '../../src/engine/sheet/sheet-model';
import { READ_LIMITS, type ReadLimits } from '../../src/xlsx/read-limits';
import { readWorksheet } from '../../src/xlsx/read-worksheet';
import { translateFormula } from '../../src/xlsx/shared-formula';
import { bundledRubric, EXAMPLE_CLEAN, EXAMPLE_DIRTY } from '../cli/helpers';
import { buildXlsx, NS, sst, styles, worksheet } from './part-fixtures';

const first = (bytes: Uint8Array, limits: ReadLimits = READ_LIMITS) => {
  const reader = loadWorkbook(bytes, 'f.xlsx', limits);
  return readSheetOf(reader, reader.sheets[0], 'f.xlsx');
};

function readError(fn: () => unknown): WorkbookReadError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbookReadError);
    return err as WorkbookReadError;
  }
  throw new Error('expected a WorkbookReadError');
}

function cellsOf(sheet: GridSheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.colCount; c++) if (sheet.cell(r, c)) out[`${r},${c}`] = sheet.cell(r, c);
  return out;
}

describe('the streaming reader gives the cells the ExcelJS reader gives', () => {
  test.each([EXAMPLE_DIRTY, EXAMPLE_CLEAN])('%s: every sheet, every cell, the merges', async (file) => {
    const bytes = readFileSync(file);
    const wb = newWorkbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const reader = loadWorkbook(bytes, file);
    expect(reader.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
    for (const [i, ws] of wb.worksheets.entries()) {
      const old = readWorksheet(ws);
      const now = reader.readSheet(reader.sheets[i]);
      expect(cellsOf(now.sheet)).toEqual(cellsOf(old.sheet));
      expect([...now.sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(
        [...old.sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      );
      expect([now.contentRows, now.contentCols, now.truncated]).toEqual([old.contentRows, old.contentCols, old.truncated]);
    }
  });

  test('a sheet with every kind of value ExcelJS writes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = true;
    ws.getCell('A2').value = false;
    ws.getCell('A3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('A4').value = 1e-7;
    ws.getCell('A5').value = { formula: 'A4>0', result: true } as ExcelJS.CellFormulaValue;
    ws.getCell('A6').value = { formula: '"x"&"y"', result: 'xy' } as ExcelJS.CellFormulaValue;
    ws.getCell('A7').value = new Date(Date.UTC(2023, 11, 31, 23, 59));
    ws.getCell('B1').value = 0.125;
    ws.getCell('B1').numFmt = '0.0%';
    ws.getCell('B2').value = ' 空格 ';
    ws.getCell('C3').value = '';
    ws.mergeCells('D1:E2');
    ws.getCell('D1').value = '合并';
    ws.getRow(4).hidden = true;
    ws.getColumn(3).hidden = true;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const loaded = newWorkbook();
    await loaded.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const old = readWorksheet(loaded.worksheets[0]).sheet;
    const now = first(bytes).sheet;
    expect(cellsOf(now)).toEqual(cellsOf(old));
    expect(now.merges).toEqual(old.merges);
    expect([...(now.hiddenRows ?? [])]).toEqual([3]);
    expect([...(now.hiddenCols ?? [])]).toEqual([2]);
  });
});

describe('what other producers write', () => {
  test('LibreOffice: booleans as "true"/"false", as values and as formula results', () => {
    const xml = worksheet(
      '<sheetData><row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>false</v></c>' +
        '<c r="C1" t="b"><f>AND(TRUE(),FALSE())</f><v>false</v></c><c r="D1" t="b"><v>1</v></c></row></sheetData>',
    );
    const { sheet } = first(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    expect([0, 1, 2, 3].map((c) => sheet.cell(0, c)?.value)).toEqual([true, false, false, true]);
    expect(sheet.cell(0, 2)?.formula).toBe('AND(TRUE(),FALSE())');
  });

  test('openpyxl: inline strings, rows and cells without r, comments at xl/comments/comment1.xml', () => {
    const xml = worksheet(
      '<sheetData><row><c t="inlineStr"><is><t>评价内容</t></is></c><c><v>2</v></c></row>' +
        '<row><c t="inlineStr"><is><r><t>佐证</t></r><r><rPr><b/></rPr><t xml:space="preserve">材料 </t></r></is></c><c t="n"><v>1.5</v></c></row></sheetData>' +
        '<legacyDrawing r:id="anysvml"/>',
    );
    const bytes = buildXlsx({
      sheets: [{ name: 'Sheet', xml }],
      extraParts: {
        'xl/comments/comment1.xml': `<comments xmlns="${NS.main}"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>说明</t></text></comment></commentList></comments>`,
        'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="${NS.pkg}"><Relationship Id="comments" Type="${NS.rel}/comments" Target="/xl/comments/comment1.xml"/></Relationships>`,
      },
    });
    const { sheet } = first(bytes);
    expect(sheet.cell(0, 0)?.value).toBe('评价内容');
    expect(sheet.cell(0, 1)?.value).toBe(2);
    expect(sheet.cell(1, 0)?.value).toBe('佐证材料 ');
    expect(sheet.cell(1, 1)?.value).toBe(1.5);
  });

  test('strict OOXML (purl.oclc.org namespaces) is read, ISO dates included', () => {
    const xml = worksheet(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="d"><v>2024-01-12T00:00:00</v></c><c r="C1"><v>3</v></c></row></sheetData>',
      NS.strictMain,
    );
    const bytes = buildXlsx({ strict: true, sheets: [{ name: '严格', xml }], sharedStrings: sst(['<si><t>自评得分</t></si>'], NS.strictMain) });
    const reader = loadWorkbook(bytes, 'strict.xlsx');
    expect(reader.sheets.map((s) => s.name)).toEqual(['严格']);
    const { sheet } = reader.readSheet(reader.sheets[0]);
    expect([0, 1, 2].map((c) => sheet.cell(0, c)?.value)).toEqual(['自评得分', '2024-01-12', 3]);
  });

  test('prefixed elements (x:c) and absolute rel targets, as some generators write them', () => {
    const xml = worksheet('<x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>', NS.main, 'x');
    const { sheet } = first(buildXlsx({ absoluteTargets: true, sheets: [{ name: 'S', xml }], sharedStrings: sst(['<si><t>条款</t></si>']) }));
    expect(sheet.cell(1, 1)?.value).toBe('条款');
  });

  test('Excel and WPS: rich-text shared strings joined, phonetic guides left out; number formats built in and custom; 1904 dates', () => {
    const xml = worksheet(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.15</v></c><c r="C1" s="2"><v>0.125</v></c>' +
        '<c r="D1" s="3"><v>0</v></c><c r="E1" s="4"><v>7</v></c></row></sheetData>',
    );
    const bytes = buildXlsx({
      sheets: [{ name: 'S', xml }],
      sharedStrings: sst(['<si><r><t>年度</t></r><r><rPr><b/></rPr><t>重点</t></r><rPh sb="0" eb="2"><t>ねんど</t></rPh></si>']),
      styles: styles([9, 164, 14, 49], { 164: '0.0%' }),
      workbookPr: '<workbookPr date1904="1"/>',
    });
    const { sheet } = first(bytes);
    expect(sheet.cell(0, 0)?.value).toBe('年度重点');
    expect(sheet.cell(0, 1)).toEqual({ value: 0.15, numberFormat: '0%' });
    expect(sheet.cell(0, 2)).toEqual({ value: 0.125, numberFormat: '0.0%' });
    expect(sheet.cell(0, 3)).toEqual({ value: '1904-01-01', numberFormat: 'mm-dd-yy' });
    expect(sheet.cell(0, 4)).toEqual({ value: 7, numberFormat: '@' });
  });

  test('shared formulas: each cell of the range gets the master formula moved to it', () => {
    const xml = worksheet(
      '<sheetData><row r="1"><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">B1*2+$B$1+SUM(B$1:B1)</f><v>6</v></c></row>' +
        '<row r="2"><c r="B2"><v>3</v></c><c r="C2"><f t="shared" si="0"/><v>11</v></c></row>' +
        '<row r="3"><c r="C3"><f t="shared" si="0"/></c></row></sheetData>',
    );
    const { sheet } = first(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    expect(sheet.cell(0, 2)).toEqual({ value: 6, formula: 'B1*2+$B$1+SUM(B$1:B1)' });
    expect(sheet.cell(1, 2)).toEqual({ value: 11, formula: 'B2*2+$B$1+SUM(B$1:B2)' });
    expect(sheet.cell(2, 2)).toEqual({ value: null, formula: 'B3*2+$B$1+SUM(B$1:B3)' });
  });

  test('translateFormula leaves strings, function names and sheet names alone', () => {
    expect(translateFormula('IF(A1="A1",LOG10(A1),Sheet2!B$2)&\'A 1\'!C3', 1, 1)).toBe('IF(B2="A1",LOG10(B2),Sheet2!C$2)&\'A 1\'!D4');
    expect(translateFormula('A1', -1, 0)).toBe('#REF!');
  });

  test('hidden rows and columns, hidden and very hidden sheets; visible sheets are searched first', () => {
    const xml = worksheet('<cols><col min="2" max="3" width="0" customWidth="1"/><col min="5" max="16384" hidden="1"/></cols><sheetData><row r="3" hidden="1"><c r="A3"><v>1</v></c></row><row r="4" ht="0" customHeight="1"/></sheetData>');
    const reader = loadWorkbook(
      buildXlsx({
        sheets: [
          { name: '隐藏', xml, state: 'hidden' },
          { name: '很隐藏', xml, state: 'veryHidden' },
          { name: '可见', xml },
        ],
      }),
      'h.xlsx',
    );
    expect(reader.sheets.map((s) => s.state)).toEqual(['hidden', 'veryHidden', 'visible']);
    const { sheet } = reader.readSheet(reader.sheets[0]);
    expect([...(sheet.hiddenRows ?? [])]).toEqual([2, 3]);
    expect([...(sheet.hiddenCols ?? [])].slice(0, 4)).toEqual([1, 2, 4, 5]);
    expect(sheet.hiddenCols?.size).toBe(2 + READ_LIMITS.cols - 4);
    const err = readError(() => pickSheet(reader, bundledRubric(), 'h.xlsx'));
    expect(err.zh.indexOf('可见')).toBeLessThan(err.zh.indexOf('隐藏'));
  });

  test('a value stored in a merged range outside its top-left cell is not read, as in Excel', () => {
    const xml = worksheet('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    const read = first(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    expect(read.sheet.cell(0, 1)).toBeUndefined();
    expect([read.contentRows, read.contentCols]).toEqual([1, 1]);
  });
});

describe('not damage: named for what it is', () => {
  test('malformed XML in a sheet is damage', () => {
    const err = readError(() => first(buildXlsx({ sheets: [{ name: 'S', xml: worksheet('<sheetData><row>') }] })));
    expect(err.problem).toBe('corrupt');
  });

  test('a binary workbook (.xlsb) is named, not called damaged', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(8) });
    const err = readError(() => loadWorkbook(bytes, 'b.xlsx'));
    expect(err.problem).toBe('unsupported');
    expect(err.zh).toContain('.xlsb');
    expect(err.zh).toContain('没有损坏');
  });
});

// ─── Limits ─────────────────────────────────────────────────────────────────

const small = (over: Partial<ReadLimits>): ReadLimits => ({ ...READ_LIMITS, ...over });

const rowsXml = (n: number, cols = 1) =>
  worksheet(`<sheetData>${Array.from({ length: n }, (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r}</v></c>`).join('')}</row>`).join('')}</sheetData>`);

/** Sets the uncompressed size the central directory declares for `part`: a file that lies about its size. */
function declareSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(part);
  for (let p = 0; p + 46 < out.length; p++) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const len = dv.getUint16(p + 28, true);
    if (len === name.length && name.every((b, i) => out[p + 46 + i] === b)) {
      dv.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no ${part}`);
}

describe('read limits: refused by name, before inflating when the directory says so, while inflating when it lies', () => {
  const sheet = rowsXml(2000);
  const bytes = buildXlsx({ sheets: [{ name: 'S', xml: sheet }] });

  test('a part declared over the limit is refused, naming the limit in Chinese and English', () => {
    const err = readError(() => first(bytes, small({ partBytes: 10_000 })));
    expect(err.problem).toBe('limit');
    expect(err.zh).toContain('单个部件解压后的大小');
    expect(err.zh).toContain('xl/worksheets/sheet1.xml');
    expect(err.en).toContain('inflated size of one part');
    expect(err.localized('en')).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });

  test('a part that declares a small size but inflates past the limit is stopped by counting', () => {
    const lying = declareSize(bytes, 'xl/worksheets/sheet1.xml', 100);
    const err = readError(() => first(lying, small({ partBytes: 10_000 })));
    expect(err.problem).toBe('limit');
    expect(err.en).toContain('inflated size of one part');
    // And within the limit the lie does no harm.
    expect(first(lying).sheet.rowCount).toBe(2000);
  });

  test('total inflated bytes, shared strings (count and characters), cells and zip entries', () => {
    expect(readError(() => first(bytes, small({ totalBytes: 20_000 }))).en).toContain('total inflated size');
    const strings = buildXlsx({ sheets: [{ name: 'S', xml: rowsXml(1) }], sharedStrings: sst(Array.from({ length: 50 }, (_, i) => `<si><t>字符串${i}</t></si>`)) });
    expect(readError(() => first(strings, small({ sharedStrings: 10 }))).en).toContain('number of shared strings');
    expect(readError(() => first(strings, small({ sharedStringChars: 100 }))).en).toContain('characters in the shared strings');
    expect(readError(() => first(bytes, small({ cells: 1000 }))).en).toContain('number of cells');
    expect(readError(() => first(bytes, small({ entries: 3 }))).en).toContain('number of entries');
  });

  test('content past the rows and columns of a self-assessment table: the sheet is too large, the rest still read', () => {
    const read = first(bytes, small({ rows: 100, cols: 1 }));
    expect(read).toMatchObject({ truncated: true, contentRows: 2000, contentCols: 1 });
    expect(read.sheet.rowCount).toBe(100);
  });

  test('fast-check: sheets of any size against small limits are read within them or refused by a limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 200, max: 20_000 }), (rows, cols, cap) => {
        const limits = small({ cells: cap / 20, partBytes: cap, totalBytes: cap * 2, rows: 50, cols: 5 });
        const data = buildXlsx({ sheets: [{ name: 'S', xml: rowsXml(rows, cols) }] });
        try {
          const read = first(data, limits);
          expect(rows * cols).toBeLessThanOrEqual(limits.cells);
          expect(read.sheet.rowCount).toBeLessThanOrEqual(limits.rows);
          expect(read.sheet.colCount).toBeLessThanOrEqual(limits.cols);
        } catch (err) {
          expect(err).toBeInstanceOf(WorkbookReadError);
          expect((err as WorkbookReadError).problem).toBe('limit');
        }
      }),
      { numRuns: 60 },
    );
  });

  test('fast-check: mutated and truncated zips never crash — every failure is a named WorkbookReadError, never internal', () => {
    const base = buildXlsx({
      sheets: [{ name: 'S', xml: rowsXml(40, 3) }],
      sharedStrings: sst(['<si><t>评价内容</t></si>']),
      styles: styles([9]),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(base.length), { nil: undefined }),
        (edits, cut) => {
          const data = base.slice(0, cut ?? base.length);
          for (const [at, b] of edits) if (at < data.length) data[at] = b;
          try {
            const reader = loadWorkbook(data, 'm.xlsx', small({ partBytes: 1 << 20, totalBytes: 2 << 20 }));
            for (const s of reader.sheets) readSheetOf(reader, s, 'm.xlsx');
          } catch (err) {
            expect(err).toBeInstanceOf(WorkbookReadError);
            expect(['corrupt', 'limit', 'no-sheets', 'not-xlsx', 'unsupported']).toContain((err as WorkbookReadError).problem);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
