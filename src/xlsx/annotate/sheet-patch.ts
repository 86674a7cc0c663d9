/**
 * A worksheet part patched in place: marked cells' `s` (style index) set to their marked format, edited
 * cells' content rewritten (their style and the attributes a patch does not own kept), a `<c>` (and a
 * `<row>`) added only where a patched cell has none, and a `<legacyDrawing>` added when the notes need a
 * VML drawing the sheet did not have. Every other character of the part stays as it was — values,
 * shared formulas, inline strings, conditional formats, validations, hyperlinks, protection, extLst.
 */
import { columnLetters, fromA1, toA1 } from '../../engine/sheet/sheet-model';
import { translateFormula } from '../shared-formula';
import { contentXml, type CellContent } from './cell-content';
import { NS } from './opc';
import { applySplices, attrNS, child, childrenNamed, escapeXml, parseTree, prefixFor, removeAttr, setAttr, type Splice, type XmlNode } from './xml-tree';

export interface SheetInfo {
  root: XmlNode;
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** r:id of the sheet's `<legacyDrawing>`, when it has one. */
  legacyDrawingId?: string;
  /** r:id of its `<legacyDrawingHF>` (header/footer pictures): also a VML drawing, never the notes' one. */
  legacyDrawingHFId?: string;
}

/** Children of these are stored: rows, their cells, merges and column styles; cell contents only when asked. */
const descend =
  (withContent: boolean) =>
  (path: readonly string[]): boolean =>
    path.length === 1 ||
    (path.length === 2 && ['sheetData', 'mergeCells', 'cols'].includes(path[1])) ||
    (path.length === 3 && path[2] === 'row') ||
    (withContent && path.length === 4 && path[3] === 'c');

/** `withContent`: also store each cell's `<f>`, `<v>`, `<is>` (needed to rewrite content, not to restyle). */
export function readSheet(xml: string, part: string, withContent = false): SheetInfo {
  const root = parseTree(xml, part, descend(withContent));
  const merges = childrenNamed(child(root, 'mergeCells') ?? root, 'mergeCell').flatMap((m) => {
    const [a, b = a] = (m.attrs.ref ?? '').split(':');
    try {
      const p = fromA1(a);
      const q = fromA1(b);
      return [{ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) }];
    } catch {
      return [];
    }
  });
  const legacy = child(root, 'legacyDrawing');
  const legacyHF = child(root, 'legacyDrawingHF');
  return { root, merges, legacyDrawingId: legacy && attrNS(legacy, NS.rel, 'id'), legacyDrawingHFId: legacyHF && attrNS(legacyHF, NS.rel, 'id') };
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** Elements a `<legacyDrawing>` must come before (CT_Worksheet's order; mc:AlternateContent wraps controls and OLE objects). */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent'];

interface CellAt {
  row: number;
  col: number;
  node: XmlNode;
}

/** What a patch does to one cell: its style index mapped, its content replaced, or both. */
export interface CellPatch {
  /** The cell's new format from the one it has (or, for a missing cell, would show). */
  style?: (base: number) => number;
  content?: CellContent;
}

export interface PatchedSheet {
  xml: string;
  /** A formula was taken out of a cell, or an array formula's range shrunk: the calculation chain is stale. */
  formulasRemoved: boolean;
}

/** The sheet text with `targets` (0-based row → col → patch) applied. */
export function patchSheet(
  xml: string,
  info: SheetInfo,
  targets: ReadonlyMap<number, ReadonlyMap<number, CellPatch>>,
  legacyDrawingRelId?: string,
): string {
  return patchSheetWith(xml, info, targets, legacyDrawingRelId).xml;
}

