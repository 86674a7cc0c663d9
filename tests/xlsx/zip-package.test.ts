import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'fs';
import { join } from 'path';
import { AnnotateError, annotatePackage } from '../../src/xlsx/annotate/annotate-package';
import { READ_LIMITS, ReadLimitError } from '../../src/xlsx/read-limits';
import { XlsxReader } from '../../src/xlsx/xlsx-reader';
import { readZipDirectory } from '../../src/xlsx/zip-entries';
import { ZipPackage } from '../../src/xlsx/zip-package';

describe('ZipPackage', () => {
  const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook>中文</workbook>') });

  it('reads parts as bytes and text and keeps untouched parts byte-identical', () => {
    const pkg = ZipPackage.open(bytes);
    expect(pkg.names()).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    expect(pkg.text('xl/workbook.xml')).toBe('<workbook>中文</workbook>');
    pkg.write('xl/new.xml', '<new/>');
    const again = ZipPackage.open(pkg.toBytes());
    expect(again.names()).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'xl/new.xml']);
    expect(again.read('[Content_Types].xml')).toEqual(ZipPackage.open(bytes).read('[Content_Types].xml'));
    expect(pkg.changedParts()).toEqual(['xl/new.xml']);
  });

  it('removes a part (a cache such as calcChain.xml): gone from the copy, the others as they were', () => {
    const pkg = ZipPackage.open(bytes);
    pkg.write('xl/workbook.xml', '<workbook>改</workbook>');
    pkg.remove('[Content_Types].xml');
    pkg.remove('xl/not-there.xml');
    expect(pkg.has('[Content_Types].xml')).toBe(false);
    const copy = unzipSync(pkg.toBytes());
    expect(Object.keys(copy)).toEqual(['xl/workbook.xml']);
    expect(strFromU8(copy['xl/workbook.xml'])).toBe('<workbook>改</workbook>');
    const untouched = ZipPackage.open(bytes);
    untouched.remove('xl/workbook.xml');
    expect(unzipSync(untouched.toBytes())).toEqual({ '[Content_Types].xml': strToU8('<Types/>') });
  });

  it('throws on bytes that are not a zip', () => {
    expect(() => ZipPackage.open(strToU8('not a zip'))).toThrow();
  });
});

describe('ZipPackage copies the parts it did not write as they were stored', () => {
  const MB = 1024 * 1024;
  const example = readFileSync(join(__dirname, '..', '..', 'examples', '江苏路街道-2023-自评表.xlsx'));
  /** Each entry's compressed data as stored, by name. */
  const storedData = (zip: Uint8Array) =>
    new Map(
      readZipDirectory(zip, READ_LIMITS).map((e) => {
        const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
        const start = e.localHeaderOffset + 30 + dv.getUint16(e.localHeaderOffset + 26, true) + dv.getUint16(e.localHeaderOffset + 28, true);
        return [e.name, { data: zip.slice(start, start + e.compressedSize), crc: e.crc, method: e.method }];
      }),
    );

  it('every part not written keeps its compressed bytes, CRC and method; the written part is new', () => {
    const pkg = ZipPackage.open(example);
    pkg.write('xl/styles.xml', '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const out = pkg.toBytes();
    const before = storedData(example);
    const after = storedData(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, entry] of before) {
      if (name === 'xl/styles.xml') continue;
      expect({ name, ...after.get(name) }).toEqual({ name, ...entry });
    }
    expect(strFromU8(unzipSync(out)['xl/styles.xml'])).toContain('<styleSheet');
  });

  it('the copy opens in ExcelJS and in the streaming reader', async () => {
    const pkg = ZipPackage.open(example);
    pkg.write('docProps/extra.xml', '<x/>');
    const out = pkg.toBytes();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(10);
    const reader = XlsxReader.open(out);
    expect(reader.readSheet(reader.sheets[0]).sheet.rowCount).toBeGreaterThan(10);
  });

  it('entries written with data descriptors (streamed zips) are copied with them', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, text] of [
      ['a.xml', '<a>一</a>'.repeat(500)],
      ['b.xml', '<b/>'],
    ] as const) {
      const file = new ZipDeflate(name, { level: 6 });
      zip.add(file);
      file.push(strToU8(text), true);
    }
    zip.end();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (streamed.set(c, at), at + c.length), 0);
    expect(readZipDirectory(streamed, READ_LIMITS).every((e) => (e.flags & 8) === 8)).toBe(true);
    const pkg = ZipPackage.open(streamed);
    pkg.write('b.xml', '<b>二</b>');
    const out = unzipSync(pkg.toBytes());
    expect(strFromU8(out['a.xml'])).toBe('<a>一</a>'.repeat(500));
    expect(strFromU8(out['b.xml'])).toBe('<b>二</b>');
  });

  it('a part nobody reads is not inflated to open or read the package, and is checked within the limits before it is copied', () => {
    const parts = unzipSync(example);
    const bomb = zipSync({ ...parts, 'customXml/item1.xml': new Uint8Array(READ_LIMITS.totalBytes + MB).fill(0x20) }, { level: 1 });
    const pkg = ZipPackage.open(bomb);
    expect(pkg.text('xl/workbook.xml')).toContain('<workbook');
    pkg.write('xl/new.xml', '<new/>');
    expect(() => pkg.toBytes()).toThrow(ReadLimitError);
    // The annotated copy says so by name, and is not made.
    const sheet = XlsxReader.open(example).sheets[0].name;
    let err: unknown;
    try {
      annotatePackage(bomb, { sheet, marks: [{ cell: 'E5', severity: 'error', note: '超过满分' }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnnotateError);
    expect((err as AnnotateError).problem).toBe('too-large');
    expect((err as AnnotateError).zh).toContain('customXml/item1.xml');
  });

  it('a damaged part is found by its checksum before it is copied', () => {
    // Stored (method 0) parts with one byte of the theme changed: it still "inflates", to the wrong text.
    const parts = unzipSync(example);
    const stored = zipSync(Object.fromEntries(Object.entries(parts).map(([n, d]) => [n, [d, { level: 0 }]])) as Zippable);
    const theme = readZipDirectory(stored, READ_LIMITS).find((x) => x.name === 'xl/theme/theme1.xml')!;
    const dv = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
    stored[theme.localHeaderOffset + 30 + dv.getUint16(theme.localHeaderOffset + 26, true) + dv.getUint16(theme.localHeaderOffset + 28, true) + 100] ^= 0x01;
    const pkg = ZipPackage.open(stored);
    pkg.write('xl/new.xml', '<new/>');
    expect(() => pkg.toBytes()).toThrow(/theme1\.xml is damaged/);
  });
});
