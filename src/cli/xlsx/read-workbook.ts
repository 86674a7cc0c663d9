/**
 * ExcelJS → SheetModel: reads a workbook from a Buffer (the file on disk is never opened for writing)
 * and turns a worksheet into the engine's GridSheet. Bad input becomes a WorkbookReadError saying what
 * is wrong and how to fix it.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook, VALUE_TYPE } from './exceljs';
import { GridSheet, type Cell, type CellValue, type MergeRange } from '../../engine/sheet/sheet-model';
import { readErrors } from './read-errors';

/** Beyond this extent a sheet is not a self-assessment table; reading stops there. */
export const MAX_ROWS = 5000;
export const MAX_COLS = 100;

export type FileKind = 'zip' | 'cfb-encrypted' | 'cfb' | 'other';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every xlsx is a zip archive
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: .xls, or an encrypted xlsx
const startsWith = (buf: Buffer, magic: number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/**
 * What the bytes are, before handing them to a zip reader. Office wraps an encrypted xlsx in an OLE
 * compound file whose directory names an "EncryptionInfo" stream (UTF-16LE); a plain .xls has none.
 */
export function sniffFileKind(buf: Buffer): FileKind {
  if (startsWith(buf, ZIP_MAGIC) && (buf[2] === 0x03 || buf[2] === 0x05 || buf[2] === 0x07)) return 'zip';
  if (startsWith(buf, CFB_MAGIC)) {
    return buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) ? 'cfb-encrypted' : 'cfb';
  }
  return 'other';
}

/** Load a workbook from its bytes; `file` only names it in messages. */
export async function loadWorkbook(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  switch (sniffFileKind(buf)) {
    case 'cfb-encrypted':
      throw readErrors.encrypted(file);
    case 'cfb':
      throw readErrors.oldXls(file);
    case 'other':
      throw readErrors.notXlsx(file);
    case 'zip':
      break;
  }
  const workbook = newWorkbook();
  try {
    // ExcelJS's typings ask for its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw readErrors.corrupt(file, (err as Error).message ?? String(err));
  }
  if (workbook.worksheets.length === 0) throw readErrors.noSheets(file);
  return workbook;
}

export interface ReadSheet {
  sheet: GridSheet;
  /** Rows and columns that hold content, possibly beyond what was read. */
  contentRows: number;
  contentCols: number;
  /** True when content lies beyond MAX_ROWS × MAX_COLS; only the part inside was read. */
  truncated: boolean;
}

/** A worksheet as a GridSheet: values (formula cells: cached result), formulas, number formats and merges. */
export function readWorksheet(ws: ExcelJS.Worksheet, limits = { rows: MAX_ROWS, cols: MAX_COLS }): ReadSheet {
  const rows: (Cell | undefined)[][] = [];
  let contentRows = 0;
  let contentCols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // A merged range's other cells echo the top-left value in ExcelJS; the model keeps it only at the top-left.
      if (c.type === VALUE_TYPE.Merge) return;
      const cell = toCell(c);
      if (cell.value === null && cell.formula === undefined) return;
      contentRows = Math.max(contentRows, rowNumber);
      contentCols = Math.max(contentCols, colNumber);
      if (rowNumber > limits.rows || colNumber > limits.cols) return;
      (rows[rowNumber - 1] ??= [])[colNumber - 1] = cell;
    });
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = readMerges(ws).filter((m) => m.top < limits.rows && m.left < limits.cols);
  return {
    sheet: new GridSheet(ws.name, rows, merges),
    contentRows,
    contentCols,
    truncated: contentRows > limits.rows || contentCols > limits.cols,
  };
}

/** ExcelJS keeps merges in `_merges` (master address → Range); `model.merges` rebuilds the whole sheet model, so it is the fallback. */
function readMerges(ws: ExcelJS.Worksheet): MergeRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (internal) {
    return Object.values(internal).map((r) => ({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 }));
  }
  return (ws.model.merges ?? []).map((range) => {
    const [a, b = a] = range.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b);
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
}

function parseAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) return { row: 0, col: 0 };
  const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

function toCell(c: ExcelJS.Cell): Cell {
  const numberFormat = c.numFmt || undefined;
  if (c.type === VALUE_TYPE.Formula) {
    // Shared formulas: ExcelJS translates the master's formula to this cell in `cell.formula`.
    const formula = c.formula || undefined;
    return { value: plain(c.result as unknown), formula, numberFormat };
  }
  return { value: plain(c.value as unknown), numberFormat };
}

/** Any ExcelJS value as what a person sees: rich text and hyperlinks as their text, dates as text, errors as {error}. */
export function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return plain((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if ('hyperlink' in o || 'text' in o) return plain(o.text);
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
  }
  return null;
}

/** ExcelJS gives dates as UTC instants of the sheet's local date-time. */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds();
  return hasTime ? `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` : date;
}
