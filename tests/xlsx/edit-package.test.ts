import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { AnnotateError } from '../../src/xlsx/annotate/annotate-package';
import type { CellContent } from '../../src/xlsx/annotate/cell-content';
import { editPackage, type CellEdit, type EditRequest } from '../../src/xlsx/annotate/edit-package';
import { EDITABLE_SHEET, editableFixtureParts, fixtureParts, MARKED_SHEET, streamedCells, wellFormed, zipParts } from '../support/office-package';
import { buildXlsx, NS, sst, worksheet } from './part-fixtures';

jest.setTimeout(120_000);

const SHEET = EDITABLE_SHEET;
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const parts = editableFixtureParts;

const unzip = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const cellXml = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The streaming reader's cells of a sheet, by A1. */
const streamed = streamedCells;

const edits = (cells: CellEdit[]): EditRequest => ({ edits: [{ sheet: '自评表', cells }] });

describe('editPackage: cells of each kind rewritten in place', () => {
  const before = parts();
  const bytes = zipParts(before);
  const request = edits([
    { cell: 'E3', content: { value: 6 } },
    { cell: 'B4', content: { value: '兜底 <保障> & "救助"' } },
    { cell: 'B5', content: { value: false } },
    { cell: 'A8', content: { value: null } },
    { cell: 'E8', content: { value: 3, formula: 'RUBRIC.SCORE_DEDUCT(5,2)' } },
    { cell: 'A6', content: { value: '甲', formula: 'IF(A3=1,"甲","乙")' } },
    { cell: 'G3', content: { value: 0.15 }, numberFormat: '0%' },
    { cell: 'H20', content: { value: 42 } },
  ]);
  const copy = editPackage(bytes, request);
  const out = unzip(copy);

  test('only the edited sheet, styles, workbook.xml (calcPr) and the calculation chain change', () => {
    const owned = new Set([SHEET, 'xl/styles.xml', 'xl/workbook.xml', 'xl/calcChain.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
    for (const [name, text] of Object.entries(before)) if (!owned.has(name)) expect([name, out[name]]).toEqual([name, text]);
    expect(Object.keys(out).filter((n) => !(n in before))).toEqual([]);
    for (const [name, text] of Object.entries(out)) if (!name.endsWith('.vml')) wellFormed(name, text);
  });

  test("each cell gets its new content and keeps its style and the attributes it had; the row's attributes stay", () => {
    const sheet = out[SHEET];
    expect(cellXml(sheet, 'E3')).toBe('<c r="E3" s="1"><v>6</v></c>');
    expect(cellXml(sheet, 'B4')).toBe('<c r="B4" s="3" t="inlineStr"><is><t xml:space="preserve">兜底 &lt;保障&gt; &amp; &quot;救助&quot;</t></is></c>');
    expect(cellXml(sheet, 'B5')).toBe('<c r="B5" s="3" t="b"><v>0</v></c>');
    expect(cellXml(sheet, 'A8')).toBe('<c r="A8" s="3"/>');
    expect(cellXml(sheet, 'E8')).toBe('<c r="E8" s="1"><f>_xldudf_RUBRIC_SCORE_DEDUCT(5,2)</f><v>3</v></c>');
    expect(cellXml(sheet, 'A6')).toBe('<c r="A6" s="3" t="str"><f>IF(A3=1,&quot;甲&quot;,&quot;乙&quot;)</f><v>甲</v></c>');
    // A new cell in an existing row goes in column order; a new row after the last.
    expect(sheet).toMatch(/<c r="F3" s="1"><f t="shared" ref="F3:F5" si="0">E3\*2<\/f><v>9<\/v><\/c><c r="G3" s="\d+"><v>0.15<\/v><\/c><\/row>/);
    expect(sheet).toMatch(/<row r="9" ht="30" customHeight="1"\/><row r="20"><c r="H20"><v>42<\/v><\/c><\/row><\/sheetData>/);
    expect(sheet).toContain('<row r="5" s="1" customFormat="true" ht="13.5" hidden="false" customHeight="false">');
    // Untouched cells, the shared formula group, and every element after sheetData as written.
    for (const kept of ['<c r="F4" s="1"><f t="shared" si="0"/><v>14</v></c>', '<c r="A1" s="2" t="s"><v>0</v></c>', '<sheetProtection', '<x14:dataValidations', '<x14:sparklineGroups', '<tableParts count="1">', '<legacyDrawing r:id="rId2"/>']) {
      expect([kept, sheet.includes(kept)]).toEqual([kept, true]);
    }
    expect(sheet.slice(sheet.indexOf('</sheetData>'))).toBe(before[SHEET].slice(before[SHEET].indexOf('</sheetData>')));
  });

  test('a typed percentage gets a clone of its cell format with 0%; every existing format and the 10.5 pt fonts are kept', () => {
    const styles = out['xl/styles.xml'];
    const wasStyles = before['xl/styles.xml'];
    expect(styles.slice(0, styles.indexOf('<cellXfs'))).toBe(wasStyles.slice(0, wasStyles.indexOf('<cellXfs')));
    const s = Number(/<c r="G3" s="(\d+)"/.exec(out[SHEET])![1]);
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
    expect(xfs).toHaveLength(5);
    expect(xfs[s]).toContain('numFmtId="9"');
    expect(xfs[s]).toContain('applyNumberFormat="1"');
    expect(styles).toContain('<sz val="10.5"/>');
  });

  test('a formula taken out (E8) drops the calculation chain with its rel and content type; Excel is told to recalculate', () => {
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(out['xl/_rels/workbook.xml.rels']).toBe(before['xl/_rels/workbook.xml.rels'].replace(`<Relationship Id="rId20" Type="${RT}/calcChain" Target="calcChain.xml"/>`, ''));
    expect(out['[Content_Types].xml']).not.toContain('calcChain');
    expect(out['[Content_Types].xml']).toContain('<Override PartName="/xl/styles.xml"');
    expect(out['xl/workbook.xml']).toBe(before['xl/workbook.xml'].replace('<calcPr calcId="191029"/>', '<calcPr calcId="191029" fullCalcOnLoad="1"/>'));
  });

  test('ExcelJS and the streaming reader read the new content; the defined name, protection and chart are still there', async () => {
    const wb = await exceljs(copy);
    const ws = wb.getWorksheet('自评表')!;
    expect(ws.getCell('E3').value).toBe(6);
    expect(ws.getCell('B4').value).toBe('兜底 <保障> & "救助"');
    expect(ws.getCell('B5').value).toBe(false);
    expect(ws.getCell('A8').value).toBeNull();
    expect(ws.getCell('E8').value).toEqual({ formula: '_xldudf_RUBRIC_SCORE_DEDUCT(5,2)', result: 3 });
    expect(ws.getCell('G3').value).toBe(0.15);
    expect(ws.getCell('G3').numFmt).toBe('0%');
    expect(ws.getCell('H20').value).toBe(42);
    const cells = streamed(copy, '自评表');
    expect(cells.get('E3')?.value).toBe(6);
    expect(cells.get('B4')?.value).toBe('兜底 <保障> & "救助"');
    expect(cells.get('B5')?.value).toBe(false);
    expect(cells.has('A8')).toBe(false);
    expect(cells.get('E8')).toMatchObject({ value: 3, formula: '_xldudf_RUBRIC_SCORE_DEDUCT(5,2)' });
    expect(cells.get('A6')).toMatchObject({ value: '甲', formula: 'IF(A3=1,"甲","乙")' });
    expect(cells.get('G3')).toEqual({ value: 0.15, numberFormat: '0%' });
    expect(cells.get('F4')).toMatchObject({ formula: 'E4*2' });
    expect(out['xl/workbook.xml']).toContain('<definedName name="加分上限">5</definedName>');
    expect(out['xl/workbook.xml']).toContain('<workbookProtection');
    expect(out['xl/charts/chart1.xml']).toBe(before['xl/charts/chart1.xml']);
    expect(out['xl/threadedComments/threadedComment1.xml']).toBe(before['xl/threadedComments/threadedComment1.xml']);
  });

  test('the input bytes are not changed; a sheet that is not there is an AnnotateError', () => {
    expect(unzip(bytes)).toEqual(before);
    expect(() => editPackage(bytes, { edits: [{ sheet: '没有', cells: [{ cell: 'A1', content: { value: 1 } }] }] })).toThrow(expect.objectContaining({ problem: 'no-sheet' }));
  });

  test('values alone (no formula touched) keep the calculation chain', () => {
    const kept = unzip(editPackage(bytes, edits([{ cell: 'E4', content: { value: 3 } }])));
    expect(kept['xl/calcChain.xml']).toBe(before['xl/calcChain.xml']);
    expect(kept['xl/workbook.xml']).toContain('fullCalcOnLoad="1"');
  });
});

describe('shared and array formulas', () => {
  const before = parts();
  const bytes = zipParts(before);

  test('editing the master of a shared formula gives each remaining cell of the group its own formula', async () => {
    const copy = editPackage(bytes, edits([{ cell: 'F3', content: { value: 5 } }]));
    const sheet = unzip(copy)[SHEET];
    expect(cellXml(sheet, 'F3')).toBe('<c r="F3" s="1"><v>5</v></c>');
    expect(cellXml(sheet, 'F4')).toBe('<c r="F4" s="1"><f>E4*2</f><v>14</v></c>');
    expect(cellXml(sheet, 'F5')).toBe('<c r="F5" s="1"><f>E5*2</f><v>4</v></c>');
    expect(sheet).not.toContain('si="0"');
    const cells = streamed(copy, '自评表');
    expect(cells.get('F4')).toMatchObject({ formula: 'E4*2', value: 14 });
    expect(cells.get('F5')).toMatchObject({ formula: 'E5*2', value: 4 });
    const ws = (await exceljs(copy)).getWorksheet('自评表')!;
    expect(ws.getCell('F5').formula).toBe('E5*2');
    expect(unzip(copy)['xl/calcChain.xml']).toBeUndefined();
  });

  test('a new formula in the master does the same: the group is not left pointing at the new text', () => {
    const sheet = unzip(editPackage(bytes, edits([{ cell: 'F3', content: { value: 1, formula: 'E3-3' } }])))[SHEET];
    expect(cellXml(sheet, 'F3')).toBe('<c r="F3" s="1"><f>E3-3</f><v>1</v></c>');
    expect(cellXml(sheet, 'F5')).toBe('<c r="F5" s="1"><f>E5*2</f><v>4</v></c>');
  });

  test('editing a dependant changes that cell only; the master and the other dependants keep sharing', () => {
    const copy = editPackage(bytes, edits([{ cell: 'F4', content: { value: 0 } }]));
    const sheet = unzip(copy)[SHEET];
    expect(cellXml(sheet, 'F3')).toBe('<c r="F3" s="1"><f t="shared" ref="F3:F5" si="0">E3*2</f><v>9</v></c>');
    expect(cellXml(sheet, 'F4')).toBe('<c r="F4" s="1"><v>0</v></c>');
    expect(cellXml(sheet, 'F5')).toBe('<c r="F5" s="1"><f t="shared" si="0"/><v>4</v></c>');
    const cells = streamed(copy, '自评表');
    expect(cells.get('F4')).toEqual({ value: 0, numberFormat: '0.0"分"' });
    expect(cells.get('F5')).toMatchObject({ formula: 'E5*2' });
  });

  test('a member of an array formula edited alone: the master keeps its formula over itself, the others their cached values', async () => {
    const p = parts();
    p[SHEET] = p[SHEET].replace('<c r="A3" s="3"><v>1</v></c>', '<c r="A3" s="3"><f t="array" ref="A3:A5">ROW(A3:A5)-2</f><v>1</v></c>');
    const copy = editPackage(zipParts(p), edits([{ cell: 'A4', content: { value: 9 } }]));
    const sheet = unzip(copy)[SHEET];
    expect(cellXml(sheet, 'A3')).toBe('<c r="A3" s="3"><f t="array" ref="A3">ROW(A3:A5)-2</f><v>1</v></c>');
    expect(cellXml(sheet, 'A4')).toBe('<c r="A4" s="3"><v>9</v></c>');
    expect(cellXml(sheet, 'A5')).toBe('<c r="A5" s="3"><v>3</v></c>');
    await exceljs(copy);
    expect(streamed(copy, '自评表').get('A5')).toEqual({ value: 3 });
    // A member given only a number format stays in the array.
    const formatted = unzip(editPackage(zipParts(p), edits([{ cell: 'A4', numberFormat: '0%' }])))[SHEET];
    expect(cellXml(formatted, 'A3')).toBe('<c r="A3" s="3"><f t="array" ref="A3:A5">ROW(A3:A5)-2</f><v>1</v></c>');
    expect(cellXml(formatted, 'A4')).toMatch(/^<c r="A4" s="\d+"><v>2<\/v><\/c>$/);
  });
});

describe('sheets added by the page', () => {
  const unlocked = () => parts();

  test('a workbook whose structure is protected takes no new sheet: a clear AnnotateError naming it, as Excel refuses', () => {
    const request: EditRequest = { edits: edits([{ cell: 'E3', content: { value: 1 } }]).edits, addSheets: [{ name: '汇总比较', cells: [] }] };
    expect(() => editPackage(zipParts(parts({ structureLocked: true })), request)).toThrow(expect.objectContaining({ problem: 'structure-locked', zh: expect.stringContaining('「汇总比较」') }));
    // Edits alone are fine under the lock: it protects the sheets' structure, not their cells.
    expect(() => editPackage(zipParts(parts({ structureLocked: true })), edits([{ cell: 'E3', content: { value: 1 } }]))).not.toThrow();
  });

  test('a new worksheet part with its workbook entry, rel, content type and its formats appended to styles.xml', async () => {
    const before = unlocked();
    const copy = editPackage(zipParts(before), {
      addSheets: [
        {
          name: '汇总比较',
          cells: [
            { cell: 'A1', content: { value: '2023年汇总' }, format: { bold: true } },
            { cell: 'A2', content: { value: 85.5 }, format: { numberFormat: '0.0"分"', fill: '#FFF2CC', align: 'center', wrap: true } },
            { cell: 'B2', content: { value: 171, formula: 'A2*2' }, format: { numberFormat: '0.00' } },
          ],
          merges: ['A1:C1'],
          widths: [12, undefined, 30],
        },
      ],
    });
    const out = unzip(copy);
    for (const [name, text] of Object.entries(before)) {
      if (!['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'].includes(name)) expect([name, out[name]]).toEqual([name, text]);
    }
    expect(out['xl/workbook.xml']).toContain('<sheet name="汇总比较" sheetId="4" r:id="rId9"/></sheets>');
    expect(out['xl/worksheets/sheet3.xml']).toContain('<mergeCell ref="A1:C1"/>');
    expect(out['[Content_Types].xml']).toContain('<Override PartName="/xl/worksheets/sheet3.xml"');
    // 0.0"分" is already in the file's numFmts (id 176): reused, not appended.
    expect(out['xl/styles.xml']).toContain('<numFmts count="1">');
    const ws = (await exceljs(copy)).getWorksheet('汇总比较')!;
    expect(ws.getCell('A1').value).toBe('2023年汇总');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').numFmt).toBe('0.0"分"');
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(ws.getCell('A2').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('B2').value).toEqual({ formula: 'A2*2', result: 171 });
    expect(ws.getColumn(1).width).toBe(12);
    const cells = streamed(copy, '汇总比较');
    expect(cells.get('A2')).toEqual({ value: 85.5, numberFormat: '0.0"分"' });
    expect(cells.get('B2')).toMatchObject({ value: 171, formula: 'A2*2', numberFormat: '0.00' });
    expect(out['xl/workbook.xml']).toContain('fullCalcOnLoad="1"');
  });

  test('a number format the file does not have is appended to <numFmts> from id 177', () => {
    const out = unzip(editPackage(zipParts(unlocked()), { addSheets: [{ name: 'X', cells: [{ cell: 'A1', content: { value: 1 }, format: { numberFormat: '0.000' } }] }] }));
    expect(out['xl/styles.xml']).toContain('<numFmts count="2"><numFmt numFmtId="176" formatCode="0.0&quot;分&quot;"/><numFmt numFmtId="177" formatCode="0.000"/></numFmts>');
  });
});

describe('random edits never produce a package ExcelJS or the streaming reader cannot read', () => {
  const bytes = zipParts(parts());
  // B1 and C1 are inside the merged title A1:C1: readers show A1 only, and the page edits only A1.
  const address = fc
    .tuple(fc.constantFrom('A', 'B', 'C', 'E', 'F', 'G', 'H'), fc.integer({ min: 1, max: 14 }))
    .map(([c, r]) => `${c}${r}`)
    .filter((a) => a !== 'B1' && a !== 'C1');
  const text = fc.string({ unit: fc.constantFrom('a', '中', '<', '>', '&', '"', "'", ' ', '\n', '\u0001', '分'), maxLength: 8 });
  const content: fc.Arbitrary<CellContent> = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((value) => ({ value })),
    text.map((value) => ({ value })),
    fc.boolean().map((value) => ({ value })),
    fc.constant<CellContent>({ value: null }),
    fc.constantFrom('E3+1', 'SUM(E3:E5)', 'RUBRIC.SCORE_DEDUCT(2,1)', 'IF(A3>1,"是","否")').map((formula) => ({ value: 1, formula })),
  );
  const edit = fc.record({ cell: address, content, numberFormat: fc.option(fc.constantFrom('0%', '0.00', '0.0"分"', '[红色]0'), { nil: undefined }) });

  test('reopened by both, every edited plain value reads back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(edit, { selector: (e) => e.cell, minLength: 1, maxLength: 10 }), async (cells) => {
        const clean: CellEdit[] = cells.map(({ numberFormat, ...e }) => (numberFormat === undefined ? e : { ...e, numberFormat }));
        const copy = editPackage(bytes, edits(clean));
        const wb = await exceljs(copy);
        expect(wb.getWorksheet('自评表')).toBeDefined();
        const read = streamed(copy, '自评表');
        for (const e of clean) {
          if (!e.content) continue;
          if (e.content.formula !== undefined) expect(read.get(e.cell)?.formula).toBeDefined();
          else if (e.content.value === null) expect(read.get(e.cell)).toBeUndefined();
          else if (typeof e.content.value === 'string') expect(read.get(e.cell)?.value ?? '').toBe(e.content.value.replace(/\u0001/g, ''));
          // (A cell has no negative zero: -0 is written as 0.)
          else expect(read.get(e.cell)?.value).toBe(typeof e.content.value === 'number' ? e.content.value + 0 : e.content.value);
        }
      }),
      { numRuns: 25 },
    );
  });

  test('bytes that are not a workbook: an AnnotateError', () => {
    expect(() => editPackage(new Uint8Array([1, 2, 3]), edits([{ cell: 'A1', content: { value: 1 } }]))).toThrow(AnnotateError);
  });
});

