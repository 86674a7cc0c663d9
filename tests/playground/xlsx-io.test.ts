import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { WorkbookReadError } from '../../src/cli/xlsx/read-errors';
import { SEVERITY_FILL } from '../../src/office/marks';
import { resolveColor } from '../../src/playground/excel-colors';
import { MemoryHost } from '../../src/playground/memory-host';
import { exportXlsx } from '../../src/playground/xlsx-write';
import { readXlsx } from '../../src/playground/xlsx-read';

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A small self-assessment-like workbook with the user's own fills and notes, a merge and formulas. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  ws.getCell('A1').value = '评价内容';
  ws.getCell('A1').font = { bold: true };
  ws.getCell('A1').fill = solid('FFD9E1F2');
  ws.getCell('B1').value = '自评得分';
  ws.getCell('A2').value = '规范工作流程';
  ws.mergeCells('A2:A3');
  ws.getCell('B2').value = 2;
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.5999938962981048 } as Partial<ExcelJS.Color> };
  ws.getCell('B3').value = 1.5;
  ws.getCell('B3').note = '复核：已核对原件';
  ws.getCell('C3').fill = solid('FFFFFF00'); // an empty cell the user coloured
  ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 99 } as ExcelJS.CellFormulaValue; // stale cache
  ws.getCell('B5').value = { formula: '_xldudf_RUBRIC_SCORE_DEDUCT(2,1,0.5)', result: 1.5 } as ExcelJS.CellFormulaValue;
  ws.getCell('C2').value = { richText: [{ text: '台账' }, { text: '、总结', font: { bold: true } }] };
  ws.getCell('D2').value = '15%';
  ws.getCell('D3').value = new Date(Date.UTC(2024, 0, 10));
  ws.getCell('D4').value = { text: '佐证材料清单', hyperlink: '#说明!A1' };
  ws.getCell('D5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getColumn(1).width = 20;
  const hidden = wb.addWorksheet('隐藏');
  hidden.state = 'veryHidden';
  hidden.getCell('A1').value = 'secret';
  const locked = wb.addWorksheet('锁定');
  locked.getCell('A1').value = 1;
  await locked.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('readXlsx', () => {
  test('reads values, formulas, merges, fills (ARGB and theme), notes, hidden and protected sheets', async () => {
    const { book, truncated } = await readXlsx(await userWorkbook(), '自评表.xlsx');
    expect(truncated).toEqual([]);
    expect(book.active).toBe('自评表');
    expect(book.sheets.map((s) => [s.name, s.hidden, s.protected])).toEqual([
      ['自评表', false, false],
      ['隐藏', true, false],
      ['锁定', false, true],
    ]);
    const s = book.sheets[0];
    expect(s.cells.get('A1')).toEqual({ value: '评价内容', bold: true, fill: '#D9E1F2' });
    // Office's "Blue, Accent 1, Lighter 60%" is #B4C7E7.
    expect(s.cells.get('B2')).toEqual({ value: 2, fill: '#B4C7E7' });
    expect(s.cells.get('B3')).toEqual({ value: 1.5, note: '复核：已核对原件' });
    expect(s.cells.get('C3')).toEqual({ value: null, fill: '#FFFF00' });
    expect(s.cells.get('B4')).toEqual({ value: 99, formula: 'SUM(B2:B3)' });
    expect(s.cells.get('C2')?.value).toBe('台账、总结');
    expect(s.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(s.cells.has('A3')).toBe(false); // inside the merge: ExcelJS echoes A2 there, the model does not
    expect(s.columnWidths[0]).toBe(20);
  });

  test('a file that is not an xlsx is refused with a message saying how to fix it', async () => {
    const notXlsx = new TextEncoder().encode('指标体系,评价内容\n1,2\n');
    await expect(readXlsx(notXlsx, '自评表.csv')).rejects.toMatchObject({ problem: 'not-xlsx' });
    const err = await readXlsx(notXlsx, '自评表.csv').catch((e: WorkbookReadError) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).zh).toContain('另存为');
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readXlsx(xls, '旧表.xls')).rejects.toMatchObject({ problem: 'old-xls' });
    const zipStart = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readXlsx(zipStart, '半截.xlsx')).rejects.toMatchObject({ problem: 'corrupt' });
  });
});

