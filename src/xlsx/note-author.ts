/**
 * ExcelJS signs every note it writes "Author" (its comments writer has no author option), so a note
 * from our download would read "Author:" in Excel. This rewrites that placeholder in the comments parts
 * of a package ExcelJS just produced; every other part keeps its bytes.
 */
import { ZipPackage } from './zip-package';

const COMMENTS_PART = /^xl\/comments\d*\.xml$/;
const EXCELJS_AUTHOR = '<author>Author</author>';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `bytes` with the notes' author set to `author`; the same bytes when no part names ExcelJS's placeholder. */
export function signNotes(bytes: Uint8Array, author: string): Uint8Array {
  const pkg = ZipPackage.open(bytes);
  let changed = false;
  for (const name of pkg.names().filter((n) => COMMENTS_PART.test(n))) {
    const xml = pkg.text(name) ?? '';
    if (!xml.includes(EXCELJS_AUTHOR)) continue;
    pkg.write(name, xml.split(EXCELJS_AUTHOR).join(`<author>${escapeXml(author)}</author>`));
    changed = true;
  }
  return changed ? pkg.toBytes() : bytes;
}
