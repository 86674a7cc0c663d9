/**
 * The marked worksheet part: each marked cell's `s` (style index) set to its marked format, a `<c>` (and
 * a `<row>`) added only where a marked cell has none, and a `<legacyDrawing>` added when the notes need
 * a VML drawing the sheet did not have. Every other character of the part stays as it was — values,
 * shared formulas, inline strings, conditional formats, validations, hyperlinks, protection, extLst.
 */
import { columnLetters, fromA1 } from '../../engine/sheet/sheet-model';
import { NS } from './opc';
import { applySplices, attrNS, child, childrenNamed, escapeXml, parseTree, prefixFor, setAttr, type Splice, type XmlNode } from './xml-tree';

export interface SheetInfo {
  root: XmlNode;
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** r:id of the sheet's `<legacyDrawing>`, when it has one. */
  legacyDrawingId?: string;
  /** r:id of its `<legacyDrawingHF>` (header/footer pictures): also a VML drawing, never the notes' one. */
  legacyDrawingHFId?: string;
}

/** Children of these are stored: rows, their cells, merges and column styles; cell contents are not. */
const descend = (path: readonly string[]): boolean =>
  path.length === 1 || (path.length === 2 && ['sheetData', 'mergeCells', 'cols'].includes(path[1])) || (path.length === 3 && path[2] === 'row');

export function readSheet(xml: string, part: string): SheetInfo {
  const root = parseTree(xml, part, descend);
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
  col: number;
  node: XmlNode;
}

/**
 * The sheet text with `cells` (0-based row → col → style index for a cell format) applied.
 * `styleFor(base)` maps the format a cell has (or would have) to its marked format.
 */
export function patchSheet(
  xml: string,
  info: SheetInfo,
  targets: ReadonlyMap<number, ReadonlyMap<number, (base: number) => number>>,
  legacyDrawingRelId?: string,
): string {
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
      return { col, node: c };
    });
    rows.set(r, { node: row, cells });
  }

  const newCell = (row: number, col: number, s: number) => `<${q('c')} r="${columnLetters(col)}${row + 1}" s="${s}"/>`;
  const sortedRows = [...rows.entries()].sort((a, b) => a[0] - b[0]);

  for (const [row, cols] of [...targets.entries()].sort((a, b) => a[0] - b[0])) {
    const sortedCols = [...cols.entries()].sort((a, b) => a[0] - b[0]);
    const existing = rows.get(row);
    if (!existing) {
      // A missing cell's look comes from its column's style (no row format to inherit).
      const cellsXml = sortedCols.map(([col, styleFor]) => newCell(row, col, styleFor(colStyle(col)))).join('');
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
    for (const [col, styleFor] of sortedCols) {
      const cell = existing.cells.find((c) => c.col === col);
      if (cell) {
        const open = xml.slice(cell.node.start, cell.node.openEnd);
        const s = styleFor(cell.node.attrs.s !== undefined ? Number(cell.node.attrs.s) || 0 : 0);
        splices.push({ start: cell.node.start, end: cell.node.openEnd, text: setAttr(open, 's', String(s)) });
        continue;
      }
      const text = newCell(row, col, styleFor(rowFormat ?? colStyle(col)));
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
  return applySplices(xml, splices);
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
