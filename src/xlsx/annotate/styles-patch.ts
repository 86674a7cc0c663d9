/**
 * xl/styles.xml with the formats a patch needs appended: for marks a solid fill per severity and, per
 * (original cell format, severity), a clone of that cell format pointing at the fill — so the marked cell
 * keeps its font (10.5 pt stays 10.5 pt), borders, alignment, protection and number format; for an edited
 * cell given a number format (a typed 15%), a clone with that format; for a sheet the page inserted, the
 * default format with its bold, fill, alignment and number format. Entries already there are never
 * changed or renumbered; an identical entry appended by an earlier run is reused.
 */
import type { Severity } from '../../engine/validate/finding';
import type { ZipPackage } from '../zip-package';
import { addRels, CONTENT_TYPE, findPart, freeRelId, readRels, REL_TYPE, type ContentTypes } from './opc';
import { applySplices, child, childrenNamed, escapeXml, parseTree, setAttr, type Splice, type XmlNode } from './xml-tree';

/** Excel's own "Bad" and "Neutral" cell styles, and a light blue for information (ARGB). */
export const MARK_FILL_ARGB: Readonly<Record<Severity, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** CT_Stylesheet's child order: a missing section is inserted where the schema wants it. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const MINIMAL: Readonly<Record<string, string>> = {
  fonts: '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>',
  fills: '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
  borders: '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
  cellXfs: '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs>',
};

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export type ListFont = 'bold' | 'link';

/** How a cell of an inserted sheet looks (the playground's BookCell formatting). */
export interface NewCellFormat {
  numberFormat?: string;
  bold?: boolean;
  /** #RRGGBB */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

/** Number formats every reader knows by id (ECMA-376 Part 1, 18.8.30); others go into <numFmts>. */
const BUILTIN_NUMFMT: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  '@': 49,
};

interface Section {
  node: XmlNode;
  /** Raw text of each existing entry, then of each appended one. */
  entries: string[];
  added: string[];
}