describe('sheets as other producers write them', () => {
  test('a cell without r (kept in place by count) and a sheet whose main namespace has a prefix', () => {
    const noRef = fixtureParts();
    const sheet = unzip(editPackage(zipParts(noRef), edits([{ cell: 'B6', content: { value: 7 } }])))[MARKED_SHEET];
    expect(sheet).toContain('<row r="6"><c s="3"><v>4</v></c><c s="3"><v>7</v></c><c s="3"/><c r="F6" s="1"><v>1</v></c></row>');

    const prefixed = buildXlsx({
      sheets: [{ name: '自评表', xml: worksheet('<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>', NS.main, 'x') }],
      sharedStrings: sst(['<si><t>旧</t></si>']),
    });
    const copy = editPackage(prefixed, edits([{ cell: 'A1', content: { value: '新' } }, { cell: 'B1', content: { value: 2, formula: 'LEN(A1)' } }]));
    expect(unzip(copy)['xl/worksheets/sheet1.xml']).toContain(
      '<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">新</x:t></x:is></x:c><x:c r="B1"><x:f>LEN(A1)</x:f><x:v>2</x:v></x:c>',
    );
    expect(streamed(copy, '自评表').get('A1')?.value).toBe('新');
    expect(streamed(copy, '自评表').get('B1')).toMatchObject({ value: 2, formula: 'LEN(A1)' });
  });
});

