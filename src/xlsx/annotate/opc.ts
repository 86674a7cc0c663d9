/**
 * The OPC plumbing a patch needs: part names resolved through relationships, relationship parts and
 * [Content_Types].xml extended by splicing (entries already there are kept as written).
 */
import type { ZipPackage } from '../zip-package';
import { applySplices, childrenNamed, escapeXml, parseTree, XmlPartError, type XmlNode } from './xml-tree';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const REL_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** Part name without the leading '/', resolved against the source part; undefined for external targets. */
  part?: string;
  target: string;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; '' (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the directory of `source` (absolute targets start at the package root). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** A target for `part` relative to the directory of `source`. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array<string>(from.length - i).fill('..'), ...to.slice(i)].join('/');
}

/** Zip entry names are case-sensitive, OPC part names are not: find the entry the package really has. */
export function findPart(pkg: ZipPackage, part: string): string | undefined {
  if (pkg.has(part)) return part;
  const lower = part.toLowerCase();
  return pkg.names().find((n) => n.toLowerCase() === lower);
}

export function readRels(pkg: ZipPackage, source: string): Relationship[] {
  const name = findPart(pkg, relsPartOf(source));
  const xml = name && pkg.text(name);
  if (!xml) return [];
  return childrenNamed(parseTree(xml, name), 'Relationship').map((r) => ({
    id: r.attrs.Id ?? '',
    type: r.attrs.Type ?? '',
    target: r.attrs.Target ?? '',
    part: r.attrs.TargetMode === 'External' ? undefined : resolveTarget(source, r.attrs.Target ?? ''),
  }));
}

/** A free relationship id in the rels of `source` (rId1, rId2, … as Excel numbers them). */
export function freeRelId(pkg: ZipPackage, source: string, taken: readonly string[] = []): string {
  const used = new Set([...readRels(pkg, source).map((r) => r.id), ...taken]);
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds relationships to the rels part of `source`, creating it when absent. */
export function addRels(pkg: ZipPackage, source: string, rels: readonly { id: string; type: string; part: string }[]): void {
  if (rels.length === 0) return;
  const entries = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(relativeTarget(source, r.part))}"/>`)
    .join('');
  const name = findPart(pkg, relsPartOf(source));
  const xml = name && pkg.text(name);
  if (!name || !xml) {
    pkg.write(
      relsPartOf(source),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${entries}</Relationships>`,
    );
    return;
  }
  pkg.write(name, appendInside(xml, parseTree(xml, name), entries));
}

/** Drops the relationships `ids` from the rels part of `source` (the other entries kept as written). */
export function removeRels(pkg: ZipPackage, source: string, ids: readonly string[]): void {
  const name = findPart(pkg, relsPartOf(source));
  const xml = name && pkg.text(name);
  if (!name || !xml || ids.length === 0) return;
  const gone = childrenNamed(parseTree(xml, name), 'Relationship').filter((r) => ids.includes(r.attrs.Id ?? ''));
  if (gone.length > 0) pkg.write(name, applySplices(xml, gone.map((r) => ({ start: r.start, end: r.end, text: '' }))));
}

/** The element's text with `inner` added before its end tag (a self-closing element is opened up). */
export function appendInside(xml: string, node: XmlNode, inner: string): string {
  if (!node.selfClosing) return applySplices(xml, [{ start: node.closeStart, end: node.closeStart, text: inner }]);
  const open = xml.slice(node.start, node.end).replace(/\s*\/>$/, '>');
  return applySplices(xml, [{ start: node.start, end: node.end, text: `${open}${inner}</${node.name}>` }]);
}

export interface ContentTypes {
  /** Content type of a part, by Override first, then by Default extension. */
  of(part: string): string | undefined;
  override(part: string, type: string): void;
  ensureDefault(extension: string, type: string): void;
  /** Drops the Override of a part taken out of the package. */
  remove(part: string): void;
  /** Writes [Content_Types].xml if anything was added. */
  save(): void;
}

export function contentTypes(pkg: ZipPackage): ContentTypes {
  const name = findPart(pkg, '[Content_Types].xml');
  const xml = name && pkg.text(name);
  if (!name || !xml) throw new XmlPartError('[Content_Types].xml', 'missing');
  const root = parseTree(xml, name);
  const overrides = new Map(childrenNamed(root, 'Override').map((o) => [(o.attrs.PartName ?? '').replace(/^\//, '').toLowerCase(), o.attrs.ContentType]));
  const defaults = new Map(childrenNamed(root, 'Default').map((d) => [(d.attrs.Extension ?? '').toLowerCase(), d.attrs.ContentType]));
  const added: string[] = [];
  const removed: XmlNode[] = [];
  return {
    of(part) {
      return overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
    },
    override(part, type) {
      if (overrides.get(part.toLowerCase()) === type) return;
      overrides.set(part.toLowerCase(), type);
      added.push(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`);
    },
    ensureDefault(extension, type) {
      if (defaults.has(extension)) return;
      defaults.set(extension, type);
      // Defaults come before Overrides in files Excel writes; the schema allows either order.
      added.unshift(`<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(type)}"/>`);
    },
    remove(part) {
      const lower = part.toLowerCase();
      const node = childrenNamed(root, 'Override').find((o) => (o.attrs.PartName ?? '').replace(/^\//, '').toLowerCase() === lower);
      if (node && !removed.includes(node)) removed.push(node);
      overrides.delete(lower);
    },
    save() {
      if (added.length === 0 && removed.length === 0) return;
      // Removed entries are never the self-closing root, so they splice out before the additions go in.
      const kept = applySplices(xml, removed.map((o) => ({ start: o.start, end: o.end, text: '' })));
      pkg.write(name, added.length > 0 ? appendInside(kept, parseTree(kept, name), added.join('')) : kept);
    },
  };
}

/** A free part name `dir/stemN.ext` not already in the package. */
export function freePartName(pkg: ZipPackage, dir: string, stem: string, ext: string, taken: readonly string[] = []): string {
  const lower = new Set([...pkg.names(), ...taken].map((n) => n.toLowerCase()));
  let n = 1;
  while (lower.has(`${dir}/${stem}${n}.${ext}`.toLowerCase())) n++;
  return `${dir}/${stem}${n}.${ext}`;
}
