/**
 * The active sheet drawn as Excel would: column letters and row numbers in sticky headers, merged ranges
 * as rowSpan/colSpan, fills, notes (a red corner marker and a tooltip), and the selected cell. Every cell
 * carries `data-cell="E14"` and, when marked, `data-severity`, so tests and assistive tools can find it.
 * Cells edit as in Excel: type, or F2 / double-click; Enter or Tab commits, Esc cancels; Delete empties.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Locale } from '../engine/messages';
import { columnLetters, fromA1, toA1 } from '../engine/sheet/sheet-model';
import { displayValue } from './display-value';
import { pgText } from './playground-messages';
import type { MemoryHost } from './memory-host';
import { revealCell } from './reveal-cell';
import { findSheet, usedExtent, type BookSheet } from './workbook-model';

/** Beyond this many rows the grid stops drawing (a self-assessment has about a hundred). */
export const MAX_GRID_ROWS = 2000;
const MIN_ROWS = 25;
const MIN_COLS = 8;
/** Excel's default column width, in character units. */
const DEFAULT_WIDTH = 8.43;
const px = (chars: number | undefined) => Math.round((chars ?? DEFAULT_WIDTH) * 7 + 5);

interface Layout {
  rows: number;
  cols: number;
  /** A1 of each merge's top-left → its spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells hidden under a merge. */
  covered: Set<string>;
}