export class StylesPatch {
  private xml: string;
  private root: XmlNode;
  private readonly sections = new Map<string, Section>();
  private readonly xfCache = new Map<string, number>();
  /** <numFmts>: the codes already there by code → id, and the ones appended. */
  private readonly numFmts: { node?: XmlNode; ids: Map<string, number>; next: number; added: string[] };

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly part: string,
    xml: string,
  ) {
    this.xml = xml;
    this.root = parseTree(xml, part, (p) => p.length <= 2);
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) this.ensureSection(name);
    for (const name of ['fonts', 'fills', 'cellXfs']) {
      const node = child(this.root, name)!;
      const entryName = name === 'cellXfs' ? 'xf' : name.slice(0, -1);
      this.sections.set(name, { node, entries: childrenNamed(node, entryName).map((e) => this.xml.slice(e.start, e.end)), added: [] });
    }
    const numFmts = child(this.root, 'numFmts');
    const existing = childrenNamed(numFmts ?? this.root, 'numFmt').map((n) => [n.attrs.formatCode ?? '', Number(n.attrs.numFmtId)] as const);
    this.numFmts = {
      node: numFmts,
      ids: new Map(existing.filter(([, id]) => Number.isInteger(id))),
      // Custom formats are numbered from 164 (below are built-in ids).
      next: Math.max(163, ...existing.map(([, id]) => (Number.isInteger(id) ? id : 0))) + 1,
      added: [],
    };
  }

  /** The workbook's styles part, created (with its relationship and content type) when the package has none. */
  static open(pkg: ZipPackage, workbookPart: string, types: ContentTypes): StylesPatch {
    const rel = readRels(pkg, workbookPart).find((r) => r.type === REL_TYPE.styles && r.part);
    const found = rel?.part && findPart(pkg, rel.part);
    if (found) return new StylesPatch(pkg, found, pkg.text(found) ?? '');
    const part = 'xl/styles.xml';
    addRels(pkg, workbookPart, [{ id: freeRelId(pkg, workbookPart), type: REL_TYPE.styles, part }]);
    types.override(part, CONTENT_TYPE.styles);
    return new StylesPatch(pkg, part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"/>`);
  }

  private q(local: string): string {
    return this.root.prefix ? `${this.root.prefix}:${local}` : local;
  }

  /** Entries in our own XML use the stylesheet's prefix for the main namespace. */
  private prefixed(xml: string): string {
    return this.root.prefix ? xml.replace(/<(\/?)([a-zA-Z])/g, `<$1${this.root.prefix}:$2`) : xml;
  }

  private ensureSection(name: string): void {
    if (child(this.root, name)) return;
    const later = ORDER.slice(ORDER.indexOf(name) + 1);
    const before = this.root.children.find((c) => later.includes(c.local));
    const text = this.prefixed(MINIMAL[name]);
    const splice: Splice = before
      ? { start: before.start, end: before.start, text }
      : this.root.selfClosing
        ? { start: this.root.start, end: this.root.end, text: `${this.xml.slice(this.root.start, this.root.end).replace(/\s*\/>$/, '>')}${text}</${this.root.name}>` }
        : { start: this.root.closeStart, end: this.root.closeStart, text };
    this.xml = applySplices(this.xml, [splice]);
    this.root = parseTree(this.xml, this.part, (p) => p.length <= 2);
  }

  private append(section: string, text: string): number {
    const s = this.sections.get(section)!;
    const all = [...s.entries, ...s.added];
    const existing = all.indexOf(text);
    if (existing >= 0) return existing;
    s.added.push(text);
    return all.length;
  }

  get xfCount(): number {
    const s = this.sections.get('cellXfs')!;
    return s.entries.length + s.added.length;
  }

  /** The index of a cell format like `xf` (a cellXfs index) but filled with the severity's colour. */
  markXf(xf: number, severity: Severity): number {
    const key = `${xf}/${severity}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const fill = this.append(
      'fills',
      this.prefixed(`<fill><patternFill patternType="solid"><fgColor rgb="${MARK_FILL_ARGB[severity]}"/><bgColor indexed="64"/></patternFill></fill>`),
    );
    const index = this.append('cellXfs', this.withAttrs(this.baseXf(xf), { fillId: String(fill), applyFill: '1' }));
    this.xfCache.set(key, index);
    return index;
  }

  /** A cell format for the 问题清单 sheet: the workbook's default format with a bold or a hyperlink font. */
  listXf(kind: ListFont): number {
    return this.append('cellXfs', this.withAttrs(this.baseXf(0), { fontId: String(this.listFontId(kind)), applyFont: '1' }));
  }

  /** The workbook's default font made bold, or made a hyperlink's. */
  private listFontId(kind: ListFont): number {
    const fonts = this.sections.get('fonts')!;
    const base = fonts.entries[0] ?? this.prefixed('<font><sz val="11"/><name val="Calibri"/></font>');
    const stripped = base.replace(kind === 'bold' ? /<(\w+:)?b(\s[^>]*)?\/>/g : /<(\w+:)?(u|color)(\s[^>]*)?\/>/g, '');
    const extra = this.prefixed(kind === 'bold' ? '<b/>' : '<u/><color rgb="FF0563C1"/>');
    const font = stripped.endsWith('/>')
      ? `${stripped.replace(/\s*\/>$/, '>')}${extra}</${this.q('font')}>`
      : stripped.replace(/^(<[^>]*>)/, `$1${extra}`);
    return this.append('fonts', font);
  }

  /** The id of a number format code: built in, already in the file, or appended. */
  private numFmtId(code: string): number {
    const builtin = BUILTIN_NUMFMT[code];
    if (builtin !== undefined) return builtin;
    const have = this.numFmts.ids.get(code);
    if (have !== undefined) return have;
    const id = this.numFmts.next++;
    this.numFmts.ids.set(code, id);
    this.numFmts.added.push(this.prefixed(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`));
    return id;
  }

  /** A cell format like `xf` with the number format `code` (a value typed as 15% is shown as 15%). */
  numberFormatXf(xf: number, code: string): number {
    return this.append('cellXfs', this.withAttrs(this.baseXf(xf), { numFmtId: String(this.numFmtId(code)), applyNumberFormat: '1' }));
  }

  /** A cell format for a sheet the page inserted: the workbook's default format with `f` applied. */
  newCellXf(f: NewCellFormat): number {
    const attrs: Record<string, string> = {};
    if (f.numberFormat !== undefined && f.numberFormat !== 'General') Object.assign(attrs, { numFmtId: String(this.numFmtId(f.numberFormat)), applyNumberFormat: '1' });
    if (f.bold) Object.assign(attrs, { fontId: String(this.listFontId('bold')), applyFont: '1' });
    if (f.fill !== undefined) {
      const argb = `FF${f.fill.replace('#', '').toUpperCase()}`;
      const fill = this.append('fills', this.prefixed(`<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(argb)}"/><bgColor indexed="64"/></patternFill></fill>`));
      Object.assign(attrs, { fillId: String(fill), applyFill: '1' });
    }
    let entry = this.withAttrs(this.baseXf(0), attrs);
    if (f.align !== undefined || f.wrap) {
      // CT_Xf: alignment comes first among the children; the default format's own alignment is replaced.
      const alignment = this.prefixed(`<alignment${f.align ? ` horizontal="${f.align}"` : ''} vertical="center"${f.wrap ? ' wrapText="1"' : ''}/>`);
      entry = setAttrOnOpen(entry, 'applyAlignment', '1').replace(/<(\w+:)?alignment\b[^>]*\/>|<(\w+:)?alignment\b[^>]*>[\s\S]*?<\/(\w+:)?alignment>/, '');
      entry = entry.endsWith('/>') ? `${entry.replace(/\s*\/>$/, '>')}${alignment}</${this.q('xf')}>` : entry.replace(/^(<[^>]*>)/, `$1${alignment}`);
    }
    return this.append('cellXfs', entry);
  }

  private baseXf(xf: number): string {
    const s = this.sections.get('cellXfs')!;
    // An s beyond cellXfs is how some writers say "default": Excel shows such a cell with format 0.
    return [...s.entries, ...s.added][xf] ?? s.entries[0] ?? this.prefixed('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
  }

  private withAttrs(entry: string, attrs: Record<string, string>): string {
    let out = entry;
    for (const [k, v] of Object.entries(attrs)) out = setAttrOnOpen(out, k, v);
    return out;
  }

  /** Writes the part if anything was appended. */
  save(): void {
    const splices: Splice[] = [];
    for (const s of this.sections.values()) {
      if (s.added.length === 0) continue;
      const count = s.entries.length + s.added.length;
      const open = this.xml.slice(s.node.start, s.node.openEnd);
      const newOpen = s.node.attrs.count !== undefined ? setAttr(open, 'count', String(count)) : open;
      if (s.node.selfClosing) {
        splices.push({ start: s.node.start, end: s.node.end, text: `${newOpen.replace(/\s*\/>$/, '>')}${s.added.join('')}</${s.node.name}>` });
      } else {
        splices.push({ start: s.node.start, end: s.node.openEnd, text: newOpen });
        splices.push({ start: s.node.closeStart, end: s.node.closeStart, text: s.added.join('') });
      }
    }
    const { node, added } = this.numFmts;
    if (added.length > 0 && node) {
      const count = childrenNamed(node, 'numFmt').length + added.length;
      const open = this.xml.slice(node.start, node.openEnd);
      const newOpen = node.attrs.count !== undefined ? setAttr(open, 'count', String(count)) : open;
      if (node.selfClosing) splices.push({ start: node.start, end: node.end, text: `${newOpen.replace(/\s*\/>$/, '>')}${added.join('')}</${node.name}>` });
      else splices.push({ start: node.start, end: node.openEnd, text: newOpen }, { start: node.closeStart, end: node.closeStart, text: added.join('') });
    } else if (added.length > 0) {
      // <numFmts> is the first section of a stylesheet; <fonts> is always there by now.
      const fonts = this.sections.get('fonts')!.node;
      splices.push({ start: fonts.start, end: fonts.start, text: `<${this.q('numFmts')} count="${added.length}">${added.join('')}</${this.q('numFmts')}>` });
    }
    if (splices.length > 0 || !this.pkg.has(this.part)) this.pkg.write(this.part, applySplices(this.xml, splices));
  }
}

/** `entry` (an element's text) with an attribute set on its start tag. */
function setAttrOnOpen(entry: string, name: string, value: string): string {
  const end = entry.indexOf('>') + 1;
  return setAttr(entry.slice(0, end), name, value) + entry.slice(end);
}
