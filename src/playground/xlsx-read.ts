/**
 * An .xlsx file's bytes → the playground workbook, in the browser (ExcelJS's browser build; the page runs
 * this in a Web Worker, read-worker.ts). Values, formulas, number formats and merges are read by the rules
 * shared with the CLI (src/xlsx/read-worksheet.ts); fills, notes and a little formatting are added for the
 * grid. A file that cannot be read becomes a WorkbookReadError saying what is wrong and how to fix it.
 *
 * Bounded like the CLI: the package is first checked against BROWSER_READ_LIMITS with the streaming reader
 * (src/xlsx/package-limits.ts), and only a package within them reaches ExcelJS. Not the streaming reader
 * alone: the grid needs what it does not read (fills as theme and indexed colours, notes, bold, alignment,
 * column widths, sheet protection, the active tab), and ExcelJS's reading of those is what the page, its
 * tests and its download already rely on. The check costs one extra inflate of a few hundred KB on a real
 * workbook; on a hostile one it is what stops the tab from running out of memory.
 */
import ExcelJS from 'exceljs';
import { readErrors, WorkbookReadError } from '../cli/xlsx/read-errors';
import { asReadError, refuseNonZip } from '../cli/xlsx/read-workbook';
import { checkPackageLimits } from '../xlsx/package-limits';
import { BROWSER_READ_LIMITS, type ReadLimits } from '../xlsx/read-limits';
import { toA1, type Cell } from '../engine/sheet/sheet-model';
import { XlsxReader } from '../xlsx/xlsx-reader';
import { hasContent, MAX_COLS, MAX_ROWS, readHidden, readMerges, visitCells } from '../xlsx/read-worksheet';
import { fillColor } from './excel-colors';
import type { Book, BookCell, BookSheet } from './workbook-model';

export { MAX_COLS, MAX_ROWS, WorkbookReadError };

/** Where a read is, for the page's 「正在读取…」: the limits check (0 → 1), ExcelJS's load, then the sheets. */
export type ReadProgress = { stage: 'check'; fraction: number } | { stage: 'parse' } | { stage: 'sheets'; done: number; total: number };

export type OnReadProgress = (progress: ReadProgress) => void;

const ignore: OnReadProgress = () => undefined;

export interface ReadBook {
  book: Book;
  /** Sheets with content beyond MAX_ROWS × MAX_COLS; only the part inside was read. */
  truncated: string[];
  /** ExcelJS could not read this valid package: values and formulas came from the streaming reader, without fills or notes. */
  valuesOnly?: true;
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

function readSheet(ws: ExcelJS.Worksheet): { sheet: BookSheet; truncated: boolean } {
  const cells = new Map<string, BookCell>();
  let cols = 0;
  const visit = (content: Cell, c: ExcelJS.Cell, row: number, col: number) => {
    const cell: BookCell = { ...content, ...styleOf(c) };
    // Empty cells are kept when they carry a fill or a note: the user's colours must show and survive.
    if (!hasContent(content) && cell.fill === undefined && cell.note === undefined) return;
    cols = Math.max(cols, col + 1);
    cells.set(toA1(row, col), cell);
  };
  const { truncated } = visitCells(ws, visit, { includeEmpty: true });
  const columnWidths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.min(MAX_COLS, Math.max(cols, ws.columnCount)); c++) columnWidths.push(ws.getColumn(c).width);
  return {
    sheet: {
      name: ws.name,
      cells,
      merges: readMerges(ws),
      columnWidths,
      hidden: ws.state !== 'visible',
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      ...readHidden(ws),
    },
    truncated,
  };
}

/** ExcelJS threw on a package the streaming reader had read in full: not damage, a limit of ExcelJS. */
class ExcelJsLoadError extends WorkbookReadError {}

