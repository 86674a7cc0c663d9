/**
 * An .xlsx file's bytes → the playground workbook, in the browser (ExcelJS's browser build). Values,
 * formulas, number formats and merges are read by the same rules as the CLI's reader
 * (src/cli/xlsx/read-workbook.ts, which loads ExcelJS's Node modules and so cannot be bundled for the
 * browser; tests/playground/xlsx-io.test.ts keeps the two in step); fills, notes and a little
 * formatting are added for the grid. A file that cannot be read becomes a WorkbookReadError saying what
 * is wrong and how to fix it.
 */
import ExcelJS from 'exceljs';
import { readErrors, WorkbookReadError } from '../cli/xlsx/read-errors';
import { toA1, type CellValue, type MergeRange } from '../engine/sheet/sheet-model';
import { fillColor } from './excel-colors';
import type { Book, BookCell, BookSheet } from './workbook-model';

/** Beyond this extent a sheet is not a self-assessment table; reading stops there (as in the CLI). */
export const MAX_ROWS = 5000;
export const MAX_COLS = 100;

export { WorkbookReadError };

export interface ReadBook {
  book: Book;
  /** Sheets with content beyond MAX_ROWS × MAX_COLS; only the part inside was read. */
  truncated: string[];
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream Office puts in the compound file wrapping an encrypted xlsx. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function includes(bytes: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The same sniffing as the CLI's sniffFileKind, on browser bytes (no Node Buffer). */
function checkKind(bytes: Uint8Array, file: string): void {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && [0x03, 0x05, 0x07].includes(bytes[2]);
  if (isZip) return;
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    throw includes(bytes, ENCRYPTION_INFO) ? readErrors.encrypted(file) : readErrors.oldXls(file);
  }
  throw readErrors.notXlsx(file);
}

function noteText(note: unknown): string | undefined {
  if (typeof note === 'string') return note === '' ? undefined : note;
  if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) {
    const text = ((note as { texts: { text?: string }[] }).texts ?? []).map((r) => r.text ?? '').join('');
    return text === '' ? undefined : text;
  }
  return undefined;
}

function styleOf(c: ExcelJS.Cell): Omit<BookCell, 'value' | 'formula' | 'numberFormat'> {
  const out: Omit<BookCell, 'value' | 'formula' | 'numberFormat'> = {};
  const fill = fillColor(c.fill);
  if (fill !== undefined) out.fill = fill;
  const note = noteText(c.note);
  if (note !== undefined) out.note = note;
  if (c.font?.bold) out.bold = true;
  const h = c.alignment?.horizontal;
  if (h === 'left' || h === 'center' || h === 'right') out.align = h;
  else if (h === 'centerContinuous') out.align = 'center';
  if (c.alignment?.wrapText) out.wrap = true;
  return out;
}

/** Any ExcelJS value as a person sees it: rich text and hyperlinks as their text, dates as text, errors as {error}. */
function plain(v: unknown): CellValue {
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

function content(c: ExcelJS.Cell): Pick<BookCell, 'value' | 'formula' | 'numberFormat'> {
  const numberFormat = c.numFmt && c.numFmt !== 'General' ? { numberFormat: c.numFmt } : {};
  if (c.type === ExcelJS.ValueType.Formula) {
    // Shared formulas: ExcelJS translates the master's formula to this cell in `cell.formula`.
    const formula = c.formula ? { formula: c.formula } : {};
    return { value: plain(c.result as unknown), ...formula, ...numberFormat };
  }
  return { value: plain(c.value as unknown), ...numberFormat };
}

/** ExcelJS keeps merges in `_merges` (master address → range); `model.merges` is the documented fallback. */
function readMerges(ws: ExcelJS.Worksheet): MergeRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (internal) return Object.values(internal).map((r) => ({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 }));
  return (ws.model.merges ?? []).map((range) => {
    const [a, b = a] = range.split(':');
    const [p, q] = [a, b].map((x) => {
      const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(x.trim());
      const col = m ? m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : 0;
      return { row: m ? Number(m[2]) - 1 : 0, col };
    });
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
}

function readSheet(ws: ExcelJS.Worksheet): { sheet: BookSheet; truncated: boolean } {
  const cells = new Map<string, BookCell>();
  let truncated = false;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (c, colNumber) => {
      // A merged range's other cells echo the top-left value in ExcelJS; the model keeps it only at the top-left.
      if (c.type === ExcelJS.ValueType.Merge) return;
      const cell: BookCell = { ...content(c), ...styleOf(c) };
      const hasContent = cell.value !== null || cell.formula !== undefined;
      // Empty cells are kept when they carry a fill or a note: the user's colours must show and survive.
      if (!hasContent && cell.fill === undefined && cell.note === undefined) return;
      if (rowNumber > MAX_ROWS || colNumber > MAX_COLS) {
        truncated ||= hasContent;
        return;
      }
      cols = Math.max(cols, colNumber);
      cells.set(toA1(rowNumber - 1, colNumber - 1), cell);
    });
  });
  const merges = readMerges(ws).filter((m) => m.top < MAX_ROWS && m.left < MAX_COLS);
  const columnWidths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.min(MAX_COLS, Math.max(cols, ws.columnCount)); c++) columnWidths.push(ws.getColumn(c).width);
  return {
    sheet: {
      name: ws.name,
      cells,
      merges,
      columnWidths,
      hidden: ws.state !== 'visible',
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    },
    truncated,
  };
}

/** Load a workbook from its bytes; `file` names it in messages. Throws WorkbookReadError. */
export async function loadXlsx(data: ArrayBuffer | Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkKind(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw readErrors.corrupt(file, (err as Error)?.message ?? String(err));
  }
  if (workbook.worksheets.length === 0) throw readErrors.noSheets(file);
  return workbook;
}

/** The workbook model of an ExcelJS workbook; the active sheet is the file's, or its first visible one. */
export function bookFromWorkbook(workbook: ExcelJS.Workbook): ReadBook {
  const sheets: BookSheet[] = [];
  const truncated: string[] = [];
  for (const ws of workbook.worksheets) {
    const read = readSheet(ws);
    sheets.push(read.sheet);
    if (read.truncated) truncated.push(ws.name);
  }
  const activeTab = (workbook.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab;
  const fromTab = activeTab !== undefined ? sheets[activeTab] : undefined;
  const active = fromTab && !fromTab.hidden ? fromTab : (sheets.find((s) => !s.hidden) ?? sheets[0]);
  return { book: { sheets, active: active.name }, truncated };
}

export async function readXlsx(data: ArrayBuffer | Uint8Array, file: string): Promise<ReadBook> {
  return bookFromWorkbook(await loadXlsx(data, file));
}
