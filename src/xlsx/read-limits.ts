/**
 * How much of an .xlsx the readers will inflate and hold, in one place (README「读取上限」documents them).
 * A self-assessment workbook is a few hundred KB of XML; these are orders of magnitude above that, and far
 * below what would exhaust a browser tab or V8's heap. Each is enforced on the sizes the zip directory
 * declares, before inflating, and again on the bytes actually inflated (declared sizes can lie).
 */

export interface ReadLimits {
  /** Inflated bytes of any one part read (a worksheet, the shared strings, the styles …). */
  partBytes: number;
  /** Inflated bytes of all parts read from one workbook together. */
  totalBytes: number;
  /** Entries in the zip directory. */
  entries: number;
  /** Strings in the shared-string table. */
  sharedStrings: number;
  /** Characters in the shared-string table, all strings together. */
  sharedStringChars: number;
  /** `<c>` elements in all the worksheets read from one workbook. */
  cells: number;
  /** Rows and columns of content a sheet may reach from A1 and still be a self-assessment table. */
  rows: number;
  cols: number;
}

const MB = 1024 * 1024;

export const READ_LIMITS: Readonly<ReadLimits> = {
  partBytes: 64 * MB,
  totalBytes: 160 * MB,
  entries: 10_000,
  sharedStrings: 1_000_000,
  sharedStringChars: 32 * MB,
  cells: 2_000_000,
  rows: 5000,
  cols: 100,
};

/**
 * The playground's: the same except cells. After these checks the page still builds ExcelJS's full model of
 * the workbook (for fills, notes, fonts and widths), some 0.8 KB per cell, where the CLI's streaming reader
 * holds only the cells of a 5,000 × 100 table. 500,000 cells is that table full; `npm run bench` reads a
 * 499,000-cell workbook this way at about 390 MB peak, where 2,000,000 cells would be four times that in
 * the tab's worker.
 */
export const BROWSER_READ_LIMITS: Readonly<ReadLimits> = { ...READ_LIMITS, cells: 500_000 };

export type LimitName = Exclude<keyof ReadLimits, 'rows' | 'cols'>;

/** A limit was reached: `part` is the zip entry being read, `actual` at least what was found (declared or counted). */
export class ReadLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    readonly actual: number,
    readonly part?: string,
  ) {
    super(`read limit ${limit} (${max}) exceeded${part ? ` in ${part}` : ''}: ${actual}`);
    this.name = 'ReadLimitError';
  }
}

/** Counts against one limit and throws the moment it is passed. */
export function checkLimit(limits: ReadLimits, limit: LimitName, actual: number, part?: string): void {
  if (actual > limits[limit]) throw new ReadLimitError(limit, limits[limit], actual, part);
}
