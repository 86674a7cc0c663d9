/**
 * Workbooks built part by part, the way particular producers write them, for the streaming reader's
 * tests: the XML here mirrors what Excel, LibreOffice, openpyxl, Google Sheets and strict OOXML put in
 * each part (element names, prefixes, rel targets, attribute habits), not what a library would generate.
 */
import { strToU8, zipSync } from 'fflate';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  strictRel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

export interface FixtureOptions {
  sheets: { name: string; xml: string; state?: string }[];
  sharedStrings?: string;
  styles?: string;
  strict?: boolean;
  /** How workbook.xml.rels names its targets: relative (Excel), absolute (some generators). */
  absoluteTargets?: boolean;
  workbookPr?: string;
  extraParts?: Record<string, string>;
}

export function buildXlsx(o: FixtureOptions): Uint8Array {
  const relNs = o.strict ? NS.strictRel : NS.rel;
  const main = o.strict ? NS.strictMain : NS.main;
  const t = (type: string) => `${o.strict ? NS.strictRel : `${NS.rel}`}/${type}`;
  const target = (p: string) => (o.absoluteTargets ? `/xl/${p}` : p);
  const rels = [
    ...o.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${t('worksheet')}" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`),
    o.sharedStrings ? `<Relationship Id="rIdS" Type="${t('sharedStrings')}" Target="${target('sharedStrings.xml')}"/>` : '',
    o.styles ? `<Relationship Id="rIdT" Type="${t('styles')}" Target="${target('styles.xml')}"/>` : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${t('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkg}">${rels}</Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${relNs}">${o.workbookPr ?? ''}<sheets>${o.sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
  };
  o.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (o.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(o.sharedStrings);
  if (o.styles) files['xl/styles.xml'] = strToU8(o.styles);
  for (const [name, xml] of Object.entries(o.extraParts ?? {})) files[name] = strToU8(xml);
  return zipSync(files);
}

export const worksheet = (body: string, ns = NS.main, prefix = '') => {
  const p = prefix ? `${prefix}:` : '';
  const decl = prefix ? `xmlns:${prefix}="${ns}"` : `xmlns="${ns}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${decl} xmlns:r="${NS.rel}">${body}</${p}worksheet>`;
};

export const sst = (items: string[], ns = NS.main) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;

/** cellXfs: index 0 General, then one xf per numFmtId given; custom codes in numFmts. */
export const styles = (xfNumFmtIds: number[], custom: Record<number, string> = {}, ns = NS.main) =>
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><numFmts count="${Object.keys(custom).length}">${Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`)
    .join('')}</numFmts><cellXfs count="${xfNumFmtIds.length + 1}"><xf numFmtId="0"/>${xfNumFmtIds
    .map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`)
    .join('')}</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;
