/**
 * xl/styles.xml with the marks' formats appended: a solid fill per severity and, per (original cell
 * format, severity), a clone of that cell format pointing at the fill — so the marked cell keeps its
 * font (10.5 pt stays 10.5 pt), borders, alignment, protection and number format. Entries already there
 * are never changed or renumbered; an identical entry appended by an earlier run is reused.
 */
import type { Severity } from '../../engine/validate/finding';
import type { ZipPackage } from '../zip-package';
import { addRels, CONTENT_TYPE, findPart, freeRelId, readRels, REL_TYPE, type ContentTypes } from './opc';
import { applySplices, child, childrenNamed, parseTree, setAttr, type Splice, type XmlNode } from './xml-tree';

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
    const fonts = this.sections.get('fonts')!;
    const base = fonts.entries[0] ?? this.prefixed('<font><sz val="11"/><name val="Calibri"/></font>');
    const stripped = base.replace(kind === 'bold' ? /<(\w+:)?b(\s[^>]*)?\/>/g : /<(\w+:)?(u|color)(\s[^>]*)?\/>/g, '');
    const extra = this.prefixed(kind === 'bold' ? '<b/>' : '<u/><color rgb="FF0563C1"/>');
    const font = stripped.endsWith('/>')
      ? `${stripped.replace(/\s*\/>$/, '>')}${extra}</${this.q('font')}>`
      : stripped.replace(/^(<[^>]*>)/, `$1${extra}`);
    const fontId = this.append('fonts', font);
    return this.append('cellXfs', this.withAttrs(this.baseXf(0), { fontId: String(fontId), applyFont: '1' }));
  }

  private baseXf(xf: number): string {
    const s = this.sections.get('cellXfs')!;
    // An s beyond cellXfs is how some writers say "default": Excel shows such a cell with format 0.
    return [...s.entries, ...s.added][xf] ?? s.entries[0] ?? this.prefixed('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
  }

  private withAttrs(entry: string, attrs: Record<string, string>): string {
    const end = entry.indexOf('>') + 1;
    let open = entry.slice(0, end);
    for (const [k, v] of Object.entries(attrs)) open = setAttr(open, k, v);
    return open + entry.slice(end);
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
    if (splices.length > 0 || !this.pkg.has(this.part)) this.pkg.write(this.part, applySplices(this.xml, splices));
  }
}
