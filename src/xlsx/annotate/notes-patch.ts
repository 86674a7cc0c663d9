/**
 * The marked sheet's notes: its legacy comments part and the VML drawing Excel draws them with, merged
 * with the notes the user already has (their text and formatting kept; ours appended as one run), and
 * both parts created — with their relationships and content types — when the sheet has none.
 */
import { fromA1 } from '../../engine/sheet/sheet-model';
import type { ZipPackage } from '../zip-package';
import { addRels, CONTENT_TYPE, findPart, freePartName, freeRelId, readRels, REL_TYPE, type ContentTypes } from './opc';
import { applySplices, child, childrenNamed, escapeXml, parseTree, xmlSafe, type Splice, type XmlNode } from './xml-tree';

export { NOTE_AUTHOR } from '../../engine/validate/note-text';
import { NOTE_AUTHOR, noteHeading } from '../../engine/validate/note-text';

/** Headings our notes start with (both languages), so a re-run replaces our earlier text instead of stacking it. */
export const NOTE_HEADINGS = [noteHeading('zh-CN'), noteHeading('en'), '评分助手检查结果：'];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface NotesResult {
  /** Relationship id of a VML drawing the sheet must now reference with `<legacyDrawing>`. */
  legacyDrawingRelId?: string;
}

/** Cells of the sheet that carry a threaded comment (Excel allows those or a note on a cell, not both). */
export function threadedCommentCells(pkg: ZipPackage, sheetPart: string): Set<string> {
  const cells = new Set<string>();
  for (const rel of readRels(pkg, sheetPart)) {
    const part = rel.type === REL_TYPE.threadedComment && rel.part ? findPart(pkg, rel.part) : undefined;
    const xml = part && pkg.text(part);
    if (!part || !xml) continue;
    for (const c of childrenNamed(parseTree(xml, part, (p) => p.length <= 1), 'threadedComment')) {
      if (c.attrs.ref) cells.add(c.attrs.ref.toUpperCase());
    }
  }
  return cells;
}

const runText = (run: XmlNode): string => childrenNamed(run, 't').map((t) => t.text).join('');
const startsWithHeading = (s: string) => NOTE_HEADINGS.some((h) => s.replace(/^\s+/, '').startsWith(h));

