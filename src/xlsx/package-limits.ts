/**
 * Proves a package is within READ_LIMITS before a reader that holds everything (ExcelJS, which inflates every
 * part and builds an object per cell) is let near it. The streaming readers stop at a limit on their own; ExcelJS
 * does not, and a 1.2 MB file inflating to 1.2 GB or 16 M cells in 43 MB exhausts a tab's memory inside it.
 *  1. the zip directory: entries, and each part's declared inflated size and their sum — refuses an honest bomb at
 *     once;
 *  2. every part inflated and counted, the bytes thrown away — refuses a directory that lies, within ~16 MB of the
 *     limit (zip-entries.ts inflates in bounded steps);
 *  3. the streaming reader over every worksheet (workbook, shared strings, styles, sheets) — the cells and shared
 *     string limits, and malformed XML named as damage the way `validate` names it.
 * Browser-safe; throws ReadLimitError, ZipFormatError, XmlFormatError or XlsxFormatError.
 */
import { checkLimit, type ReadLimits } from './read-limits';
import { XlsxReader } from './xlsx-reader';
import { InflateBudget, readZipDirectory } from './zip-entries';

/** How far the check is, 0 → 1: by compressed bytes inflated (step 2), then by worksheets read (step 3). */
export type CheckProgress = (fraction: number) => void;

/** Share of the progress given to inflating (step 2); the rest goes to the worksheets. */
const INFLATE_SHARE = 0.5;

export function checkPackageLimits(bytes: Uint8Array, limits: ReadLimits, onProgress: CheckProgress = () => undefined): void {
  const entries = readZipDirectory(bytes, limits);
  let declared = 0;
  for (const entry of entries) {
    checkLimit(limits, 'partBytes', entry.size, entry.name);
    declared += entry.size;
    checkLimit(limits, 'totalBytes', declared, entry.name);
  }

  const compressed = entries.reduce((n, e) => n + e.compressedSize, 0) || 1;
  const budget = new InflateBudget(limits);
  let done = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder entry holds nothing
    budget.inflate(bytes, entry, () => undefined);
    done += entry.compressedSize;
    onProgress((INFLATE_SHARE * done) / compressed);
  }

  const reader = XlsxReader.open(bytes, limits);
  reader.sheets.forEach((sheet, i) => {
    reader.readSheet(sheet);
    onProgress(INFLATE_SHARE + ((1 - INFLATE_SHARE) * (i + 1)) / reader.sheets.length);
  });
}
