import { strToU8, zipSync } from 'fflate';
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

  it('throws on bytes that are not a zip', () => {
    expect(() => ZipPackage.open(strToU8('not a zip'))).toThrow();
  });
});
