/**
 * What was in a cell before Rubric Check marked it, kept in the workbook itself (workbook settings) so
 * 「清除标记」 can put it back exactly, even after the file was closed and reopened elsewhere.
 *
 * Settings rather than a very-hidden sheet: settings travel with the file, are invisible to staff, to
 * formulas and to the CLI reading the same file, are scoped to this add-in, and can be written when the
 * workbook structure is protected (adding a sheet then fails).
 */

export const MARKS_SETTING = 'rubricCheck.marks';

/** A cell's fill as Excel reports it; pattern "None" is "no fill". */
export interface FillState {
  color: string;
  pattern: string;
  patternColor?: string;
}

export type AnnotationKind = 'note' | 'comment';
/** What a cell's message was written as: 'none' is fill only (the cell holds the other kind, or the host has neither). */
export type CellAnnotation = AnnotationKind | 'none';

export interface MarkedCell {
  /** The fill before marking. */
  fill: FillState;
  /** The note (or comment) text before marking; null when there was none. */
  note: string | null;
  /** What we wrote, so a later change by a person can be told apart from our mark. */
  markFill: string;
  markNote: string;
  /** How this cell's message was written; absent in records written before it was kept per cell (then the sheet's). */
  annotation?: CellAnnotation;
}

export interface SheetMarks {
  /**
   * Worksheet.id: survives renaming and moving the sheet, but Microsoft says it "will change between
   * sessions" (office-js-docs #297), so the name is kept beside it and matched too (findSheetMarks).
   */
  sheetId: string;
  sheetName: string;
  annotation: AnnotationKind;
  cells: Record<string, MarkedCell>;
}

/**
 * The 「问题清单」 sheet the pane inserted where Excel has neither notes nor comments. Its id (which may
 * change between sessions) and name; a sheet is taken for it only when one of them matches and its
 * header row is the list's own (src/office/issue-list-sheet.ts), so a person's sheet is never removed.
 */
export interface IssueListEntry {
  sheetId: string;
  sheetName: string;
}

export interface MarksRecord {
  version: 1;
  sheets: SheetMarks[];
  /** Absent when the pane keeps no 问题清单 sheet; readers from before it ignore it. */
  issueList?: IssueListEntry;
}

export const emptyRecord = (): MarksRecord => ({ version: 1, sheets: [] });

export const NO_FILL: FillState = { color: '#FFFFFF', pattern: 'None' };

const isString = (v: unknown): v is string => typeof v === 'string';

function validCell(c: unknown): c is MarkedCell {
  if (typeof c !== 'object' || c === null) return false;
  const m = c as Record<string, unknown>;
  const fill = m.fill as Record<string, unknown> | undefined;
  return (
    typeof fill === 'object' && fill !== null && isString(fill.color) && isString(fill.pattern) &&
    (m.note === null || isString(m.note)) && isString(m.markFill) && isString(m.markNote) &&
    (m.annotation === undefined || m.annotation === 'note' || m.annotation === 'comment' || m.annotation === 'none')
  );
}

/**
 * The record from the setting's value. A value this version cannot read is an error, not an empty
 * record: treating it as empty would drop the originals it holds.
 */
export function parseRecord(value: unknown): MarksRecord {
  if (value === null || value === undefined || value === '') return emptyRecord();
  let data: unknown = value;
  if (isString(value)) data = JSON.parse(value);
  const r = data as Partial<MarksRecord>;
  if (typeof r !== 'object' || r === null || r.version !== 1 || !Array.isArray(r.sheets)) {
    throw new Error(`unreadable ${MARKS_SETTING} setting`);
  }
  for (const s of r.sheets) {
    const ok =
      typeof s === 'object' && s !== null && isString(s.sheetId) && isString(s.sheetName) &&
      (s.annotation === 'note' || s.annotation === 'comment') && typeof s.cells === 'object' && s.cells !== null &&
      Object.values(s.cells).every(validCell);
    if (!ok) throw new Error(`unreadable ${MARKS_SETTING} setting`);
  }
  const list = r.issueList as Partial<IssueListEntry> | undefined;
  if (list !== undefined && (typeof list !== 'object' || list === null || !isString(list.sheetId) || !isString(list.sheetName))) {
    throw new Error(`unreadable ${MARKS_SETTING} setting`);
  }
  return r as MarksRecord;
}

export const serializeRecord = (r: MarksRecord): string => JSON.stringify(r);

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The sheet a record entry belongs to, among the workbook's sheets now (see findSheetMarks for the order). */
export function sheetOfEntry<T extends { id: string; name: string }>(entry: SheetMarks, sheets: readonly T[]): T | undefined {
  return (
    sheets.find((s) => s.id === entry.sheetId && sameName(s.name, entry.sheetName)) ??
    sheets.find((s) => sameName(s.name, entry.sheetName)) ??
    sheets.find((s) => s.id === entry.sheetId)
  );
}

/**
 * The record entry of the sheet with this id and name. Both matching first; then the name, since ids
 * change between sessions and a new session can hand a sheet an id another sheet had; then the id
 * alone (the sheet was renamed in this session). Excel names are unique regardless of case.
 */
export function findSheetMarks(r: MarksRecord, sheetId: string, sheetName: string): SheetMarks | undefined {
  return (
    r.sheets.find((s) => s.sheetId === sheetId && sameName(s.sheetName, sheetName)) ??
    r.sheets.find((s) => sameName(s.sheetName, sheetName)) ??
    r.sheets.find((s) => s.sheetId === sheetId)
  );
}

/** The record with `old` (the entry as found) replaced by `sheet`, or removed when `sheet` marks no cell. */
export function withSheet(r: MarksRecord, old: SheetMarks | undefined, sheet: SheetMarks | undefined): MarksRecord {
  const others = r.sheets.filter((s) => s !== old);
  const sheets = sheet && Object.keys(sheet.cells).length > 0 ? [...others, sheet] : others;
  return r.issueList ? { version: 1, sheets, issueList: r.issueList } : { version: 1, sheets };
}

/** The record with its 问题清单 entry set, or dropped when `list` is undefined. */
export function withIssueList(r: MarksRecord, list: IssueListEntry | undefined): MarksRecord {
  return list ? { version: 1, sheets: r.sheets, issueList: list } : { version: 1, sheets: r.sheets };
}
