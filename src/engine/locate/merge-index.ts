/**
 * Merged ranges indexed by row, so finding the merge at a cell costs a look at that row's few merges
 * rather than a scan over every merge in the sheet (a large sheet has thousands).
 */
import type { CellValue, MergeRange, SheetModel } from '../sheet/sheet-model';

export class MergeIndex {
  private readonly byRow = new Map<number, MergeRange[]>();

  constructor(private readonly sheet: SheetModel) {
    // Rows past the used range hold nothing to read; clipping keeps a merge such as A1:A1048576 cheap.
    const lastRow = Math.max(0, sheet.rowCount - 1);
    for (const m of sheet.merges) {
      // An inverted range or one starting off the sheet cannot come from a real workbook; it merges nothing.
      if (!(m.top <= m.bottom && m.left <= m.right) || m.top < 0 || m.left < 0 || m.top > lastRow) continue;
      for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
    }
  }

  mergeAt(row: number, col: number): MergeRange | undefined {
    return this.byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }

  /** The cell a person edits for (row, col): the merge's top-left cell when merged. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The value shown at (row, col): inside a merge, the top-left cell's value. */
  visible(row: number, col: number): CellValue {
    const a = this.anchor(row, col);
    return this.sheet.cell(a.row, a.col)?.value ?? null;
  }

  /** The formula of the cell a person edits for (row, col), if it holds one. */
  formula(row: number, col: number): string | undefined {
    const a = this.anchor(row, col);
    return this.sheet.cell(a.row, a.col)?.formula;
  }

  /** The number format of the cell a person edits for (row, col), if the reader knows it. */
  numberFormat(row: number, col: number): string | undefined {
    const a = this.anchor(row, col);
    return this.sheet.cell(a.row, a.col)?.numberFormat;
  }

  /** The value stored in this cell itself; null inside a merge other than at its top-left. */
  own(row: number, col: number): CellValue {
    const a = this.anchor(row, col);
    if (a.row !== row || a.col !== col) return null;
    return this.sheet.cell(row, col)?.value ?? null;
  }
}
