/**
 * A .csv export as a sheet, so `validate` checks it with the same engine as a workbook. Staff export
 * CSV from Chinese Excel and WPS in GB18030/GBK ("CSV (逗号分隔)") or UTF-8 with a BOM ("CSV UTF-8");
 * scripts write UTF-8 without one. A CSV has values only: no formulas, merges or hidden rows — a merged
 * category or item cell arrives as its value in the first row and blanks below, which the locator
 * carries down as it does for a merge.
 *
 * Browser-safe: TextDecoder (GB18030 needs full ICU, which Node and browsers ship) and csv-parse's
 * synchronous parser (quoted fields with commas and line breaks, doubled quotes).
 */
import { parse } from 'csv-parse/sync';
import { GridSheet, type Cell } from '../engine/sheet/sheet-model';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** The file started with a byte-order mark. */
  bom: boolean;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * The text of a CSV file: by its byte-order mark when it has one; otherwise UTF-8 when the bytes are
 * valid UTF-8 (GBK Chinese text practically never is: its lead bytes 0x81–0xFE are rarely followed by
 * the continuation bytes UTF-8 demands), else GB18030, the superset of GBK that Chinese Excel writes.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}

/** How far into a file the sniffing looks: enough for a header and a few rows. */
const SNIFF_BYTES = 4096;

/**
 * Bytes that are a delimited text table (a CSV whatever its name): no NUL bytes outside UTF-16, and
 * some line holding a comma, a tab or a semicolon. Called only on files that are not zip or OLE.
 */
export function looksLikeCsv(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const head = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16 && head.includes(0)) return false;
  const text = decodeCsv(head).text;
  // Control characters other than tab and line breaks mean a binary file, not text.
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b) return false;
  }
  return /[,\t;]/.test(text);
}

/** The delimiter of the first line: the one of comma, tab and semicolon it holds most of, outside quotes. */
function delimiterOf(text: string): string {
  const firstLine = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/** A plain decimal as Excel would have kept it as a number; digit runs too long for a double (ID numbers) and leading zeros stay text. */
const NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;

function cellOf(raw: string): Cell | undefined {
  const text = raw.replace(/^\ufeff/, '');
  if (text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^(?:TRUE|FALSE)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === 'TRUE' };
  if (/^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(trimmed)) return { value: { error: trimmed } };
  return { value: text };
}

export interface CsvSheet {
  sheet: GridSheet;
  encoding: CsvEncoding;
  /** How far content reaches, and whether it goes past the limits (only the part inside is kept). */
  contentRows: number;
  contentCols: number;
  truncated: boolean;
}

/** A CSV file's bytes as one sheet named `name`, within `limits` rows × columns. */
export function csvSheet(bytes: Uint8Array, name: string, limits: { rows: number; cols: number }): CsvSheet {
  const { text, encoding } = decodeCsv(bytes);
  const records = parse(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  // A trailing blank record is the file's last line break, not a row.
  while (records.length > 0 && records[records.length - 1].every((v) => v.trim() === '')) records.pop();
  const contentRows = records.length;
  const contentCols = records.reduce((m, r) => Math.max(m, r.length), 0);
  const rows = records.slice(0, limits.rows).map((r) => r.slice(0, limits.cols).map(cellOf));
  return {
    sheet: new GridSheet(name, rows, [], { hiddenRows: new Set(), hiddenCols: new Set() }),
    encoding,
    contentRows,
    contentCols,
    truncated: contentRows > limits.rows || contentCols > limits.cols,
  };
}