/** patchSheet, saying what it did to formulas. Content patches need `info` read with cell content (readSheet(…, true)). */
export function patchSheetWith(
  xml: string,
  info: SheetInfo,
  targets: ReadonlyMap<number, ReadonlyMap<number, CellPatch>>,
  legacyDrawingRelId?: string,
): PatchedSheet {
  let formulasRemoved = false;
  const { root } = info;
  const q = (local: string) => (root.prefix ? `${root.prefix}:${local}` : local);
  const sheetData = child(root, 'sheetData');
  if (!sheetData) throw new Error('worksheet without sheetData');
  const splices: Splice[] = [];

  const colStyle = columnStyles(root);
  const rows = new Map<number, { node: XmlNode; cells: CellAt[] }>();
  let prevRow = -1;
  for (const row of childrenNamed(sheetData, 'row')) {
    const r = row.attrs.r !== undefined ? Number(row.attrs.r) - 1 : prevRow + 1;
    prevRow = r;
    let prevCol = -1;
    const cells = childrenNamed(row, 'c').map((c) => {
      let col = prevCol + 1;
      if (c.attrs.r !== undefined) {
        try {
          col = fromA1(c.attrs.r).col;
        } catch {
          /* an unreadable r: Excel would reject the file; the cell keeps its place by count */
        }
      }
      prevCol = col;
      return { row: r, col, node: c };
    });
    rows.set(r, { node: row, cells });
  }

  const newCell = (row: number, col: number, p: CellPatch, base: number) => {
    const s = p.style ? p.style(base) : base;
    const c = p.content ? contentXml(p.content, q) : { inner: '' };
    const attrs = `r="${columnLetters(col)}${row + 1}"${p.style || s !== 0 ? ` s="${s}"` : ''}${c.t ? ` t="${c.t}"` : ''}`;
    return c.inner ? `<${q('c')} ${attrs}>${c.inner}</${q('c')}>` : `<${q('c')} ${attrs}/>`;
  };
  const sortedRows = [...rows.entries()].sort((a, b) => a[0] - b[0]);
  const edited = new Set<XmlNode>();

  for (const [row, cols] of [...targets.entries()].sort((a, b) => a[0] - b[0])) {
    const sortedCols = [...cols.entries()].sort((a, b) => a[0] - b[0]);
    const existing = rows.get(row);
    if (!existing) {
      // A missing cell's look comes from its column's style (no row format to inherit).
      const cellsXml = sortedCols.map(([col, p]) => newCell(row, col, p, colStyle(col))).join('');
      const rowXml = `<${q('row')} r="${row + 1}">${cellsXml}</${q('row')}>`;
      const next = sortedRows.find(([r]) => r > row);
      if (next) splices.push({ start: next[1].node.start, end: next[1].node.start, text: rowXml });
      else if (sheetData.selfClosing) {
        // Opened up once below, with every new row.
        splices.push({ start: -1, end: -1, text: rowXml });
      } else splices.push({ start: sheetData.closeStart, end: sheetData.closeStart, text: rowXml });
      continue;
    }
    const rowFormat = isTrue(existing.node.attrs.customFormat) && existing.node.attrs.s !== undefined ? Number(existing.node.attrs.s) : undefined;
    const additions: string[] = [];
    for (const [col, p] of sortedCols) {
      const cell = existing.cells.find((c) => c.col === col);
      if (cell) {
        const base = cell.node.attrs.s !== undefined ? Number(cell.node.attrs.s) || 0 : 0;
        let open = xml.slice(cell.node.start, cell.node.openEnd);
        if (p.style) open = setAttr(open, 's', String(p.style(base)));
        if (!p.content) {
          splices.push({ start: cell.node.start, end: cell.node.openEnd, text: open });
          continue;
        }
        edited.add(cell.node);
        if (child(cell.node, 'f')) formulasRemoved = true;
        splices.push({ start: cell.node.start, end: cell.node.end, text: rewriteCell(xml, cell.node, open, p.content, q) });
        continue;
      }
      const text = newCell(row, col, p, rowFormat ?? colStyle(col));
      const next = existing.cells.find((c) => c.col > col);
      if (next) splices.push({ start: next.node.start, end: next.node.start, text });
      else if (existing.node.selfClosing) additions.push(text);
      else splices.push({ start: existing.node.closeStart, end: existing.node.closeStart, text });
    }
    if (additions.length > 0) {
      const open = xml.slice(existing.node.start, existing.node.end).replace(/\s*\/>$/, '>');
      splices.push({ start: existing.node.start, end: existing.node.end, text: `${open}${additions.join('')}</${existing.node.name}>` });
    }
  }
  if (edited.size > 0) {
    const group = groupFormulaSplices(xml, rows, edited, targets, q);
    splices.push(...group);
    if (group.length > 0) formulasRemoved = true;
  }

  if (sheetData.selfClosing) {
    const rowsXml = splices.filter((s) => s.start === -1).map((s) => s.text);
    const kept = splices.filter((s) => s.start !== -1);
    splices.length = 0;
    splices.push(...kept);
    if (rowsXml.length > 0) {
      const open = xml.slice(sheetData.start, sheetData.end).replace(/\s*\/>$/, '>');
      splices.push({ start: sheetData.start, end: sheetData.end, text: `${open}${rowsXml.join('')}</${sheetData.name}>` });
    }
  }

  if (legacyDrawingRelId && !child(root, 'legacyDrawing')) {
    const rPrefix = prefixFor(root, NS.rel);
    const idAttr = rPrefix ? `${rPrefix}:id="${escapeXml(legacyDrawingRelId)}"` : `xmlns:r="${NS.rel}" r:id="${escapeXml(legacyDrawingRelId)}"`;
    const el = `<${q('legacyDrawing')} ${idAttr}/>`;
    const sheetDataAt = root.children.indexOf(sheetData);
    const before = root.children.slice(sheetDataAt + 1).find((c) => AFTER_LEGACY_DRAWING.includes(c.local));
    const at = before ? before.start : root.closeStart;
    splices.push({ start: at, end: at, text: el });
  }
  return { xml: applySplices(xml, splices), formulasRemoved };
}

