/**
 * Decides, cell by cell, what marking (or clearing) must write, from what the cell holds now and what
 * the record says it held before. Pure, so every rule here is tested without Excel:
 * - marking again first restores the previous marks, so marks never stack and originals are never lost;
 * - a fill or note a person changed after we marked it is theirs now and is kept, not "restored" away;
 * - a note of ours that a person deleted still gives back the original it covered.
 */
import type { Mark } from '../host/workbook-host';
import type { AnnotationKind, CellAnnotation, FillState, MarkedCell, SheetMarks } from './marks-record';
import { SEVERITY_FILL } from './marks';

export interface CellState {
  fill: FillState;
  /** Current note text; null when the cell has none (or the host cannot read notes). */
  note: string | null;
  /** Current threaded comment text; null when the cell has none (or the host cannot read comments). */
  comment?: string | null;
}

export type FillOp = { kind: 'keep' } | { kind: 'mark'; color: string } | { kind: 'restore'; fill: FillState };
export type NoteOp = { kind: 'keep' } | { kind: 'set'; text: string; exists: boolean } | { kind: 'delete' };

export interface CellOp {
  address: string;
  fill: FillOp;
  note: NoteOp;
  comment: NoteOp;
}

export interface MarkPlan {
  ops: CellOp[];
  /** The sheet's record after the write; undefined when no mark remains. */
  next: SheetMarks | undefined;
}

const sameColor = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

export const isNoFill = (f: FillState): boolean => f.pattern === 'None';

export function sameFill(a: FillState, b: FillState): boolean {
  if (isNoFill(a) || isNoFill(b)) return isNoFill(a) && isNoFill(b);
  return sameColor(a.color, b.color) && a.pattern === b.pattern && sameColor(a.patternColor ?? '', b.patternColor ?? '');
}

const isOurFill = (f: FillState, cell: MarkedCell): boolean => f.pattern === 'Solid' && sameColor(f.color, cell.markFill);

/** How a recorded cell's message was written: per cell, or (records from before) the sheet's kind. */
export const cellAnnotation = (sheet: SheetMarks, cell: MarkedCell): CellAnnotation => cell.annotation ?? sheet.annotation;

interface Before {
  fill: FillState;
  note: string | null;
  comment: string | null;
}

/** What the cell would hold with our earlier mark taken away (or as it is, when never marked). */
function original(now: CellState, prev: MarkedCell | undefined, prevKind: CellAnnotation | undefined): Before {
  const before: Before = { fill: now.fill, note: now.note, comment: now.comment ?? null };
  if (!prev || !prevKind) return before;
  if (isOurFill(now.fill, prev)) before.fill = prev.fill;
  if (prevKind !== 'none') {
    const text = before[prevKind];
    before[prevKind] = text === prev.markNote || text === null ? prev.note : text;
  }
  return before;
}

function fillOp(now: FillState, want: FillState | { mark: string }): FillOp {
  if ('mark' in want) return now.pattern === 'Solid' && sameColor(now.color, want.mark) ? { kind: 'keep' } : { kind: 'mark', color: want.mark };
  return sameFill(now, want) ? { kind: 'keep' } : { kind: 'restore', fill: want };
}

function noteOp(now: string | null, want: string | null): NoteOp {
  if (now === want) return { kind: 'keep' };
  if (want === null) return { kind: 'delete' };
  return { kind: 'set', text: want, exists: now !== null };
}

/**
 * What a new mark is written as: the host's kind, unless the cell holds the other kind of annotation
 * (Excel allows a note or a threaded comment on a cell, not both); then the fill alone, and the
 * message stays in the pane's list.
 */
function kindFor(preferred: CellAnnotation, before: Before): CellAnnotation {
  if (preferred === 'note' && before.comment !== null) return 'none';
  if (preferred === 'comment' && before.note !== null) return 'none';
  return preferred;
}

/**
 * The writes that leave exactly `marks` on the sheet. `state` gives the current fill, note and comment
 * of any cell in `marks` or in `prev`; `marks: []` plans 「清除标记」. `preferred` is how new messages
 * are written on this host ('none' where it has neither notes nor comments). Each recorded cell is
 * undone the way it was written, so marks made in one Excel are cleared and replaced in another.
 */
export function planMarks(
  sheetId: string,
  sheetName: string,
  preferred: CellAnnotation,
  prev: SheetMarks | undefined,
  marks: readonly Mark[],
  state: (address: string) => CellState,
): MarkPlan {
  const wanted = new Map(marks.map((m) => [m.cell, m]));
  const addresses = [...new Set([...Object.keys(prev?.cells ?? {}), ...wanted.keys()])];
  const ops: CellOp[] = [];
  const cells: Record<string, MarkedCell> = {};
  for (const address of addresses) {
    const now = state(address);
    const prevCell = prev?.cells[address];
    const before = original(now, prevCell, prev && prevCell ? cellAnnotation(prev, prevCell) : undefined);
    const mark = wanted.get(address);
    const want = { note: before.note, comment: before.comment };
    let fill: FillOp;
    if (mark) {
      const markFill = SEVERITY_FILL[mark.severity];
      const kind = kindFor(preferred, before);
      cells[address] = { fill: before.fill, note: kind === 'none' ? null : before[kind], markFill, markNote: mark.note, annotation: kind };
      if (kind !== 'none') want[kind] = mark.note;
      fill = fillOp(now.fill, { mark: markFill });
    } else {
      fill = fillOp(now.fill, before.fill);
    }
    ops.push({ address, fill, note: noteOp(now.note, want.note), comment: noteOp(now.comment ?? null, want.comment) });
  }
  const next = Object.keys(cells).length > 0 ? { sheetId, sheetName, annotation: sheetKind(preferred), cells } : undefined;
  return { ops: ops.filter((o) => o.fill.kind !== 'keep' || o.note.kind !== 'keep' || o.comment.kind !== 'keep'), next };
}

/** The sheet-level kind older readers of the record expect; every cell now carries its own. */
const sheetKind = (preferred: CellAnnotation): AnnotationKind => (preferred === 'note' ? 'note' : 'comment');

/** The recorded cells whose messages were written as `kind`, in the record's order. */
export function cellsWrittenAs(sheet: SheetMarks | undefined, kind: AnnotationKind): string[] {
  if (!sheet) return [];
  return Object.entries(sheet.cells)
    .filter(([, c]) => cellAnnotation(sheet, c) === kind)
    .map(([a]) => a);
}
