/**
 * The workbook to download. A file the user opened is patched (src/xlsx/annotate, the same code as the
 * CLI's copy): the cells edited in the page get their new content, the sheets the page inserted are
 * added, the marks' fills and notes and a 「问题清单」 sheet are written — every other part, and every
 * other element of the parts touched, stays as the file had it. Only a workbook started empty in the
 * page is a new file, built with ExcelJS.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../engine/messages';
import type { Finding, Severity } from '../engine/validate/finding';
import { issueListRows } from '../engine/validate/issue-list';
import { annotatePackage } from '../xlsx/annotate/annotate-package';
import { editPackage, type AddedSheet, type CellEdit, type SheetEdits } from '../xlsx/annotate/edit-package';
import { columnLetters, isCellError, type CellValue, type MergeRange } from '../engine/sheet/sheet-model';
import { readXlsx } from './xlsx-read';
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

function writeFill(cell: ExcelJS.Cell, fill: string): void {
  // ExcelJS may share one style object among cells (a column's, a row's): the cell gets its own first.
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } } };
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

/** A sheet of a new workbook: every cell, merge and width. */
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
    if (c.note !== undefined) cell.note = c.note;
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

const sameValue = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  (a ?? null) === (b ?? null) || (isCellError(a ?? null) && isCellError(b ?? null) && (a as { error: string }).error === (b as { error: string }).error);

/**
 * The cells whose content the page changed against the opened file: a value typed, a formula typed or
 * written, a cell cleared — and a number format the page gave with a typed value (15% → 0%). Fills and
 * notes are the marks' own (MemoryHost restores the originals); they are written by the marks' patch.
 */
function cellEdits(sheet: BookSheet, original: BookSheet, valueAt: ValueAt): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const address of new Set([...sheet.cells.keys(), ...original.cells.keys()])) {
    const now: BookCell = sheet.cells.get(address) ?? { value: null };
    const was: BookCell = original.cells.get(address) ?? { value: null };
    const content = now.formula !== was.formula || (now.formula === undefined && !sameValue(now.value, was.value));
    const format = now.numberFormat !== undefined && now.numberFormat !== was.numberFormat;
    if (!content && !format) continue;
    edits.push({
      cell: address,
      ...(content ? { content: now.formula !== undefined ? { value: valueAt(sheet.name, address), formula: now.formula } : { value: now.value } } : {}),
      ...(format ? { numberFormat: now.numberFormat } : {}),
    });
  }
  return edits;
}

const rangeA1 = (m: MergeRange) => `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`;

/** A sheet the page inserted, as the patch adds it; a marked cell is written with the fill it had before its mark. */
function addedSheet(sheet: BookSheet, valueAt: ValueAt, marks: readonly PageMark[]): AddedSheet {
  const cells = [...sheet.cells].map(([address, c]) => {
    const mark = marks.find((m) => m.sheet === sheet.name && m.cell === address);
    const fill = mark ? mark.originalFill : c.fill;
    return {
      cell: address,
      content: c.formula !== undefined ? { value: valueAt(sheet.name, address), formula: c.formula } : { value: c.value },
      format: {
        ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
        ...(c.bold ? { bold: true } : {}),
        ...(fill !== undefined ? { fill } : {}),
        ...(c.align !== undefined ? { align: c.align } : {}),
        ...(c.wrap ? { wrap: true } : {}),
      },
    };
  });
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map(rangeA1),
    widths: sheet.columnWidths,
    ...(sheet.freezeRows ? { freezeRows: sheet.freezeRows } : {}),
    ...(sheet.validations ? { validations: sheet.validations } : {}),
  };
}

/** A mark on the page's workbook, as MemoryHost keeps it. */
export interface PageMark {
  sheet: string;
  cell: string;
  severity: Severity;
  note: string;
  /** The cell's own fill before the mark (#RRGGBB), when it had one. */
  originalFill?: string;
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
    const original = (await readXlsx(source, file)).book;
    const edits: SheetEdits[] = [];
    const addSheets: AddedSheet[] = [];
    for (const sheet of book.sheets) {
      const was = findSheet(original, sheet.name);
      if (!was) addSheets.push(addedSheet(sheet, valueAt, marks));
      else {
        const cells = cellEdits(sheet, was, valueAt);
        if (cells.length > 0) edits.push({ sheet: sheet.name, cells });
      }
    }
    const edited = edits.length > 0 || addSheets.length > 0 ? editPackage(source, { edits, addSheets }) : source;
    return patchMarks(edited, marks, locale);
  }
  // A workbook started empty in the page: a new file.
  const workbook = new ExcelJS.Workbook();
  for (const sheet of book.sheets) addSheet(workbook, sheet, valueAt);
  // Formulas we wrote carry our computed result; Excel should still compute them itself on opening.
  if (book.sheets.some((s) => [...s.cells.values()].some((c) => c.formula !== undefined))) {
    workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  }
  const out = await workbook.xlsx.writeBuffer();
  return signNotes(out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer), NOTE_AUTHOR);
}
