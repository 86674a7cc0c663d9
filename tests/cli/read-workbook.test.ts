import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { pickSheet } from '../../src/cli/xlsx/pick-sheet';
import { WorkbookReadError } from '../../src/cli/xlsx/read-errors';
import { loadWorkbook } from '../../src/cli/xlsx/read-workbook';
import { sniffFileKind } from '../../src/xlsx/file-kind';
import type { XlsxReader } from '../../src/xlsx/xlsx-reader';
import { MAX_ROWS, plain, readWorksheet } from '../../src/xlsx/read-worksheet';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { buildTemplateWorkbook } from '../../src/cli/xlsx/write-template';
import { bundledRubric, EXAMPLE_CLEAN } from './helpers';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function roundTrip(fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('S'));
  const loaded = loadWorkbook(await bytesOf(wb), 'test.xlsx');
  return loaded.readSheet(loaded.sheets[0]).sheet;
}

/** The first bytes of an OLE compound file, as Office writes both .xls and encrypted .xlsx. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function expectReadError(bytes: Buffer, problem: string): Promise<WorkbookReadError> {
  let err: unknown;
  try {
    loadWorkbook(bytes, 'x.xlsx');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).problem).toBe(problem);
  return err as WorkbookReadError;
}

describe('the streaming reader (validate) and readWorksheet (the playground): cells as the engine sees them', () => {
  test('rich text and hyperlinks become their plain text; dates become text', async () => {
    const sheet = await roundTrip((ws) => {
      ws.getCell('A1').value = { richText: [{ text: '佐证', font: { bold: true } }, { text: '材料' }] };
      ws.getCell('B1').value = { text: '《工作总结》', hyperlink: 'https://example.org/a.pdf' };
      ws.getCell('C1').value = new Date(Date.UTC(2024, 0, 12));
      ws.getCell('D1').value = new Date(Date.UTC(2024, 0, 12, 9, 30));
    });
    expect(sheet.cell(0, 0)?.value).toBe('佐证材料');
    expect(sheet.cell(0, 1)?.value).toBe('《工作总结》');
    expect(sheet.cell(0, 2)?.value).toBe('2024-01-12');
    expect(sheet.cell(0, 3)?.value).toBe('2024-01-12 09:30');
  });

  test('formulas keep their text and cached result; shared formulas are translated to their cell', async () => {
    const sheet = await roundTrip((ws) => {
      ws.getCell('B1').value = 2;
      ws.getCell('B2').value = 3;
      ws.getCell('A1').value = { formula: 'B1*2', result: 4, shareType: 'shared', ref: 'A1:A2' } as ExcelJS.CellFormulaValue;
      ws.getCell('A2').value = { sharedFormula: 'A1', result: 6 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('C1').value = { formula: 'SUM(B1:B2)' } as ExcelJS.CellFormulaValue;
    });
    expect(sheet.cell(0, 0)).toMatchObject({ value: 4, formula: 'B1*2' });
    expect(sheet.cell(1, 0)).toMatchObject({ value: 6, formula: 'B2*2' });
    // Never calculated: a formula with no cached value reads as an empty value, not 0.
    expect(sheet.cell(0, 2)).toMatchObject({ value: null, formula: 'SUM(B1:B2)' });
  });

  test('error values, typed or as a formula result, become {error}', async () => {
    const sheet = await roundTrip((ws) => {
      ws.getCell('A1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    });
    expect(sheet.cell(0, 0)?.value).toEqual({ error: '#N/A' });
    expect(sheet.cell(1, 0)).toMatchObject({ value: { error: '#DIV/0!' }, formula: '1/0' });
  });

  test('merged ranges: the value only at the top-left, the range 0-based; number formats kept', async () => {
    const sheet = await roundTrip((ws) => {
      ws.getCell('B2').value = '年度重点工作任务\n（25分）';
      ws.mergeCells('B2:B5');
      ws.getCell('D1').value = 0.15;
      ws.getCell('D1').numFmt = '0%';
    });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 4, right: 1 }]);
    expect(sheet.cell(1, 1)?.value).toBe('年度重点工作任务\n（25分）');
    for (const r of [2, 3, 4]) expect(sheet.cell(r, 1)).toBeUndefined();
    expect(sheet.cell(0, 3)).toMatchObject({ value: 0.15, numberFormat: '0%' });
  });

  test('the General format, which Excel reports for every unformatted cell, is no number format', () => {
    // In memory, not saved: a saved General cell comes back without any numFmt, so only this shows the rule.
    const ws = new ExcelJS.Workbook().addWorksheet('S');
    ws.getCell('A1').value = 2;
    ws.getCell('A1').numFmt = 'General';
    ws.getCell('A2').value = 0.5;
    ws.getCell('A2').numFmt = '0.00';
    expect(readWorksheet(ws).sheet.cell(0, 0)).toEqual({ value: 2 });
    expect(readWorksheet(ws).sheet.cell(1, 0)).toEqual({ value: 0.5, numberFormat: '0.00' });
  });

  test('plain() reads values nested in hyperlinks and formula objects', () => {
    expect(plain({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(plain({ formula: 'A1', result: { error: '#REF!' } })).toEqual({ error: '#REF!' });
    expect(plain('')).toBeNull();
    expect(plain(Number.NaN)).toBeNull();
  });

  test('content beyond the row cap is not read and marks the sheet truncated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('big');
    ws.getCell('A1').value = 'top';
    ws.getCell(`A${MAX_ROWS + 10}`).value = 'far below';
    const loaded = loadWorkbook(await bytesOf(wb), 'big.xlsx');
    const read = loaded.readSheet(loaded.sheets[0]);
    expect(read.truncated).toBe(true);
    expect(read.contentRows).toBe(MAX_ROWS + 10);
    expect(read.sheet.rowCount).toBeLessThanOrEqual(MAX_ROWS);
  });

  test('limits cap columns as well as rows; merges starting outside them are dropped', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('S');
    ws.getCell('A1').value = '内';
    ws.getCell('B2').value = '内';
    ws.getCell('D1').value = '右外';
    ws.mergeCells('A2:A3'); // starts inside
    ws.mergeCells('B3:E3'); // starts inside, ends outside: kept whole
    ws.mergeCells('C4:D5'); // starts below
    const read = readWorksheet(ws, { rows: 3, cols: 2 });
    expect(read).toMatchObject({ contentRows: 2, contentCols: 4, truncated: true });
    expect(read.sheet.colCount).toBe(2);
    expect(read.sheet.cell(0, 3)).toBeUndefined();
    expect(read.sheet.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 4 },
    ]);
    expect(readWorksheet(ws, { rows: 3, cols: 4 }).truncated).toBe(false);
  });
});

describe('loadWorkbook: bad input is named, never thrown raw', () => {
  test('sniffFileKind tells zip, encrypted, old .xls and other bytes apart', () => {
    expect(sniffFileKind(readFileSync(EXAMPLE_CLEAN))).toBe('zip');
    expect(sniffFileKind(Buffer.concat([CFB, Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le')]))).toBe('cfb-encrypted');
    expect(sniffFileKind(Buffer.concat([CFB, Buffer.alloc(600)]))).toBe('cfb');
    expect(sniffFileKind(Buffer.from('序号,指标体系\n1,年度重点工作任务\n'))).toBe('other');
    expect(sniffFileKind(Buffer.alloc(0))).toBe('other');
  });

  test('a text file renamed .xlsx', async () => {
    const err = await expectReadError(Buffer.from('这不是表格'), 'not-xlsx');
    expect(err.zh).toContain('另存为');
    expect(err.en).toContain('Excel Workbook');
  });

  test('an encrypted workbook says how to remove the password', async () => {
    const err = await expectReadError(Buffer.concat([CFB, Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le')]), 'encrypted');
    expect(err.zh).toMatch(/密码/);
    expect(err.localized('zh')).toContain('password');
    expect(err.localized('en')).not.toMatch(/密码/);
  });

  test('an old .xls asks to save as .xlsx', async () => {
    const err = await expectReadError(Buffer.concat([CFB, Buffer.alloc(600)]), 'old-xls');
    expect(err.zh).toContain('.xlsx');
  });

  test('a truncated xlsx is reported as damaged', async () => {
    const whole = readFileSync(EXAMPLE_CLEAN);
    await expectReadError(whole.subarray(0, Math.floor(whole.length / 2)), 'corrupt');
  });
});

describe('pickSheet', () => {
  const rubric = bundledRubric();

  async function workbookWith(...sheets: ('table' | 'notes' | 'big')[]): Promise<XlsxReader> {
    const wb = new ExcelJS.Workbook();
    for (const [i, kind] of sheets.entries()) {
      if (kind === 'table') {
        const src = buildTemplateWorkbook(buildTemplateSpec(rubric)).worksheets[0];
        const ws = wb.addWorksheet(`自评表${i}`);
        src.eachRow((row, r) => row.eachCell((c, col) => (ws.getCell(r, col).value = c.value)));
      } else if (kind === 'notes') {
        wb.addWorksheet(`说明${i}`).getCell('A1').value = '填表说明：请按评分细则填写。';
      } else {
        const ws = wb.addWorksheet(`名录${i}`);
        ws.getCell('A1').value = '评价内容';
        ws.getCell('B1').value = '自评得分';
        ws.getCell(MAX_ROWS + 1, 1).value = '…';
      }
    }
    return loadWorkbook(await bytesOf(wb), 'wb.xlsx');
  }

  test('without --sheet, the first sheet holding the table is used, skipping notes and oversized sheets', async () => {
    const wb = await workbookWith('notes', 'big', 'table');
    const picked = pickSheet(wb, rubric, 'wb.xlsx');
    expect(picked.sheet.name).toBe('自评表2');
    expect(picked.table.rows.length).toBeGreaterThan(60);
  });

  test('no sheet holds a table: the message says what was looked for in which sheets', async () => {
    const wb = await workbookWith('notes', 'big');
    const err = (() => {
      try {
        pickSheet(wb, rubric, 'wb.xlsx');
      } catch (e) {
        return e as WorkbookReadError;
      }
      return undefined;
    })();
    expect(err?.problem).toBe('no-table');
    expect(err?.zh).toContain('说明0');
    expect(err?.zh).toContain('评价内容');
    expect(err?.zh).toContain('名录1');
    expect(err?.en).toContain('too large');
  });

  test('--sheet names a missing sheet or an oversized one', async () => {
    const wb = await workbookWith('table', 'big');
    expect(() => pickSheet(wb, rubric, 'wb.xlsx', '不存在')).toThrow(/没有名为“不存在”的工作表.*自评表0/);
    expect(() => pickSheet(wb, rubric, 'wb.xlsx', '名录1')).toThrow(/过大/);
    expect(pickSheet(wb, rubric, 'wb.xlsx', '自评表0').sheet.name).toBe('自评表0');
  });
});
