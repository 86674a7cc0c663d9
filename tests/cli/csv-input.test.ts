/**
 * `validate` on a .csv export: UTF-8 with and without BOM and GB18030 (what Chinese Excel and WPS write
 * for "CSV (逗号分隔)"), read as one sheet through the same engine; never called a renamed file.
 */
import iconv from 'iconv-lite';
import { checkBytes, type CheckOptions } from '../../src/cli/xlsx/check-workbook';
import { WorkbookReadError } from '../../src/cli/xlsx/read-errors';
import type { CellValue } from '../../src/engine/sheet/sheet-model';
import { decodeCsv } from '../../src/xlsx/csv-sheet';
import { buildSheet, REORDERED_COLUMNS } from '../engine/validate/rubric-sheet';
import { bundledRubric } from './helpers';

const field = (v: CellValue): string => {
  if (v === null) return '';
  const text = typeof v === 'object' ? v.error : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The sheet as Excel's "Save as CSV" writes it: merged cells as their value then blanks, CRLF line ends. */
function csvOf(grid: CellValue[][]): string {
  return grid.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function plan() {
  const p = buildSheet(bundledRubric(), { columns: REORDERED_COLUMNS, titleRows: 3, categoryLabel: (c) => `${c.name}\n（${c.cap}分）` });
  p.set('2.3.2', 'reason', null);
  return p;
}

const options = (): CheckOptions => ({ rubric: bundledRubric(), extraChecks: [] });

describe.each([
  ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]), 'utf-8'],
  ['UTF-8 without BOM', (t: string) => Buffer.from(t, 'utf8'), 'utf-8'],
  ['GB18030 (Chinese Excel, WPS)', (t: string) => iconv.encode(t, 'gb18030'), 'gb18030'],
  ['GBK', (t: string) => iconv.encode(t, 'gbk'), 'gb18030'],
] as const)('a CSV export in %s', (_name, encode, encoding) => {
  test('is checked as a sheet: the planted defect at its cell, nothing else, 95 less nothing', async () => {
    const p = plan();
    const sheet = p.sheet();
    const grid = Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: sheet.colCount }, (_, c) => sheet.cell(r, c)?.value ?? null));
    const { result, csv } = await checkBytes(encode(csvOf(grid)), '江苏路街道-2023-自评表.csv', options());
    expect(csv).toBe(encoding);
    expect(result.sheet).toBe('江苏路街道-2023-自评表');
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([['REASON_MISSING', p.cell('2.3.2', 'reason')]]);
    expect(result.scorecard.total.toString()).toBe('95');
    expect(result.scorecard.grade).toBe('优秀');
  });
});

test('a CSV saved under an .xlsx name is read as the CSV it is, not called a renamed file', async () => {
  const p = plan();
  const sheet = p.sheet();
  const grid = Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: sheet.colCount }, (_, c) => sheet.cell(r, c)?.value ?? null));
  const { result, csv } = await checkBytes(iconv.encode(csvOf(grid), 'gb18030'), '自评表.xlsx', options());
  expect(csv).toBe('gb18030');
  expect(result.findings.map((f) => f.code)).toEqual(['REASON_MISSING']);
});

test('a CSV without the table says so, names CSV and how to save as .xlsx', async () => {
  const err = await checkBytes(Buffer.from('姓名,地址\n张三,长宁路1号\n', 'utf8'), '台账.csv', options()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookReadError);
  const e = err as WorkbookReadError;
  expect(e.problem).toBe('no-table');
  expect(e.zh).toContain('这是 CSV 文件');
  expect(e.zh).toContain('Excel 工作簿 (*.xlsx)');
  expect(e.zh).not.toContain('改了扩展名');
  expect(e.en).toContain('This is a CSV file');
});

test('binary junk is still "not an xlsx"', async () => {
  const junk = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x2c, 0x0a]);
  const err = await checkBytes(junk, 'x.xlsx', options()).catch((e: unknown) => e);
  expect((err as WorkbookReadError).problem).toBe('not-xlsx');
});

test('decodeCsv: BOM, valid UTF-8, else GB18030', () => {
  expect(decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8', bom: true });
  expect(decodeCsv(Buffer.from('自评得分', 'utf8'))).toEqual({ text: '自评得分', encoding: 'utf-8', bom: false });
  expect(decodeCsv(iconv.encode('自评得分', 'gb18030'))).toEqual({ text: '自评得分', encoding: 'gb18030', bom: false });
});
