/**
 * Decides, cell by cell, what marking (or clearing) must write, from what the cell holds now and what
 * the record says it held before. Pure, so every rule here is tested without Excel:
 * - marking again first restores the previous marks, so marks never stack and originals are never lost;
 * - a fill or note a person changed after we marked it is theirs now and is kept, not "restored" away;
 * - a note of ours that a person deleted still gives back the original it covered.
 */
import type { Mark } from '../host/workbook-host';
import type { AnnotationKind, FillState, MarkedCell, SheetMarks } from './marks-record';
import { SEVERITY_FILL } from './marks';

export interface CellState {
  fill: FillState;
  /** Current note (or comment) text; null when the cell has none. */
  note: string | null;
}

export type FillOp = { kind: 'keep' } | { kind: 'mark'; color: string } | { kind: 'restore'; fill: FillState };
export type NoteOp = { kind: 'keep' } | { kind: 'set'; text: string; exists: boolean } | { kind: 'delete' };

export interface CellOp {
  address: string;
  fill: FillOp;
  note: NoteOp;
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

/** What the cell would hold with our earlier mark taken away (or as it is, when never marked). */
function original(now: CellState, prev: MarkedCell | undefined): CellState {
  if (!prev) return now;
  return {
    fill: isOurFill(now.fill, prev) ? prev.fill : now.fill,
    note: now.note === prev.markNote || now.note === null ? prev.note : now.note,
  };
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
 * The writes that leave exactly `marks` on the sheet. `state` gives the current fill and note of any
 * cell in `marks` or in `prev`; `marks: []` plans 「清除标记」.
 */
export function planMarks(
  sheetId: string,
  sheetName: string,
  annotation: AnnotationKind,
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
    const before = original(now, prev?.cells[address]);
    const mark = wanted.get(address);
    if (mark) {
      const markFill = SEVERITY_FILL[mark.severity];
      cells[address] = { fill: before.fill, note: before.note, markFill, markNote: mark.note };
      ops.push({ address, fill: fillOp(now.fill, { mark: markFill }), note: noteOp(now.note, mark.note) });
    } else {
      ops.push({ address, fill: fillOp(now.fill, before.fill), note: noteOp(now.note, before.note) });
    }
  }
  const next = Object.keys(cells).length > 0 ? { sheetId, sheetName, annotation, cells } : undefined;
  return { ops: ops.filter((o) => o.fill.kind !== 'keep' || o.note.kind !== 'keep'), next };
}