describe('exportXlsx', () => {
  test('the download carries the marks; after clearMarks it carries the original fills and notes again', async () => {
    const bytes = await userWorkbook();
    const original = await reload(bytes);
    const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
    await host.writeMarks('自评表', [
      { cell: 'B2', severity: 'error', note: '超过满分' },
      { cell: 'B3', severity: 'warning', note: '缺佐证材料' },
    ]);
    const marked = (await reload(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, "x.xlsx", host.allMarks()))).getWorksheet('自评表')!;
    const fgOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fgOf(marked.getCell('B2'))).toBe(`FF${SEVERITY_FILL.error.slice(1)}`);
    expect((marked.getCell('B2').note as ExcelJS.Comment).texts!.map((t) => t.text).join('')).toBe('超过满分');
    expect(fgOf(marked.getCell('B3'))).toBe(`FF${SEVERITY_FILL.warning.slice(1)}`);
    // Untouched cells, values and other sheets are as the file had them.
    const ws0 = original.getWorksheet('自评表')!;
    for (const a of ['A1', 'C3', 'B4', 'B5', 'A2']) {
      expect([a, marked.getCell(a).value, marked.getCell(a).fill]).toEqual([a, ws0.getCell(a).value, ws0.getCell(a).fill]);
    }
    expect(marked.getCell('B2').value).toBe(2);
    // The user's note on B3 stays, ours after it; the marks are listed in 问题清单.
    expect((marked.getCell('B3').note as ExcelJS.Comment).texts!.map((t) => t.text).join('')).toBe('复核：已核对原件\n\n缺佐证材料');
    const list = marked.workbook.getWorksheet('问题清单')!;
    expect([list.getCell('A2').value, list.getCell('B2').value, list.getCell('D2').value]).toEqual(['错误', 'B2', '超过满分']);
    expect(marked.workbook.getWorksheet('隐藏')?.state).toBe('veryHidden');

    await host.clearMarks();
    const cleared = (await reload(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, "x.xlsx", host.allMarks()))).getWorksheet('自评表')!;
    for (const a of ['B2', 'B3', 'C3', 'A1']) {
      expect([a, cleared.getCell(a).fill, cleared.getCell(a).note]).toEqual([a, ws0.getCell(a).fill, ws0.getCell(a).note]);
    }
  });

  test('marking one cell leaves the cells that share its style in the file untouched', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (const a of ['A1', 'A2', 'A3']) {
      ws.getCell(a).value = 1;
      ws.getCell(a).font = { name: '宋体', bold: true }; // one style id for all three once saved
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const host = new MemoryHost((await readXlsx(bytes, 's.xlsx')).book);
    await host.writeMarks('S', [{ cell: 'A2', severity: 'error', note: 'x' }]);
    const out = (await reload(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, "x.xlsx", host.allMarks()))).getWorksheet('S')!;
    const was = (await reload(bytes)).getWorksheet('S')!;
    expect(out.getCell('A1').fill).toEqual(was.getCell('A1').fill);
    expect(out.getCell('A3').fill).toEqual(was.getCell('A3').fill);
    expect((out.getCell('A1').fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    expect((out.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(out.getCell('A2').font).toEqual(out.getCell('A1').font);
  });

  test('with marks only, the download is the opened file patched: every part but the marked sheet, styles, notes and 问题清单 byte-identical', async () => {
    const bytes = await userWorkbook();
    const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
    await host.writeMarks('自评表', [{ cell: 'B2', severity: 'error', note: '超过满分' }]);
    const was = unzipSync(bytes);
    const now = unzipSync(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks()));
    const owned = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet1\.xml|xl\/worksheets\/_rels\/sheet1\.xml\.rels|xl\/comments1\.xml|xl\/drawings\/vmlDrawing1\.vml)$/;
    for (const name of Object.keys(was)) if (!owned.test(name)) expect([name, strFromU8(now[name])]).toEqual([name, strFromU8(was[name])]);
  });

  test('a value typed into the opened file is in the download', async () => {
    const bytes = await userWorkbook();
    const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
    host.editCell('自评表', 'B2', '3');
    await host.writeMarks('自评表', [{ cell: 'B2', severity: 'error', note: '超过满分' }]);
    const ws = (await reload(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks()))).getWorksheet('自评表')!;
    expect(ws.getCell('B2').value).toBe(3);
  });

  test('written formulas are saved the way Excel stores our functions, with the computed result', async () => {
    const bytes = await userWorkbook();
    const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
    await host.writeFormula('自评表', 'B6', '=B2+B3');
    const ws = (await reload(await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, "x.xlsx", host.allMarks()))).getWorksheet('自评表')!;
    expect(ws.getCell('B6').formula).toBe('B2+B3');
    expect(ws.getCell('B6').result).toBe(3.5);
  });
});

describe('resolveColor', () => {
  test.each([
    [{ argb: 'FF00B050' }, '#00B050'],
    [{ theme: 0 }, '#FFFFFF'],
    [{ theme: 5, tint: 0.7999816888943144 }, '#FBE5D6'], // Orange, Accent 2, Lighter 80%
    [{ theme: 4, tint: -0.249977111117893 }, '#2F5597'], // Blue, Accent 1, Darker 25%
    [{ indexed: 10 }, '#FF0000'],
    [{}, undefined],
  ])('%j → %s', (color, hex) => {
    expect(resolveColor(color)).toBe(hex);
  });
});
