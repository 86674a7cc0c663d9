import { readFileSync } from 'fs';
import { join } from 'path';
import { checkPackageLimits } from '../../src/xlsx/package-limits';
import { BROWSER_READ_LIMITS, READ_LIMITS, ReadLimitError, type ReadLimits } from '../../src/xlsx/read-limits';
import { XmlFormatError } from '../../src/xlsx/xml-part';
import { ZipFormatError } from '../../src/xlsx/zip-entries';
import { BOMB_SHEET, declareSize, inflatingXlsx } from '../support/hostile-xlsx';
import { buildXlsx, worksheet } from './part-fixtures';

const small = (over: Partial<ReadLimits>): ReadLimits => ({ ...READ_LIMITS, ...over });
const example = new Uint8Array(readFileSync(join(__dirname, '../../examples/江苏路街道-2023-自评表.xlsx')));

function limitError(fn: () => void): ReadLimitError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReadLimitError) return err;
    throw err;
  }
  throw new Error('expected a ReadLimitError');
}

/** A workbook with one sheet and one more part ExcelJS would inflate but the streaming reader never reads. */
const withDrawing = (drawingBytes: number) =>
  buildXlsx({
    sheets: [{ name: 'S', xml: worksheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>') }],
    extraParts: { 'xl/drawings/drawing1.xml': `<xdr:wsDr xmlns:xdr="x">${' '.repeat(drawingBytes)}</xdr:wsDr>` },
  });

describe('checkPackageLimits: what ExcelJS would inflate and hold is within the limits before it is let near it', () => {
  test('the example workbook passes, with progress rising to 1', () => {
    const seen: number[] = [];
    checkPackageLimits(example, BROWSER_READ_LIMITS, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(1);
  });

  test('a part the streaming reader never reads is counted too: declared over the limit, then lying about it', () => {
    const bytes = withDrawing(50_000);
    expect(limitError(() => checkPackageLimits(bytes, small({ partBytes: 20_000 })))).toMatchObject({ limit: 'partBytes', part: 'xl/drawings/drawing1.xml' });
    const lying = declareSize(bytes, 'xl/drawings/drawing1.xml', 10);
    expect(limitError(() => checkPackageLimits(lying, small({ partBytes: 20_000 })))).toMatchObject({ limit: 'partBytes', part: 'xl/drawings/drawing1.xml' });
    expect(limitError(() => checkPackageLimits(lying, small({ totalBytes: 30_000 })))).toMatchObject({ limit: 'totalBytes' });
    expect(() => checkPackageLimits(lying, READ_LIMITS)).not.toThrow();
  });

  test('with the real limits, a sheet inflating past 64 MB is refused by counting though its directory says 1 KB', () => {
    const bomb = inflatingXlsx(90, { lie: true });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = limitError(() => checkPackageLimits(bomb, BROWSER_READ_LIMITS));
    expect(err).toMatchObject({ limit: 'partBytes', part: BOMB_SHEET, max: 64 * 1024 * 1024 });
    // Stopped within one inflating step (at most ~16 MB, zip-entries.ts) of the limit, not at the end of the 90 MB.
    expect(err.actual).toBeLessThan(80 * 1024 * 1024);
    // Honest sizes are refused from the directory alone.
    expect(limitError(() => checkPackageLimits(declareSize(bomb, BOMB_SHEET, 90 * 1024 * 1024), BROWSER_READ_LIMITS))).toMatchObject({ limit: 'partBytes', actual: 90 * 1024 * 1024 });
  });

  test('the browser refuses past 500,000 cells (ExcelJS holds each), where the CLI reads up to 2,000,000', () => {
    const many = inflatingXlsx(8); // 8 × 65,536 cells in ~8 MB of XML
    expect(limitError(() => checkPackageLimits(many, BROWSER_READ_LIMITS))).toMatchObject({ limit: 'cells', max: 500_000 });
    expect(() => checkPackageLimits(many, READ_LIMITS)).not.toThrow();
  });

  test('damage is named as the streaming reader names it: a truncated zip, malformed sheet XML', () => {
    expect(() => checkPackageLimits(example.subarray(0, example.length - 100), READ_LIMITS)).toThrow(ZipFormatError);
    const broken = buildXlsx({ sheets: [{ name: 'S', xml: worksheet('<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>') }] });
    expect(() => checkPackageLimits(broken, READ_LIMITS)).toThrow(XmlFormatError);
  });
});
