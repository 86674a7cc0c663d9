/**
 * Where each element of an XML part starts and ends in the part's text, read with saxes (a conforming
 * streaming parser), so a patch can splice its own elements in and leave every other character as the
 * producer wrote it. Offsets are JavaScript string indices into the text that was parsed.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlNode {
  /** Qualified name as written (`x:c`, `c`). */
  name: string;
  local: string;
  uri: string;
  prefix: string;
  /** By qualified name, as written (`r`, `s`, `r:id`). */
  attrs: Record<string, string>;
  /** Index of `<`. */
  start: number;
  /** Index just after the start tag's `>`. */
  openEnd: number;
  /** Index just after the end tag (or after `/>`). */
  end: number;
  /** Index of the end tag's `</` (equal to openEnd for a self-closing element). */
  closeStart: number;
  selfClosing: boolean;
  children: XmlNode[];
  /** Character data directly inside, decoded. */
  text: string;
  /** In-scope namespace declarations, prefix → uri ('' for the default namespace). */
  ns: Record<string, string>;
}

export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = 'XmlPartError';
  }
}

/**
 * Parses `xml` and returns its root element. `descend(path)` says whether the children of the element
 * at `path` (local names from the root) are kept; their descendants are parsed but not stored, which
 * bounds memory on a large sheet to the elements a patch needs.
 */
export function parseTree(xml: string, part: string, descend: (path: readonly string[]) => boolean = () => true): XmlNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  const path: string[] = [];
  /** How many open elements are not stored (inside one whose children are skipped). */
  let skipped = 0;
  let root: XmlNode | undefined;
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (skipped > 0 || (stack.length > 0 && !descend(path))) {
      skipped++;
      return;
    }
    const openEnd = parser.position;
    // `<` cannot occur unescaped in attribute values, so the nearest `<name` before the tag's end is its start.
    const start = xml.lastIndexOf(`<${tag.name}`, openEnd - 1);
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attrs[k] = a.value;
    const node: XmlNode = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      prefix: tag.prefix,
      attrs,
      start,
      openEnd,
      end: openEnd,
      closeStart: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: '',
      ns: { ...(stack.at(-1)?.ns ?? {}), ...tag.ns },
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
    path.push(tag.local);
  });
  parser.on('text', (text) => {
    if (skipped === 0 && stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (skipped === 0 && stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    if (skipped > 0) {
      skipped--;
      return;
    }
    const node = stack.pop()!;
    path.pop();
    node.end = parser.position;
    node.closeStart = node.selfClosing ? node.end : xml.lastIndexOf("</", node.end - 1);
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new XmlPartError(part, (err as Error).message);
  }
  if (!root) throw new XmlPartError(part, 'no root element');
  return root;
}

export const child = (node: XmlNode, local: string): XmlNode | undefined => node.children.find((c) => c.local === local);
export const childrenNamed = (node: XmlNode, local: string): XmlNode[] => node.children.filter((c) => c.local === local);

/** The value of the attribute `local` in namespace `uri` (prefix as the document declares it). */
export function attrNS(node: XmlNode, uri: string, local: string): string | undefined {
  for (const [prefix, u] of Object.entries(node.ns)) {
    if (u === uri && prefix !== '' && node.attrs[`${prefix}:${local}`] !== undefined) return node.attrs[`${prefix}:${local}`];
  }
  return undefined;
}

/** The prefix `uri` is bound to in the node's scope ('' for the default namespace), if any. */
export function prefixFor(node: XmlNode, uri: string): string | undefined {
  const hit = Object.entries(node.ns).find(([, u]) => u === uri);
  return hit?.[0];
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR), dropped from text we write. */
// eslint-disable-next-line no-control-regex
export const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** A start tag's text with attribute `name` set to `value` (replaced in place, or added before the `>`). */
export function setAttr(openTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(openTag)) return openTag.replace(re, `$1"${escapeXml(value)}"`);
  const close = openTag.endsWith('/>') ? openTag.length - 2 : openTag.length - 1;
  return `${openTag.slice(0, close).replace(/\s+$/, '')} ${name}="${escapeXml(value)}"${openTag.slice(close)}`;
}

/** A start tag's text without attribute `name` (unchanged when it has none). */
export function removeAttr(openTag: string, name: string): string {
  return openTag.replace(new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** One replacement of the original text: [start, end) becomes `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices; insertions at the same index keep the order they were given in. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}