/** `notes`: A1 address → our note text. `legacyDrawingId`: the r:id the sheet's `<legacyDrawing>` already has. */
export function patchNotes(
  pkg: ZipPackage,
  types: ContentTypes,
  sheetPart: string,
  notes: ReadonlyMap<string, string>,
  legacyDrawingId: string | undefined,
  legacyDrawingHFId?: string,
): NotesResult {
  if (notes.size === 0) return {};
  const rels = readRels(pkg, sheetPart);
  const newRels: { id: string; type: string; part: string }[] = [];
  const taken: string[] = [];
  const newRelId = () => {
    const id = freeRelId(pkg, sheetPart, [...taken, ...newRels.map((r) => r.id)]);
    taken.push(id);
    return id;
  };

  // --- comments part ---
  const commentsRel = rels.find((r) => r.type === REL_TYPE.comments && r.part);
  let commentsPart = commentsRel?.part && findPart(pkg, commentsRel.part);
  if (!commentsPart) {
    commentsPart = freePartName(pkg, 'xl', 'comments', 'xml');
    pkg.write(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList/></comments>`,
    );
    types.override(commentsPart, CONTENT_TYPE.comments);
    newRels.push({ id: newRelId(), type: REL_TYPE.comments, part: commentsPart });
  }
  pkg.write(commentsPart, mergeComments(pkg.text(commentsPart) ?? '', commentsPart, notes));

  // --- VML drawing ---
  const vmlRel =
    (legacyDrawingId && rels.find((r) => r.id === legacyDrawingId)) ||
    (legacyDrawingId ? undefined : rels.find((r) => r.type === REL_TYPE.vmlDrawing && r.part && r.id !== legacyDrawingHFId));
  let vmlPart = vmlRel && vmlRel.part ? findPart(pkg, vmlRel.part) : undefined;
  let legacyDrawingRelId: string | undefined;
  if (!vmlPart) {
    vmlPart = freePartName(pkg, 'xl/drawings', 'vmlDrawing', 'vml');
    pkg.write(vmlPart, VML_HEAD + '</xml>');
    types.ensureDefault('vml', CONTENT_TYPE.vml);
    legacyDrawingRelId = newRelId();
    newRels.push({ id: legacyDrawingRelId, type: REL_TYPE.vmlDrawing, part: vmlPart });
  } else if (!legacyDrawingId && vmlRel) legacyDrawingRelId = vmlRel.id;
  pkg.write(vmlPart, addNoteShapes(pkg.text(vmlPart) ?? '', [...notes.keys()]));

  addRels(pkg, sheetPart, newRels);
  return { legacyDrawingRelId };
}

function mergeComments(xml: string, part: string, notes: ReadonlyMap<string, string>): string {
  const root = parseTree(xml, part);
  const q = (local: string) => (root.prefix ? `${root.prefix}:${local}` : local);
  const splices: Splice[] = [];
  const authors = child(root, 'authors');
  const list = child(root, 'commentList');
  if (!authors || !list) throw new Error(`${part}: comments without authors or commentList`);
  const names = childrenNamed(authors, 'author').map((a) => a.text);
  let authorId = names.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const el = `<${q('author')}>${NOTE_AUTHOR}</${q('author')}>`;
    splices.push(authors.selfClosing ? { start: authors.start, end: authors.end, text: `<${authors.name}>${el}</${authors.name}>` } : { start: authors.closeStart, end: authors.closeStart, text: el });
  }
  const byRef = new Map(childrenNamed(list, 'comment').map((c) => [(c.attrs.ref ?? '').toUpperCase(), c]));
  const added: string[] = [];
  for (const [address, note] of notes) {
    const safe = escapeXml(xmlSafe(note));
    const existing = byRef.get(address);
    const text = existing && child(existing, 'text');
    if (!existing || !text) {
      added.push(`<${q('comment')} ref="${address}" authorId="${authorId}"><${q('text')}>${ourRun(q, safe)}</${q('text')}></${q('comment')}>`);
      continue;
    }
    // The user's note keeps its runs and formatting; our earlier text (a previous run) is dropped, ours appended.
    const ours = text.children.filter((c) => (c.local === 'r' && startsWithHeading(runText(c))) || (c.local === 't' && startsWithHeading(c.text)));
    for (const c of ours) splices.push({ start: c.start, end: c.end, text: '' });
    const theirs = text.children.filter((c) => (c.local === 'r' || c.local === 't') && !ours.includes(c));
    const userText = theirs.map((c) => (c.local === 't' ? c.text : runText(c))).join('');
    const run = ourRun(q, `${userText.trim() ? '\n\n' : ''}${safe}`);
    const phonetic = text.children.find((c) => c.local === 'rPh' || c.local === 'phoneticPr');
    if (text.selfClosing) splices.push({ start: text.start, end: text.end, text: `<${text.name}>${run}</${text.name}>` });
    else splices.push({ start: phonetic ? phonetic.start : text.closeStart, end: phonetic ? phonetic.start : text.closeStart, text: run });
  }
  if (added.length > 0) {
    splices.push(list.selfClosing ? { start: list.start, end: list.end, text: `<${list.name}>${added.join('')}</${list.name}>` } : { start: list.closeStart, end: list.closeStart, text: added.join('') });
  }
  return applySplices(xml, splices);
}

/** A run as Excel writes a note's text (readers such as ExcelJS read runs, not a bare `<t>`), in the note font Excel uses. */
const ourRun = (q: (local: string) => string, escaped: string) =>
  `<${q('r')}><${q('rPr')}><${q('sz')} val="9"/><${q('color')} indexed="81"/><${q('rFont')} val="宋体"/><${q('family')} val="3"/><${q('charset')} val="134"/></${q('rPr')}>` +
  `<${q('t')} xml:space="preserve">${escaped}</${q('t')}></${q('r')}>`;

const VML_NS = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const VML_HEAD =
  `<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}">` +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  SHAPETYPE;

/**
 * VML is not parsed as XML: Excel's own VML (form controls) is not always well-formed (`<br>`), and only
 * the note shapes matter here. Existing shapes are found by their `<x:Row>`/`<x:Column>`; a shape is
 * added for each noted cell that has none, with ids past the highest already used.
 */
export function addNoteShapes(vml: string, addresses: readonly string[]): string {
  const have = new Set<string>();
  for (const m of vml.matchAll(/<x:ClientData[^>]*ObjectType\s*=\s*["']Note["'][^>]*>([\s\S]*?)<\/x:ClientData>/gi)) {
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/i.exec(m[1]);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/i.exec(m[1]);
    if (row && col) have.add(`${row[1]},${col[1]}`);
  }
  let maxId = 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(m[1]));
  const shapes: string[] = [];
  for (const address of addresses) {
    const { row, col } = fromA1(address);
    if (have.has(`${row},${col}`)) continue;
    maxId++;
    shapes.push(noteShape(maxId, row, col));
  }
  if (shapes.length === 0) return vml;
  let out = vml;
  if (!/id\s*=\s*["']_x0000_t202["']/.test(out)) shapes.unshift(SHAPETYPE);
  // The prefixes our shapes use, declared on the root when the drawing did not declare them itself.
  out = out.replace(/<xml\b[^>]*>/, (open) => {
    let tag = open;
    for (const [p, uri] of Object.entries(VML_NS)) if (!new RegExp(`xmlns:${p}\\s*=`).test(tag)) tag = tag.replace(/>$/, ` xmlns:${p}="${uri}">`);
    return tag;
  });
  const end = out.lastIndexOf('</xml>');
  if (end < 0) throw new Error('VML drawing without </xml>');
  return out.slice(0, end) + shapes.join('') + out.slice(end);
}

function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:96pt;z-index:${id - 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 5}, 15, ${row + 6}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}
