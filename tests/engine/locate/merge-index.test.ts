import fc from 'fast-check';
import { MergeIndex } from '../../../src/engine/locate/merge-index';
import { GridSheet, mergeAt, visibleValue, type MergeRange } from '../../../src/engine/sheet/sheet-model';

/** Non-overlapping merges, as Excel allows: cut from a grid of cells not yet used. */
const sheetWithMerges = fc
  .record({
    rows: fc.integer({ min: 1, max: 12 }),
    cols: fc.integer({ min: 1, max: 8 }),
    boxes: fc.array(fc.record({ top: fc.nat(11), left: fc.nat(7), h: fc.integer({ min: 1, max: 4 }), w: fc.integer({ min: 1, max: 3 }) }), { maxLength: 10 }),
  })
  .map(({ rows, cols, boxes }) => {
    const used = new Set<string>();
    const merges: MergeRange[] = [];
    for (const b of boxes) {
      const m = { top: b.top, left: b.left, bottom: Math.min(b.top + b.h - 1, rows - 1), right: Math.min(b.left + b.w - 1, cols - 1) };
      if (m.top >= rows || m.left >= cols) continue;
      const cells: string[] = [];
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells.push(`${r},${c}`);
      if (cells.some((k) => used.has(k))) continue;
      cells.forEach((k) => used.add(k));
      merges.push(m);
    }
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${r}:${c}`));
    return GridSheet.fromValues('s', values, merges);
  });

test('MergeIndex agrees with the linear mergeAt/visibleValue of the sheet model', () => {
  fc.assert(
    fc.property(sheetWithMerges, (sheet) => {
      const index = new MergeIndex(sheet);
      for (let r = 0; r < sheet.rowCount; r++) {
        for (let c = 0; c < sheet.colCount; c++) {
          expect(index.mergeAt(r, c)).toEqual(mergeAt(sheet, r, c));
          expect(index.visible(r, c)).toEqual(visibleValue(sheet, r, c));
          const m = mergeAt(sheet, r, c);
          const isTopLeft = !m || (m.top === r && m.left === c);
          expect(index.own(r, c)).toEqual(isTopLeft ? sheet.cell(r, c)?.value ?? null : null);
          expect(index.anchor(r, c)).toEqual(m ? { row: m.top, col: m.left } : { row: r, col: c });
        }
      }
    }),
  );
});

test('a merge reaching far past the used range costs only the used rows', () => {
  const sheet = GridSheet.fromValues('s', [['a'], ['b']], [{ top: 0, left: 0, bottom: 1_048_575, right: 0 }]);
  const index = new MergeIndex(sheet);
  expect(index.visible(1, 0)).toBe('a');
});
