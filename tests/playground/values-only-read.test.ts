/**
 * A valid package ExcelJS cannot load (openpyxl's comment part path, cells without `r`) is not called damaged
 * in the playground: its values and formulas come from the streaming reader `validate` uses, and the page says
 * that fills and notes are not shown. Damage is still damage.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx, WorkbookReadError } from '../../src/playground/xlsx-read';
import { XlsxReader } from '../../src/xlsx/xlsx-reader';
import { fixtureParts, MARKED_SHEET, zipParts } from '../support/office-package';

const openpyxlLike = zipParts(fixtureParts({ commentsPath: 'xl/comments/comment1.xml', noNotes: false }));

test('the premise: ExcelJS refuses this valid package', async () => {
  await expect(new ExcelJS.Workbook().xlsx.load(openpyxlLike as unknown as ExcelJS.Buffer)).rejects.toThrow();
});

test('the playground reads it with the streaming reader: the same values, formulas and sheets, flagged values-only', async () => {
  const read = await readXlsx(openpyxlLike, 'openpyxl.xlsx');
  expect(read.valuesOnly).toBe(true);
  const reader = XlsxReader.open(openpyxlLike);
  expect(read.book.sheets.map((s) => s.name)).toEqual(reader.sheets.map((s) => s.name));
  const entry = reader.sheets.find((s) => s.part === MARKED_SHEET)!;
  const sheet = reader.readSheet(entry).sheet;
  const book = read.book.sheets.find((s) => s.name === entry.name)!;
  let compared = 0;
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const cell = sheet.cell(r, c);
      if (!cell || (cell.value === null && cell.formula === undefined)) continue;
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      expect({ address, ...book.cells.get(address) }).toEqual({ address, ...cell });
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(5);
  expect(book.merges).toEqual(sheet.merges);
});

test('a workbook ExcelJS reads is read as before, with its formatting', async () => {
  const read = await readXlsx(readFileSync(join(__dirname, '..', '..', 'examples', '江苏路街道-2023-自评表.xlsx')), '江苏路.xlsx');
  expect(read.valuesOnly).toBeUndefined();
  expect(read.book.sheets[0].columnWidths.some((w) => w !== undefined)).toBe(true);
});

test('a damaged sheet is still refused as damaged, not read values-only', async () => {
  const parts = fixtureParts({ commentsPath: 'xl/comments/comment1.xml' });
  parts[MARKED_SHEET] = parts[MARKED_SHEET].replace('</sheetData>', '<row r="99"><c r="A99"><v>1</v></row></sheetData>'.replace('</row>', ''));
  const err = await readXlsx(zipParts(parts), 'broken.xlsx').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).problem).toBe('corrupt');
});
