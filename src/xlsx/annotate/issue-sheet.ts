/**
 * The 「问题清单」 sheet of an annotated copy: one row per finding (severity word, the cell as a link to
 * it, clause, message), written with inline strings so the shared-strings part stays as it was. It is
 * appended last in workbook.xml (so sheet-scoped defined names keep their localSheetId); a workbook that
 * already has one (a copy checked again) gets that sheet's content replaced instead.
 */
import { columnLetters, fromA1 } from '../../engine/sheet/sheet-model';
import { issueListHeader, issueListSheetName, type IssueListRow } from '../../engine/validate/issue-list';
import type { Locale } from '../../engine/messages';
import type { ZipPackage } from '../zip-package';
import { addRels, appendInside, CONTENT_TYPE, findPart, freePartName, freeRelId, NS, readRels, REL_TYPE, type ContentTypes } from './opc';
import type { StylesPatch } from './styles-patch';
import { attrNS, child, childrenNamed, escapeXml, parseTree, prefixFor, xmlSafe } from './xml-tree';

const WIDTHS = [8, 10, 14, 90];

const text = (s: string) => escapeXml(xmlSafe(s));

/** `'自评表'!E5`: always quoted, a quote inside doubled. */
const location = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

export function issueSheetXml(rows: readonly IssueListRow[], locale: Locale, styles: StylesPatch): string {
  const bold = styles.listXf('bold');
  const link = styles.listXf('link');
  const str = (ref: string, value: string, s?: number) =>
    `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${text(value)}</t></is></c>`;
  const header = issueListHeader(locale);
  const lines = [`<row r="1">${header.map((h, i) => str(`${columnLetters(i)}1`, h, bold)).join('')}</row>`];
  const links: string[] = [];
  rows.forEach((r, i) => {
    const n = i + 2;
    let linked = true;
    try {
      fromA1(r.cell);
    } catch {
      linked = false;
    }
    lines.push(
      `<row r="${n}">${str(`A${n}`, r.severityWord)}${str(`B${n}`, r.cell, linked ? link : undefined)}${str(`C${n}`, r.clauseId)}${str(`D${n}`, r.message)}</row>`,
    );
    if (linked) links.push(`<hyperlink ref="B${n}" location="${text(location(r.sheet, r.cell))}" display="${text(r.cell)}"/>`);
  });
  const last = rows.length + 1;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<dimension ref="A1:D${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${lines.join('')}</sheetData>` +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** Writes the 问题清单 sheet: replaces an existing one's part, or adds the part, its rel, content type and workbook entry. */
export function writeIssueSheet(
  pkg: ZipPackage,
  types: ContentTypes,
  workbookPart: string,
  xml: string,
  locale: Locale,
): string {
  const name = issueListSheetName(locale);
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
