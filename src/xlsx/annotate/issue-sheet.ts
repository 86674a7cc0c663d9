/**
 * The 「问题清单」 sheet of an annotated copy: one row per finding (severity word, the cell as a link to
 * it, clause, message), written with inline strings so the shared-strings part stays as it was. Added
 * (or replaced, on a copy checked again) by writeWorksheet, as every sheet a patch adds.
 */
import { fromA1 } from '../../engine/sheet/sheet-model';
import { issueListHeader, issueListSheetName, type IssueListRow } from '../../engine/validate/issue-list';
import type { Locale } from '../../engine/messages';
import type { ZipPackage } from '../zip-package';
import { worksheetXml, writeWorksheet, type NewCell } from './new-sheet';
import type { ContentTypes } from './opc';
import type { StylesPatch } from './styles-patch';
import { escapeXml, xmlSafe } from './xml-tree';

const WIDTHS = [8, 10, 14, 90];

const text = (s: string) => escapeXml(xmlSafe(s));

/** `'自评表'!E5`: always quoted, a quote inside doubled. */
const location = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

export function issueSheetXml(rows: readonly IssueListRow[], locale: Locale, styles: StylesPatch): string {
  const bold = styles.listXf('bold');
  const link = styles.listXf('link');
  const cells: NewCell[] = issueListHeader(locale).map((h, col) => ({ row: 0, col, content: { value: h }, style: bold }));
  const links: string[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    let linked = true;
    try {
      fromA1(r.cell);
    } catch {
      linked = false;
    }
    [r.severityWord, r.cell, r.clauseId, r.message].forEach((value, col) =>
      cells.push({ row, col, content: { value }, ...(col === 1 && linked ? { style: link } : {}) }),
    );
    if (linked) links.push(`<hyperlink ref="B${row + 1}" location="${text(location(r.sheet, r.cell))}" display="${text(r.cell)}"/>`);
  });
  return worksheetXml({ cells, widths: WIDTHS, hyperlinks: links, freezeRows: 1 });
}

/** Writes the 问题清单 sheet: replaces an existing one's part, or adds the part, its rel, content type and workbook entry. */
export function writeIssueSheet(pkg: ZipPackage, types: ContentTypes, workbookPart: string, xml: string, locale: Locale): string {
  return writeWorksheet(pkg, types, workbookPart, issueListSheetName(locale), xml);
}