describe('mutated packages never crash editPackage: a copy or a clear AnnotateError', () => {
  const base = parts();
  const request: EditRequest = {
    ...edits([
      { cell: 'F3', content: { value: 1 } },
      { cell: 'G3', content: { value: 0.2 }, numberFormat: '0%' },
    ]),
    addSheets: [{ name: '汇总', cells: [{ cell: 'A1', content: { value: '汇总' }, format: { bold: true } }] }],
  };
  const touched = [SHEET, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', '_rels/.rels', 'xl/calcChain.xml'];

  test('the text of a part it reads damaged, or the part missing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...touched),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(120),
        fc.string({ unit: fc.constantFrom('<', '>', '"', '&', '/', '=', ' ', 'f', 'c', '中'), maxLength: 6 }),
        fc.boolean(),
        (part, where, length, insert, drop) => {
          const text = base[part];
          const at = Math.floor(where * text.length);
          const mutated = drop ? Object.fromEntries(Object.entries(base).filter(([n]) => n !== part)) : { ...base, [part]: text.slice(0, at) + insert + text.slice(at + length) };
          try {
            const copy = editPackage(zipParts(mutated), request);
            expect(Object.keys(unzipSync(copy)).length).toBeGreaterThan(0);
          } catch (err) {
            if (!(err instanceof AnnotateError)) throw err;
            expect(err.zh).toMatch(/^无法生成标注副本/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
