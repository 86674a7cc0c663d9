/**
 * Custom document properties (docProps/custom.xml) read and patched inside an .xlsx package. Only that
 * part is rewritten — other custom properties kept as they were —, plus one line added to _rels/.rels
 * and one to [Content_Types].xml when the workbook had no custom properties yet; every other part keeps
 * its bytes. Browser-safe (fflate through ZipPackage, saxes).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ZipPackage } from './zip-package';

export const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
/** The format id Office gives every user-defined property. */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

interface RawProperty {
  name: string;
  pid: number;
  /** The <property> element exactly as serialised from the parsed events. */
  xml: string;
  /** Its text value (for vt:lpwstr and the other scalar types). */
  text: string;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const openTag = (tag: SaxesTagPlain) =>
  `<${tag.name}${Object.entries(tag.attributes).map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('')}${tag.isSelfClosing ? '/>' : '>'}`;

/** Throws the parser's error on malformed XML. */
function parseCustom(xml: string): { rootAttrs: Record<string, string>; properties: RawProperty[] } {
  const parser = new SaxesParser();
  const properties: RawProperty[] = [];
  let rootAttrs: Record<string, string> = {};
  let depth = 0;
  let current: { name: string; pid: number; xml: string; text: string } | undefined;
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) rootAttrs = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    else if (depth === 2 && tag.name === 'property') current = { name: String(tag.attributes.name ?? ''), pid: Number(tag.attributes.pid ?? 0), xml: '', text: '' };
    if (current) current.xml += openTag(tag as SaxesTagPlain);
    if (tag.isSelfClosing) closeTag(tag.name, true);
  });
  const closeTag = (name: string, selfClosing: boolean) => {
    if (current && !selfClosing) current.xml += `</${name}>`;
    if (current && depth === 2) {
      properties.push(current);
      current = undefined;
    }
    depth--;
  };
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) closeTag(tag.name, false);
  });
  parser.on('text', (text) => {
    if (!current) return;
    current.xml += escapeText(text);
    current.text += text;
  });
  parser.write(xml).close();
  return { rootAttrs, properties };
}

/** Name → text of every custom property; {} when the workbook has none. */
export function readCustomProperties(pkg: ZipPackage): Record<string, string> {
  return customPropertiesOfXml(pkg.text(CUSTOM_PART));
}

/** The same from docProps/custom.xml's text, as a reader that inflates one part at a time gives it. Throws on malformed XML. */
export function customPropertiesOfXml(xml: string | undefined): Record<string, string> {
  if (xml === undefined) return {};
  return Object.fromEntries(parseCustom(xml).properties.map((p) => [p.name, p.text]));
}

/** Sets these text properties (replacing any of the same name), keeping every other property. */
export function writeCustomProperties(pkg: ZipPackage, values: readonly [string, string][]): void {
  const existing = pkg.text(CUSTOM_PART);
  const parsed = existing === undefined ? { rootAttrs: {}, properties: [] } : parseCustom(existing);
  const names = new Set(values.map(([n]) => n));
  const kept = parsed.properties.filter((p) => !names.has(p.name));
  let pid = Math.max(1, ...kept.map((p) => p.pid));
  const added = values.map(
    ([name, value]) => `<property fmtid="${FMTID}" pid="${++pid}" name="${escapeAttr(name)}"><vt:lpwstr>${escapeText(value)}</vt:lpwstr></property>`,
  );
  const rootAttrs: Record<string, string> = { xmlns: CUSTOM_NS, 'xmlns:vt': VT_NS, ...parsed.rootAttrs };
  const root = Object.entries(rootAttrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  pkg.write(
    CUSTOM_PART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties${root}>${[...kept.map((p) => p.xml), ...added].join('')}</Properties>`,
  );
  if (existing === undefined) {
    addRelationship(pkg);
    addContentType(pkg);
  }
}

/** Attribute values of every element named `name` in a part. */
function attributesOf(xml: string, name: string): Record<string, string>[] {
  const parser = new SaxesParser();
  const found: Record<string, string>[] = [];
  parser.on('opentag', (tag) => {
    if (tag.name === name) found.push(Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])));
  });
  parser.write(xml).close();
  return found;
}

/** Inserts `line` before the last closing tag `</end>`: the rest of the part's text stays as it was. */
function insertBefore(xml: string, end: string, line: string): string {
  const at = xml.lastIndexOf(`</${end}>`);
  if (at < 0) throw new Error(`工作簿结构异常：缺少 </${end}>。/ Malformed package part: no </${end}>.`);
  return xml.slice(0, at) + line + xml.slice(at);
}

function addRelationship(pkg: ZipPackage): void {
  const rels = pkg.text('_rels/.rels');
  if (rels === undefined) throw new Error('工作簿缺少 _rels/.rels。/ The package has no _rels/.rels.');
  const existing = attributesOf(rels, 'Relationship');
  if (existing.some((r) => r.Type === REL_TYPE)) return;
  const ids = new Set(existing.map((r) => r.Id));
  let n = existing.length + 1;
  while (ids.has(`rId${n}`)) n++;
  pkg.write('_rels/.rels', insertBefore(rels, 'Relationships', `<Relationship Id="rId${n}" Type="${REL_TYPE}" Target="docProps/custom.xml"/>`));
}

function addContentType(pkg: ZipPackage): void {
  const types = pkg.text('[Content_Types].xml');
  if (types === undefined) throw new Error('工作簿缺少 [Content_Types].xml。/ The package has no [Content_Types].xml.');
  if (attributesOf(types, 'Override').some((o) => o.PartName === `/${CUSTOM_PART}`)) return;
  pkg.write('[Content_Types].xml', insertBefore(types, 'Types', `<Override PartName="/${CUSTOM_PART}" ContentType="${CONTENT_TYPE}"/>`));
}
