/**
 * Circular references among a sheet's formulas: a formula whose references reach, through other
 * formula cells, its own cell. Excel has no definite result for such a cell, so FORMULA_STALE must not
 * compare it. References are read from the formula text: A1 and A1:B2 on the formula's own sheet
 * (references to other sheets, names and whole columns cannot close a circle found here).
 */
import { fromA1, type SheetModel } from '../sheet/sheet-model';

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// A cell or a range, not qualified by a sheet name (no "!" before it) and not a function name.
const REF = /(?<![\w.$!'\]])(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![\w(!])/g;

function rangesOf(formula: string): Range[] {
  const out: Range[] = [];
  formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*'!?)/).forEach((part, i) => {
    if (i % 2 === 1) return;
    for (const m of part.matchAll(REF)) {
      const a = fromA1(m[1]);
      const b = m[2] ? fromA1(m[2]) : a;
      out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    }
  });
  return out;
}

/** Keys `row,col` of the formula cells that lie on a circle. */
export function cellsOnCycles(sheet: SheetModel): Set<string> {
  const cells: { row: number; col: number; ranges: Range[] }[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const f = sheet.cell(r, c)?.formula;
      if (f) cells.push({ row: r, col: c, ranges: rangesOf(f) });
    }
  }
  // Edges: formula cell → the formula cells inside its ranges.
  const edges = cells.map((from) =>
    cells.flatMap((to, j) => (from.ranges.some((g) => to.row >= g.top && to.row <= g.bottom && to.col >= g.left && to.col <= g.right) ? [j] : [])),
  );
  // Tarjan's strongly connected components, iteratively (a long chain must not overflow the stack).
  const index = new Array<number>(cells.length).fill(-1);
  const low = new Array<number>(cells.length).fill(0);
  const onStack = new Array<boolean>(cells.length).fill(false);
  const stack: number[] = [];
  const onCycle = new Set<string>();
  let next = 0;
  for (let root = 0; root < cells.length; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; e: number }[] = [{ v: root, e: 0 }];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.e < edges[top.v].length) {
        const w = edges[top.v][top.e++];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, e: 0 });
        } else if (onStack[w]) low[top.v] = Math.min(low[top.v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) low[work[work.length - 1].v] = Math.min(low[work[work.length - 1].v], low[top.v]);
      if (low[top.v] !== index[top.v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = false;
        component.push(w);
      } while (w !== top.v);
      const selfLoop = component.length === 1 && edges[component[0]].includes(component[0]);
      if (component.length > 1 || selfLoop) for (const v of component) onCycle.add(`${cells[v].row},${cells[v].col}`);
    }
  }
  return onCycle;
}
