/**
 * Where to scroll the grid so a cell — and its note, shown beside it — lies fully in view: clear of the
 * sticky column letters above and row numbers to the left, and of the bottom and right edges. The
 * browser's scrollIntoView({block:'nearest'}) ignores sticky headers and leaves the cell under them.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Space the sticky headers cover at the top and left of the viewport. */
export interface Reserved {
  top: number;
  left: number;
}

/** Breathing room around the revealed cell, so it does not sit flush against a header or an edge. */
const MARGIN = 8;

function axis(scroll: number, view: number, reserved: number, start: number, size: number): number {
  const visibleStart = scroll + reserved;
  const visibleEnd = scroll + view;
  // Too big to fit: its start matters most (the cell's own top or left edge).
  if (size > view - reserved - 2 * MARGIN) return Math.max(0, start - reserved - MARGIN);
  if (start < visibleStart + MARGIN) return Math.max(0, start - reserved - MARGIN);
  if (start + size > visibleEnd - MARGIN) return Math.max(0, start + size - view + MARGIN);
  return scroll;
}

/**
 * `target` is in the scrolled content's coordinates (the cell, or the cell together with its note);
 * `view` is the viewport's size and its current scroll offsets. Returns the scroll offsets to set.
 */
export function revealScroll(view: Box, reserved: Reserved, target: Box): { top: number; left: number } {
  return {
    top: axis(view.top, view.height, reserved.top, target.top, target.height),
    left: axis(view.left, view.width, reserved.left, target.left, target.width),
  };
}

/** The smallest box holding both. */
export function union(a: Box, b: Box): Box {
  const top = Math.min(a.top, b.top);
  const left = Math.min(a.left, b.left);
  return { top, left, width: Math.max(a.left + a.width, b.left + b.width) - left, height: Math.max(a.top + a.height, b.top + b.height) - top };
}

/** Scrolls `container` so `cell` (and `note`, when shown) is in view below `header` and right of `rowHeader`. */
export function revealCell(container: HTMLElement, cell: HTMLElement, header: HTMLElement | null, rowHeader: HTMLElement | null, note: HTMLElement | null): void {
  const origin = container.getBoundingClientRect();
  const toContent = (r: DOMRect): Box => ({
    top: r.top - origin.top + container.scrollTop,
    left: r.left - origin.left + container.scrollLeft,
    width: r.width,
    height: r.height,
  });
  const cellBox = toContent(cell.getBoundingClientRect());
  const noteRect = note?.getBoundingClientRect();
  const target = noteRect && noteRect.width > 0 ? union(cellBox, toContent(noteRect)) : cellBox;
  const next = revealScroll(
    { top: container.scrollTop, left: container.scrollLeft, width: container.clientWidth, height: container.clientHeight },
    { top: header?.getBoundingClientRect().height ?? 0, left: rowHeader?.getBoundingClientRect().width ?? 0 },
    target,
  );
  container.scrollTop = next.top;
  container.scrollLeft = next.left;
}
