/**
 * The annotated workbook to download. A file the user opened is patched (src/xlsx/annotate, the same
 * code as the CLI's copy): only the marks' fills and notes and a 「问题清单」 sheet change, every other
 * part stays byte for byte. A workbook started empty in the page is a new file, built with ExcelJS.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../engine/messages';
import type { Finding, Severity } from '../engine/validate/finding';
import { issueListRows } from '../engine/validate/issue-list';
import { annotatePackage } from '../xlsx/annotate/annotate-package';
import { fromA1, isCellError, type CellValue } from '../engine/sheet/sheet-model';
import { bookFromWorkbook, loadXlsx } from './xlsx-read';
import { findSheet, type Book, type BookCell, type BookSheet } from './workbook-model';
import { toFileFormula } from '../engine/formulas/formula-text';
import { NOTE_AUTHOR } from '../engine/validate/note-text';
import { signNotes } from '../xlsx/note-author';

/** Computed value of a formula cell, for the result cached in the file. */
export type ValueAt = (sheet: string, address: string) => CellValue;

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function cachedResult(v: CellValue): ExcelJS.CellFormulaValue['result'] {
  if (v === null) return undefined;
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function writeFill(cell: ExcelJS.Cell, fill: string | undefined): void {
  const value: ExcelJS.Fill =
    fill === undefined ? { type: 'pattern', pattern: 'none' } : { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
  // A loaded workbook shares one style object among all cells of a style (ExcelJS caches it per style
  // id), so `cell.fill = …` would recolour every such cell. The cell gets a style of its own first.
  cell.style = { ...cell.style, fill: value };
}

function writeNote(cell: ExcelJS.Cell, note: string | undefined): void {
  if (note !== undefined) cell.note = note;
  // ExcelJS has no way to delete a note through its API; `_comment` is where it keeps it.
  else (cell as unknown as { _comment?: unknown })._comment = undefined;
}

function writeContent(cell: ExcelJS.Cell, c: BookCell, value: CellValue): void {
  if (c.formula !== undefined) {
    cell.value = { formula: toFileFormula(c.formula), result: cachedResult(value) } as ExcelJS.CellFormulaValue;
  } else if (isCellError(c.value)) {
    cell.value = { error: c.value.error } as ExcelJS.CellErrorValue;
  } else {
    cell.value = c.value;
  }
}

/** A sheet the file did not have (「生成评分表」 inserted it): every cell, merge and width. */
function addSheet(workbook: ExcelJS.Workbook, sheet: BookSheet, valueAt: ValueAt): void {
  const ws = workbook.addWorksheet(sheet.name);
  sheet.columnWidths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  for (const [address, c] of sheet.cells) {
    const cell = ws.getCell(address);
    writeContent(cell, c, valueAt(sheet.name, address));
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.bold) cell.font = { bold: true };
    if (c.align || c.wrap) cell.alignment = { horizontal: c.align, vertical: 'middle', wrapText: c.wrap ?? false };
    if (c.fill !== undefined) writeFill(cell, c.fill);
    if (c.note !== undefined) writeNote(cell, c.note);
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

const sameValue = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  (a ?? null) === (b ?? null) || (isCellError(a ?? null) && isCellError(b ?? null) && (a as { error: string }).error === (b as { error: string }).error);

/** Apply to an existing worksheet only the cells that differ from what the file has. */
function applyChanges(ws: ExcelJS.Worksheet, sheet: BookSheet, original: BookSheet, valueAt: ValueAt): boolean {
  let formulas = false;
  const addresses = new Set([...sheet.cells.keys(), ...original.cells.keys()]);
  for (const address of addresses) {
    const now = sheet.cells.get(address) ?? { value: null };
    const was = original.cells.get(address) ?? { value: null };
    const { row, col } = fromA1(address);
    const cell = ws.getCell(row + 1, col + 1);
    if (now.formula !== was.formula) {
      writeContent(cell, now, valueAt(sheet.name, address));
      formulas = true;
    } else if (now.formula === undefined && !sameValue(now.value, was.value)) writeContent(cell, now, now.value); // typed in the grid
    if (now.numberFormat !== was.numberFormat && now.numberFormat !== undefined) cell.numFmt = now.numberFormat;
    if (now.fill !== was.fill) writeFill(cell, now.fill);
    if (now.note !== was.note) writeNote(cell, now.note);
  }
  return formulas;
}

/** A mark on the page's workbook, as MemoryHost keeps it. */
export interface PageMark {
  sheet: string;
  cell: string;
  severity: Severity;
  note: string;
}

/**
 * True when the page changed more than marks: a sheet inserted, or a value, formula or number format typed
 * or written into the opened file. Fills and notes are the marks' own (MemoryHost restores the originals).
 */
function changedBeyondMarks(book: Book, original: Book): boolean {
  return book.sheets.some((sheet) => {
    const was = findSheet(original, sheet.name);
    if (!was) return true;
    for (const address of new Set([...sheet.cells.keys(), ...was.cells.keys()])) {
      const now = sheet.cells.get(address);
      const before = was.cells.get(address);
      if (now?.formula !== before?.formula || now?.numberFormat !== before?.numberFormat) return true;
      if (now?.formula === undefined && !sameValue(now?.value, before?.value)) return true;
    }
    return false;
  });
}

/** The opened file with `marks` patched in, one sheet at a time; 问题清单 lists them all. */
function patchMarks(source: Uint8Array, marks: readonly PageMark[], locale: Locale): Uint8Array {
  const sheets = [...new Set(marks.map((m) => m.sheet))];
  const rows = issueListRows(
    marks.map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity, message: m.note, code: '' }) as unknown as Finding),
    locale,
  );
  let bytes = source;
  sheets.forEach((sheet, i) => {
    bytes = annotatePackage(bytes, {
      sheet,
      marks: marks.filter((m) => m.sheet === sheet),
      ...(i === 0 ? { issues: rows } : {}),
      locale,
    });
  });
  return bytes;
}

/**
 * The workbook as .xlsx bytes. `source` is the opened file's bytes (absent when the page started from
 * an empty workbook); `file` names it in messages; `marks` are the marks now on the page.
 */
export async function exportXlsx(
  book: Book,
  valueAt: ValueAt,
  source?: Uint8Array,
  file = 'workbook.xlsx',
  marks: readonly PageMark[] = [],
  locale: Locale = 'zh-CN',
): Promise<Uint8Array> {
  if (source) {
    const original = bookFromWorkbook(await loadXlsx(source, file)).book;
    if (!changedBeyondMarks(book, original)) return patchMarks(source, marks, locale);
  }
  // A new workbook, or an opened one whose content the page changed (sheets inserted, cells edited): not patched yet.
  const workbook = source ? await loadXlsx(source, file) : new ExcelJS.Workbook();
  const original: Book = source ? bookFromWorkbook(workbook).book : { sheets: [], active: '' };
  let recalc = false;
  for (const sheet of book.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    const was = findSheet(original, sheet.name);
    if (!ws || !was) {
      addSheet(workbook, sheet, valueAt);
      recalc ||= [...sheet.cells.values()].some((c) => c.formula !== undefined);
    } else recalc = applyChanges(ws, sheet, was, valueAt) || recalc;
  }
  // Formulas we wrote carry our computed result; Excel should still compute them itself on opening.
  if (recalc) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const out = await workbook.xlsx.writeBuffer();
  return signNotes(out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer), NOTE_AUTHOR);
}