/** Load a workbook from its bytes, within `limits`; `file` names it in messages. Throws WorkbookReadError. */
export async function loadXlsx(
  data: ArrayBuffer | Uint8Array,
  file: string,
  onProgress: OnReadProgress = ignore,
  limits: ReadLimits = BROWSER_READ_LIMITS,
): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  refuseNonZip(bytes, file);
  try {
    checkPackageLimits(bytes, limits, (fraction) => onProgress({ stage: 'check', fraction }));
  } catch (err) {
    throw asReadError(err, file);
  }
  onProgress({ stage: 'parse' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    const damaged = readErrors.corrupt(file, (err as Error)?.message ?? String(err));
    throw new ExcelJsLoadError(damaged.problem, damaged.zh, damaged.en);
  }
  if (workbook.worksheets.length === 0) throw readErrors.noSheets(file);
  return workbook;
}

/** The workbook model of an ExcelJS workbook; the active sheet is the file's, or its first visible one. */
export function bookFromWorkbook(workbook: ExcelJS.Workbook, onProgress: OnReadProgress = ignore): ReadBook {
  const sheets: BookSheet[] = [];
  const truncated: string[] = [];
  const total = workbook.worksheets.length;
  for (const ws of workbook.worksheets) {
    const read = readSheet(ws);
    sheets.push(read.sheet);
    if (read.truncated) truncated.push(ws.name);
    onProgress({ stage: 'sheets', done: sheets.length, total });
  }
  const activeTab = (workbook.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab;
  const fromTab = activeTab !== undefined ? sheets[activeTab] : undefined;
  const active = fromTab && !fromTab.hidden ? fromTab : (sheets.find((s) => !s.hidden) ?? sheets[0]);
  return { book: { sheets, active: active.name }, truncated };
}

/**
 * The workbook's values and formulas from the streaming reader the CLI validates with: for packages that are
 * valid but that ExcelJS cannot load (cells without `r`, some producers' part names), so a file `validate`
 * reads is never called damaged here. The grid then has no fills or notes of the file's own to show.
 */
export function bookFromStreamingReader(bytes: Uint8Array, file: string, limits: ReadLimits = BROWSER_READ_LIMITS): ReadBook {
  let reader: XlsxReader;
  try {
    reader = XlsxReader.open(bytes, limits);
  } catch (err) {
    throw asReadError(err, file);
  }
  if (reader.sheets.length === 0) throw readErrors.noSheets(file);
  const sheets: BookSheet[] = [];
  const truncated: string[] = [];
  for (const entry of reader.sheets) {
    let read: ReturnType<XlsxReader['readSheet']>;
    try {
      read = reader.readSheet(entry, { rows: MAX_ROWS, cols: MAX_COLS });
    } catch (err) {
      throw asReadError(err, file);
    }
    const { sheet } = read;
    const cells = new Map<string, BookCell>();
    for (let r = 0; r < sheet.rowCount; r++) {
      for (let c = 0; c < sheet.colCount; c++) {
        const cell = sheet.cell(r, c);
        if (cell && hasContent(cell)) cells.set(toA1(r, c), { ...cell });
      }
    }
    sheets.push({
      name: entry.name,
      cells,
      merges: [...sheet.merges],
      columnWidths: [],
      hidden: entry.state !== 'visible',
      protected: false,
      ...(sheet.hiddenRows ? { hiddenRows: new Set(sheet.hiddenRows) } : {}),
      ...(sheet.hiddenCols ? { hiddenCols: new Set(sheet.hiddenCols) } : {}),
    });
    if (read.truncated) truncated.push(entry.name);
  }
  const active = sheets.find((s) => !s.hidden) ?? sheets[0];
  return { book: { sheets, active: active.name }, truncated, valuesOnly: true };
}

export async function readXlsx(
  data: ArrayBuffer | Uint8Array,
  file: string,
  onProgress: OnReadProgress = ignore,
  limits: ReadLimits = BROWSER_READ_LIMITS,
): Promise<ReadBook> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadXlsx(data, file, onProgress, limits);
  } catch (err) {
    // Only ExcelJS's own failure: the limits check has already read every sheet with the streaming reader.
    if (!(err instanceof ExcelJsLoadError)) throw err;
    return bookFromStreamingReader(data instanceof Uint8Array ? data : new Uint8Array(data), file, limits);
  }
  return bookFromWorkbook(workbook, onProgress);
}
