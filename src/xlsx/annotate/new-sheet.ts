/**
 * Worksheets a patch adds to a workbook — 「问题清单」 and the sheets the playground inserted (the scoring
 * template, 「汇总比较」): the part's XML, and the part itself with its rel, content type and workbook.xml
 * entry. New sheets are appended last in workbook.xml, so sheet-scoped defined names keep their
 * localSheetId; a sheet of that name already there (a copy checked again) gets its content replaced.
 */
import { columnLetters } from '../../engine/sheet/sheet-model';
import type { ZipPackage } from '../zip-package';
import { contentXml, type CellContent } from './cell-content';
import { addRels, appendInside, CONTENT_TYPE, findPart, freePartName, freeRelId, NS, readRels, REL_TYPE, type ContentTypes } from './opc';
import { attrNS, child, childrenNamed, escapeXml, parseTree, prefixFor, xmlSafe } from './xml-tree';

const text = (s: string) => escapeXml(xmlSafe(s));

export interface NewCell {
  row: number;
  col: number;
  content: CellContent;
  /** cellXfs index; absent: the default format. */
  style?: number;
}

export interface NewSheetLayout {
  cells: readonly NewCell[];
  /** Column widths in Excel character units, by 0-based column. */
  widths?: readonly (number | undefined)[];
  /** A1 ranges. */
  merges?: readonly string[];
  /** `<hyperlink>` elements, as written. */
  hyperlinks?: readonly string[];
  /** Rows kept in view at the top (a title and a header). */
  freezeRows?: number;
  validations?: readonly NewSheetValidation[];
}

/** An input rule: a number between min and max, or one of a list (a drop-down). */
export interface NewSheetValidation {
  /** A1 range. */
  range: string;
  min: number;
  max: number;
  list?: readonly string[];
  error: string;
  prompt?: string;
}

function validationXml(v: NewSheetValidation): string {
  const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1" error="${text(v.error)}"${v.prompt ? ` prompt="${text(v.prompt)}"` : ''} sqref="${text(v.range)}"`;
  if (v.list) {
    // A list's items in formula1 are one quoted string, comma-separated (a quote inside doubled).
    const items = `"${v.list.map((i) => i.replace(/"/g, '""')).join(',')}"`;
    return `<dataValidation type="list" ${common}><formula1>${text(items)}</formula1></dataValidation>`;
  }
  return `<dataValidation type="decimal" ${common}><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
}

/** The worksheet part's text. */
export function worksheetXml(layout: NewSheetLayout): string {
  const byRow = new Map<number, NewCell[]>();
  for (const c of layout.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => {
      const xml = cells
        .sort((a, b) => a.col - b.col)
        .map((c) => {
          const { t, inner } = contentXml(c.content);
          const attrs = `r="${columnLetters(c.col)}${row + 1}"${c.style ? ` s="${c.style}"` : ''}${t ? ` t="${t}"` : ''}`;
          return inner ? `<c ${attrs}>${inner}</c>` : `<c ${attrs}/>`;
        })
        .join('');
      return `<row r="${row + 1}">${xml}</row>`;
    });
  const lastRow = Math.max(0, ...layout.cells.map((c) => c.row));
  const lastCol = Math.max(0, ...layout.cells.map((c) => c.col));
  const widths = (layout.widths ?? []).flatMap((w, i) => (w !== undefined && w > 0 ? [`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`] : []));
  const merges = layout.merges ?? [];
  const links = layout.hyperlinks ?? [];
  const validations = layout.validations ?? [];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<dimension ref="A1:${columnLetters(lastCol)}${lastRow + 1}"/>` +
    (layout.freezeRows
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.freezeRows}" topLeftCell="A${layout.freezeRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>') +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (widths.length > 0 ? `<cols>${widths.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${text(m)}"/>`).join('')}</mergeCells>` : '') +
    (validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>` : '') +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** Writes the sheet `name`: replaces an existing one's part, or adds the part, its rel, content type and workbook entry. Returns the part. */
export function writeWorksheet(pkg: ZipPackage, types: ContentTypes, workbookPart: string, name: string, xml: string): string {
  const wbXml = pkg.text(workbookPart) ?? '';
  const root = parseTree(wbXml, workbookPart, (p) => p.length <= 2);
  const sheets = child(root, 'sheets');
  if (!sheets) throw new Error(`${workbookPart}: no <sheets>`);
  const rels = readRels(pkg, workbookPart);
  const existing = childrenNamed(sheets, 'sheet').find((s) => s.attrs.name === name);
  const existingRel = existing && rels.find((r) => r.id === attrNS(existing, NS.rel, 'id'));
  const existingPart = existingRel?.part && findPart(pkg, existingRel.part);
  if (existingPart) {
    pkg.write(existingPart, xml);
    return existingPart;
  }
  const part = freePartName(pkg, 'xl/worksheets', 'sheet', 'xml');
  pkg.write(part, xml);
  types.override(part, CONTENT_TYPE.worksheet);
  const relId = freeRelId(pkg, workbookPart);
  addRels(pkg, workbookPart, [{ id: relId, type: REL_TYPE.worksheet, part }]);
  const sheetId = Math.max(0, ...childrenNamed(sheets, 'sheet').map((s) => Number(s.attrs.sheetId) || 0)) + 1;
  const q = (local: string) => (sheets.prefix ? `${sheets.prefix}:${local}` : local);
  const rPrefix = prefixFor(sheets, NS.rel);
  const idAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${NS.rel}" r:id="${relId}"`;
  pkg.write(workbookPart, appendInside(wbXml, sheets, `<${q('sheet')} name="${text(name)}" sheetId="${sheetId}" ${idAttr}/>`));
  return part;
}
