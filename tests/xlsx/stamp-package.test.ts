/**
 * The stamp patch on a real package: only docProps/custom.xml is written, .rels and [Content_Types]
 * gain one line each when the workbook had no custom properties, every other part keeps its bytes,
 * and custom properties of someone else's survive.
 */
import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { stampFromProperties, type Stamp } from '../../src/engine/stamp/stamp';
import { stampedBytes } from '../../src/cli/xlsx/write-stamp';
import { CUSTOM_PART, readCustomProperties, writeCustomProperties } from '../../src/xlsx/custom-properties';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { EXAMPLE_CLEAN } from '../cli/helpers';

const STAMP: Stamp = {
  rubricId: 'changning-2023',
  rubricHash: 'a'.repeat(64),
  time: '2026-12-01T10:00:00.000Z',
  total: '95',
  grade: '优秀',
  sheet: '自评表',
  digest: 'b'.repeat(64),
};

test('stamping a workbook without custom properties changes three parts and keeps every other byte', () => {
  const original = new Uint8Array(readFileSync(EXAMPLE_CLEAN));
  const before = unzipSync(original);
  expect(before[CUSTOM_PART]).toBeUndefined();
  const after = unzipSync(stampedBytes(original, STAMP));
  const changed = Object.keys(after).filter((name) => !before[name] || Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) !== 0);
  expect(changed.sort()).toEqual(['[Content_Types].xml', '_rels/.rels', CUSTOM_PART].sort());
  expect(Object.keys(after).filter((n) => n !== CUSTOM_PART)).toEqual(Object.keys(before));

  const oldRels = strFromU8(before['_rels/.rels']);
  const newRels = strFromU8(after['_rels/.rels']);
  const relLine = newRels.replace(/^[\s\S]*?(<Relationship [^>]*custom-properties[^>]*\/>)[\s\S]*$/, '$1');
  expect(newRels.replace(relLine, '')).toBe(oldRels);
  expect(relLine).toContain('Target="docProps/custom.xml"');
  const oldTypes = strFromU8(before['[Content_Types].xml']);
  const newTypes = strFromU8(after['[Content_Types].xml']);
  expect(newTypes.replace('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>', '')).toBe(oldTypes);

  expect(stampFromProperties(readCustomProperties(ZipPackage.open(stampedBytes(original, STAMP))))).toEqual(STAMP);
});

test('stamping again replaces the stamp, keeps other properties and adds no second relationship', () => {
  const pkg = ZipPackage.open(new Uint8Array(readFileSync(EXAMPLE_CLEAN)));
  writeCustomProperties(pkg, [['审核人', '张三 <区民政局> & "复核组"']]);
  const once = pkg.toBytes();
  const twice = stampedBytes(stampedBytes(once, STAMP), { ...STAMP, total: '94.5' });
  const props = readCustomProperties(ZipPackage.open(twice));
  expect(props['审核人']).toBe('张三 <区民政局> & "复核组"');
  expect(stampFromProperties(props)?.total).toBe('94.5');
  const parts = unzipSync(twice);
  expect(strFromU8(parts['_rels/.rels']).match(/custom-properties/g)).toHaveLength(1);
  expect(strFromU8(parts['[Content_Types].xml']).match(/custom\.xml/g)).toHaveLength(1);
  // pids stay unique: Office refuses a custom.xml with two properties of one pid.
  const pids = [...strFromU8(parts[CUSTOM_PART]).matchAll(/pid="(\d+)"/g)].map((m) => m[1]);
  expect(new Set(pids).size).toBe(pids.length);
});

test('a property of another type is kept as it was', () => {
  const pkg = ZipPackage.open(new Uint8Array(readFileSync(EXAMPLE_CLEAN)));
  writeCustomProperties(pkg, [['x', '1']]);
  const xml = (pkg.text(CUSTOM_PART) as string).replace(
    '</Properties>',
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" name="已复核"><vt:bool>true</vt:bool></property></Properties>',
  );
  pkg.write(CUSTOM_PART, xml);
  const after = ZipPackage.open(stampedBytes(pkg.toBytes(), STAMP)).text(CUSTOM_PART) as string;
  expect(after).toContain('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" name="已复核"><vt:bool>true</vt:bool></property>');
});