function layoutOf(sheet: BookSheet): Layout {
  const used = usedExtent(sheet);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    spans.set(toA1(m.top, m.left), { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(toA1(r, c));
  }
  return {
    rows: Math.min(MAX_GRID_ROWS, Math.max(MIN_ROWS, used.rows + 3)),
    cols: Math.max(MIN_COLS, used.cols + 2),
    spans,
    covered,
  };
}

export interface SheetGridProps {
  host: MemoryHost;
  locale: Locale;
  /** After a cell was changed by typing (the page says 「修改后请再点一键校验」), or an edit was refused. */
  onEdited?(address: string, error?: unknown): void;
}

interface Editing {
  address: string;
  text: string;
}

export function SheetGrid({ host, locale, onEdited }: SheetGridProps) {
  const version = useSyncExternalStore(host.subscribe, host.getVersion);
  const book = host.workbook;
  const sheet = findSheet(book, book.active) ?? book.sheets[0];
  // The layout depends on the cells and merges only; recomputing per version keeps it simple and correct.
  const layout = useMemo(() => layoutOf(sheet), [sheet, version]);
  const tableRef = useRef<HTMLTableElement>(null);
  const focusAfterMove = useRef(false);
  const selected = host.selected.sheet === sheet.name ? host.selected.address : undefined;
  const [editing, setEditingState] = useState<Editing | null>(null);
  // Read by commit/cancel: the blur that follows an Enter must not commit (and move) a second time.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };

  useEffect(() => {
    if (!selected) return;
    const table = tableRef.current;
    const td = table?.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    const container = table?.parentElement;
    // Clear of the sticky headers and the edges, with the note shown beside the cell.
    if (td && container) revealCell(container, td, table.tHead, table.querySelector('tbody th'), td.querySelector('.note-tip'));
    if (focusAfterMove.current) {
      focusAfterMove.current = false;
      td?.focus();
    }
  }, [selected, version]);

  /** The address one step from `from`, leaving a merged range from its far edge as Excel does. */
  const neighbour = (from: string, d: [number, number]): string => {
    const at = fromA1(from);
    const span = layout.spans.get(from);
    const row = Math.min(layout.rows - 1, Math.max(0, at.row + (d[0] > 0 ? (span?.rowSpan ?? 1) : d[0])));
    const col = Math.min(layout.cols - 1, Math.max(0, at.col + (d[1] > 0 ? (span?.colSpan ?? 1) : d[1])));
    return toA1(row, col);
  };

  const goTo = (address: string) => {
    focusAfterMove.current = true;
    void host.selectCell(sheet.name, address);
  };

  const commit = (then?: [number, number]) => {
    const current = editingRef.current;
    if (!current) return;
    const { address, text } = current;
    setEditing(null);
    try {
      if (text !== host.inputAt(sheet.name, address)) {
        host.editCell(sheet.name, address, text);
        onEdited?.(address);
      }
    } catch (err) {
      onEdited?.(address, err);
    }
    goTo(then ? neighbour(address, then) : address);
  };

  const cancel = () => {
    const address = editingRef.current?.address;
    setEditing(null);
    if (address) goTo(address);
  };

  const startEditing = (address: string, text?: string) => setEditing({ address, text: text ?? host.inputAt(sheet.name, address) });

  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing || !selected || e.altKey || e.ctrlKey || e.metaKey) return;
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0] };
    if (e.key === 'F2') {
      e.preventDefault();
      startEditing(selected);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (host.inputAt(sheet.name, selected) === '') return;
      try {
        host.editCell(sheet.name, selected, '');
        onEdited?.(selected);
      } catch (err) {
        onEdited?.(selected, err);
      }
    } else if (e.key.length === 1) {
      // A printable key starts editing with that character, replacing the content, as in Excel.
      e.preventDefault();
      startEditing(selected, e.key);
    } else if (delta[e.key]) {
      e.preventDefault();
      const d = delta[e.key];
      // Tab is left alone here, so keyboard users can leave the grid.
      goTo(neighbour(selected, e.shiftKey && e.key === 'Enter' ? [-d[0], -d[1]] : d));
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(e.shiftKey ? [-1, 0] : [1, 0]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit(e.shiftKey ? [0, -1] : [0, 1]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  const rows = Array.from({ length: layout.rows }, (_, r) => r);
  const cols = Array.from({ length: layout.cols }, (_, c) => c);
  const truncated = usedExtent(sheet).rows > MAX_GRID_ROWS;

  return (
    <div className="grid-scroll">
      <table
        ref={tableRef}
        className="sheet-grid"
        role="grid"
        aria-label={pgText('grid.label', { sheet: sheet.name }, locale)}
        aria-rowcount={layout.rows + 1}
        aria-colcount={layout.cols + 1}
        onKeyDown={onKey}
      >
        <colgroup>
          <col className="row-header-col" />
          {cols.map((c) => (
            <col key={c} style={{ width: px(sheet.columnWidths[c]) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="corner" role="columnheader" aria-label={pgText('grid.corner', {}, locale)} />
            {cols.map((c) => (
              <th key={c} role="columnheader" scope="col">
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th role="rowheader" scope="row">
                {r + 1}
              </th>
              {cols.map((c) => {
                const address = toA1(r, c);
                if (layout.covered.has(address)) return null;
                const cell = sheet.cells.get(address);
                const mark = host.markAt(sheet.name, address);
                const isSelected = address === selected;
                const note = cell?.note;
                const tipId = note ? `note-${sheet.name}-${address}`.replace(/[^\w-]/g, '_') : undefined;
                const text = cell ? displayValue(host.valueAt(sheet.name, address), cell.numberFormat) : '';
                const span = layout.spans.get(address);
                return (
                  <td
                    key={address}
                    role="gridcell"
                    data-cell={address}
                    data-severity={mark?.severity}
                    data-selected={isSelected ? 'true' : undefined}
                    aria-selected={isSelected}
                    aria-describedby={tipId}
                    tabIndex={isSelected ? 0 : -1}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    className={[note ? 'has-note' : '', cell?.wrap ? 'wrap' : '', typeof host.valueAt(sheet.name, address) === 'number' ? 'num' : '']
                      .filter(Boolean)
                      .join(' ') || undefined}
                    style={{
                      backgroundColor: cell?.fill,
                      fontWeight: cell?.bold ? 600 : undefined,
                      textAlign: cell?.align,
                    }}
                    onClick={() => {
                      if (editing?.address !== address) void host.selectCell(sheet.name, address);
                    }}
                    onDoubleClick={() => startEditing(address)}
                  >
                    {editing?.address === address ? (
                      <input
                        className="cell-editor"
                        autoFocus
                        aria-label={pgText('grid.editor', { cell: address }, locale)}
                        value={editing.text}
                        onChange={(e) => setEditing({ address, text: e.target.value })}
                        onKeyDown={onEditorKey}
                        onBlur={() => commit()}
                      />
                    ) : (
                      text
                    )}
                    {note ? (
                      <>
                        <span className="note-marker" aria-hidden="true" />
                        <span className="note-tip" role="tooltip" id={tipId}>
                          {note}
                        </span>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {truncated ? <p className="grid-truncated">{pgText('grid.truncated', { rows: MAX_GRID_ROWS }, locale)}</p> : null}
    </div>
  );
}