/**
 * An existing cell with new content: its start tag (style and attributes such as `ph` kept) without
 * the attributes that described the old value (`t`; `cm`/`vm`, cell and value metadata such as a
 * dynamic array or a picture in the cell), then the new f/v/is and the cell's own extLst.
 */
function rewriteCell(xml: string, node: XmlNode, open: string, content: CellContent, q: (local: string) => string): string {
  const c = contentXml(content, q);
  let tag = open.replace(/\s*\/?>$/, '');
  for (const name of ['t', 'cm', 'vm']) tag = removeAttr(tag, name);
  if (c.t) tag = `${tag} t="${c.t}"`;
  const ext = child(node, 'extLst');
  const inner = c.inner + (ext ? xml.slice(ext.start, ext.end) : '');
  return inner ? `${tag}>${inner}</${node.name}>` : `${tag}/>`;
}

/**
 * What an edit does to the formulas it was part of. A shared formula's text lives in its master cell:
 * when the master is edited, each remaining cell of the group gets the formula as it computes there
 * (translated from the master), so no cell loses its formula. An array formula covers its range from
 * the master: a member edited on its own (as the page allows) leaves the master a one-cell array and
 * the other members as the constants the file cached for them.
 */
function groupFormulaSplices(
  xml: string,
  rows: ReadonlyMap<number, { cells: CellAt[] }>,
  edited: ReadonlySet<XmlNode>,
  targets: ReadonlyMap<number, ReadonlyMap<number, CellPatch>>,
  q: (local: string) => string,
): Splice[] {
  const splices: Splice[] = [];
  const cells = [...rows.values()].flatMap((r) => r.cells);
  const formulaOf = (c: CellAt) => child(c.node, 'f');
  const masters = new Map<string, { cell: CellAt; text: string }>();
  for (const c of cells) {
    const f = formulaOf(c);
    if (f?.attrs.t === 'shared' && f.attrs.si !== undefined && f.attrs.ref !== undefined && f.text.trim() !== '') masters.set(f.attrs.si, { cell: c, text: f.text });
  }
  const editedMasters = new Set([...masters].filter(([, m]) => edited.has(m.cell.node)).map(([si]) => si));
  for (const c of cells) {
    const f = formulaOf(c);
    if (!f || edited.has(c.node)) continue;
    if (f.attrs.t === 'shared' && f.attrs.si !== undefined && editedMasters.has(f.attrs.si)) {
      const m = masters.get(f.attrs.si)!;
      const text = translateFormula(m.text, c.row - m.cell.row, c.col - m.cell.col);
      splices.push({ start: f.start, end: f.end, text: `<${q('f')}>${escapeXml(text)}</${q('f')}>` });
    } else if (f.attrs.t === 'array' && f.attrs.ref) {
      const range = rangeOf(f.attrs.ref);
      // Only new content breaks the array; a member given a number format stays in it.
      const inside =
        range &&
        [...targets].some(
          ([r, cols]) => r >= range.top && r <= range.bottom && [...cols].some(([col, p]) => p.content && col >= range.left && col <= range.right && !(r === c.row && col === c.col)),
        );
      if (inside) {
        const open = xml.slice(f.start, f.openEnd);
        splices.push({ start: f.start, end: f.openEnd, text: setAttr(open, 'ref', toA1(c.row, c.col)) });
      }
    }
  }
  return splices;
}

function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  try {
    const p = fromA1(a);
    const r = fromA1(b);
    return { top: Math.min(p.row, r.row), left: Math.min(p.col, r.col), bottom: Math.max(p.row, r.row), right: Math.max(p.col, r.col) };
  } catch {
    return undefined;
  }
}

/** The style a missing cell shows in column `col`: the `<col style>` covering it, else the default format. */
function columnStyles(root: XmlNode): (col: number) => number {
  const cols = childrenNamed(child(root, 'cols') ?? root, 'col').map((c) => ({
    min: Number(c.attrs.min) - 1,
    max: Number(c.attrs.max) - 1,
    style: Number(c.attrs.style ?? 0) || 0,
  }));
  return (col) => cols.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
}
