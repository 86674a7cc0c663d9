/**
 * Builds a filled self-assessment sheet from the rubric, so tests do not hand-type 60 rows: any column
 * order and header names, title rows above the header, one row per clause or one row per item, merged
 * category and item cells, totals. Tests change `grid` to plant defects, then call `sheet()`.
 *
 * The default fill is a clean, complete sheet: full marks, except that every per-case deduction clause
 * loses one case (with a reason), the not-applicable clause says 不适用, one bonus of 2 and one penalty
 * case of −2 (each with evidence), 一票否决 否. Totals are summed here, independently of the engine.
 */
import { D, type Dec } from '../../../src/engine/decimal';
import type { ColumnRole } from '../../../src/engine/locate/locate-table';
import type { Category, Clause, Item, Rubric } from '../../../src/engine/rubric-types';
import { GridSheet, toA1, type CellValue, type MergeRange } from '../../../src/engine/sheet/sheet-model';

export interface ColumnSpec {
  header: string;
  role?: ColumnRole;
  /** For extra columns: the value on each data row. */
  fill?: (row: number) => CellValue;
}

export const STANDARD_COLUMNS: ColumnSpec[] = [
  { header: '指标体系', role: 'category' },
  { header: '评价内容', role: 'item' },
  { header: '分值', role: 'points' },
  { header: '评分细则', role: 'rule' },
  { header: '自评得分', role: 'score' },
  { header: '佐证材料', role: 'evidence' },
  { header: '扣分说明', role: 'reason' },
];

/** Reordered and renamed columns with extra ones, as some 街镇 keep them. */
export const REORDERED_COLUMNS: ColumnSpec[] = [
  { header: '序号', fill: (r) => r },
  { header: '评价内容', role: 'item' },
  { header: '指标体系', role: 'category' },
  { header: '评分细则', role: 'rule' },
  { header: '分值', role: 'points' },
  { header: '得分', role: 'score' },
  { header: '证明材料', role: 'evidence' },
  { header: '扣分原因', role: 'reason' },
  // Someone else's score column, with values that would be errors if it were taken for the score.
  { header: '区级评审得分', fill: (r) => (r % 2 === 0 ? '待复核' : 99) },
  { header: '备注', fill: () => '已核对' },
];

export interface BuildOptions {
  columns?: ColumnSpec[];
  /** Rows above the header: the first holds the title, the rest are blank. */
  titleRows?: number;
  layout?: 'per-clause' | 'one-row-items';
  /** Merge category, item and points cells down their rows (default true). */
  merge?: boolean;
  subtotals?: boolean;
  grandTotal?: boolean;
  /** 'own-category': 一票否决 in the category column with its own row; 'in-penalty': clause 3 of 安全管理. */
  veto?: 'own-category' | 'in-penalty';
  categoryLabel?: (c: Category) => string;
  itemLabel?: (i: Item) => string;
  ruleLabel?: (c: Clause) => string;
  /** Leave out these items entirely. */
  omitItems?: string[];
}

const AUTO = '\u0000auto-total';

export interface SheetPlan {
  grid: CellValue[][];
  merges: MergeRange[];
  headerRow: number;
  col: Partial<Record<ColumnRole, number>>;
  colOf(header: string): number;
  /** Clause id → its row (in the one-row layout, the item's row). */
  rowOf: Record<string, number>;
  itemRow: Record<string, number>;
  totalRow?: number;
  subtotalRow: Record<string, number>;
  /** A1 address of a clause's cell in a role's column. */
  cell(clauseId: string, role: ColumnRole): string;
  set(clauseId: string, role: ColumnRole, value: CellValue): void;
  get(clauseId: string, role: ColumnRole): CellValue;
  /** Inserts a data row before `before`, shifting every row, merge and map below it. */
  insertRow(before: number, cells: Partial<Record<ColumnRole, CellValue>>): number;
  /** The sheet, with totals still marked automatic summed from the grid as it is now. */
  sheet(name?: string): GridSheet;
}

interface Fill {
  score: CellValue;
  evidence: CellValue;
  reason: CellValue;
}

/** The clean default for one clause. */
export function defaultFill(clause: Clause, category: Category): Fill {
  const evidence = clause.evidence.join('、');
  if (clause.rule.kind === 'veto') return { score: '否', evidence: null, reason: null };
  if (category.kind === 'bonus') return clause.number === 1 ? { score: 2, evidence, reason: null } : { score: null, evidence: null, reason: null };
  if (category.kind === 'penalty') {
    return clause.number === 1 ? { score: -2, evidence: '区级督查通报 1 份', reason: null } : { score: 0, evidence: null, reason: null };
  }
  if (clause.notApplicable) return { score: '不适用', evidence: null, reason: null };
  if (clause.rule.kind === 'deduct') {
    const score = new D(clause.max).minus(clause.rule.perCase).toNumber();
    return { score, evidence, reason: `发现 1 例${clause.rule.caseLabel ?? ''}，扣 ${clause.rule.perCase} 分` };
  }
  return { score: clause.max, evidence, reason: null };
}

export function buildSheet(rubric: Rubric, options: BuildOptions = {}): SheetPlan {
  const columns = options.columns ?? STANDARD_COLUMNS;
  const layout = options.layout ?? 'per-clause';
  const merge = options.merge ?? true;
  const vetoMode = options.veto ?? 'own-category';
  const categoryLabel = options.categoryLabel ?? ((c: Category) => c.name);
  const itemLabel = options.itemLabel ?? ((i: Item) => i.name);
  const ruleLabel = options.ruleLabel ?? ((c: Clause) => c.text);
  const width = columns.length;
  const col: Partial<Record<ColumnRole, number>> = {};
  columns.forEach((c, i) => {
    if (c.role) col[c.role] = i;
  });

  const grid: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const newRow = (): CellValue[] => {
    const row: CellValue[] = Array.from({ length: width }, () => null);
    grid.push(row);
    return row;
  };
  const put = (row: CellValue[], role: ColumnRole, value: CellValue) => {
    if (col[role] !== undefined) row[col[role] as number] = value;
  };
  const mergeDown = (role: ColumnRole, top: number, bottom: number) => {
    const c = col[role];
    if (merge && c !== undefined && bottom > top) merges.push({ top, left: c, bottom, right: c });
  };

  for (let i = 0; i < (options.titleRows ?? 0); i++) newRow()[0] = i === 0 ? `${rubric.title}自评表` : null;
  const headerRow = grid.length;
  const header = newRow();
  columns.forEach((c, i) => (header[i] = c.header));

  const rowOf: Record<string, number> = {};
  const itemRow: Record<string, number> = {};
  const subtotalRow: Record<string, number> = {};
  const rowCategory = new Map<number, Category>();
  const rowClauses = new Map<number, Clause[]>();

  const dataRow = (clauses: Clause[], category: Category): CellValue[] => {
    const row = newRow();
    const r = grid.length - 1;
    columns.forEach((c, i) => {
      if (c.fill) row[i] = c.fill(r);
    });
    rowCategory.set(r, category);
    rowClauses.set(r, clauses);
    for (const c of clauses) rowOf[c.id] = r;
    return row;
  };

  for (const category of rubric.categories) {
    const catTop = grid.length;
    for (const item of category.items) {
      if (options.omitItems?.includes(item.id)) continue;
      const itemTop = grid.length;
      const scored = item.clauses.filter((c) => c.rule.kind !== 'veto');
      const groups = layout === 'one-row-items' ? [scored] : scored.map((c) => [c]);
      for (const group of groups) {
        if (group.length === 0) continue;
        const row = dataRow(group, category);
        const fills = group.map((c) => defaultFill(c, category));
        if (group.length === 1) {
          put(row, 'score', fills[0].score);
          put(row, 'evidence', fills[0].evidence);
          put(row, 'reason', fills[0].reason);
        } else {
          // One row for the whole item: the clause scores added up (不适用 under award-max counts its max).
          let sum = new D(0);
          group.forEach((c, i) => {
            const s = fills[i].score;
            sum = sum.plus(typeof s === 'number' ? s : c.notApplicable?.policy === 'award-max' ? c.max : 0);
          });
          const any = fills.some((f) => f.score !== null);
          put(row, 'score', any ? sum.toNumber() : null);
          const evidence = fills.map((f) => f.evidence).filter((e) => e !== null);
          put(row, 'evidence', evidence.length > 0 ? evidence.join('；') : null);
          const reasons = fills.map((f) => f.reason).filter((e) => e !== null);
          put(row, 'reason', reasons.length > 0 ? reasons.join('；') : null);
        }
        put(row, 'rule', group.map(ruleLabel).join('\n'));
        if (grid.length - 1 === itemTop) {
          put(row, 'item', itemLabel(item));
          put(row, 'points', item.max);
          if (catTop === grid.length - 1) put(row, 'category', categoryLabel(category));
        }
      }
      if (grid.length - 1 >= itemTop) {
        itemRow[item.id] = itemTop;
        mergeDown('item', itemTop, grid.length - 1);
        mergeDown('points', itemTop, grid.length - 1);
      }
    }
    const vetoClauses = category.items.flatMap((i) => (options.omitItems?.includes(i.id) ? [] : i.clauses.filter((c) => c.rule.kind === 'veto')));
    if (vetoMode === 'in-penalty') {
      for (const v of vetoClauses) {
        const row = dataRow([v], category);
        put(row, 'rule', ruleLabel(v));
        put(row, 'score', defaultFill(v, category).score);
        const item = category.items.find((i) => i.clauses.includes(v)) as Item;
        mergeDown('item', itemRow[item.id], grid.length - 1);
        mergeDown('points', itemRow[item.id], grid.length - 1);
      }
    }
    mergeDown('category', catTop, grid.length - 1);
    if (vetoMode === 'own-category') {
      for (const v of vetoClauses) {
        const row = dataRow([v], category);
        put(row, 'category', '一票否决');
        put(row, 'rule', ruleLabel(v));
        put(row, 'score', defaultFill(v, category).score);
      }
    }
    if (options.subtotals) {
      const row = newRow();
      put(row, 'item', '小计');
      put(row, 'score', AUTO);
      subtotalRow[category.id] = grid.length - 1;
    }
  }
  let totalRow: number | undefined;
  if (options.grandTotal ?? true) {
    const row = newRow();
    put(row, 'item', '合计');
    put(row, 'score', AUTO);
    totalRow = grid.length - 1;
  }

  const scoreCol = col.score as number;
  /** What a person's SUM would give, with the rubric's caps and 不适用 under award-max counting its max. */
  const categorySums = (): Map<string, Dec> => {
    const sums = new Map<string, Dec>();
    for (const [r, clauses] of rowClauses) {
      const category = rowCategory.get(r) as Category;
      const v = grid[r][scoreCol];
      let add = new D(0);
      if (typeof v === 'number') add = new D(v);
      else if (typeof v === 'string' && v === '不适用') {
        add = clauses.reduce((s, c) => (c.notApplicable?.policy === 'award-max' ? s.plus(c.max) : s), new D(0));
      }
      sums.set(category.id, (sums.get(category.id) ?? new D(0)).plus(add));
    }
    const capped = new Map<string, Dec>();
    for (const c of rubric.categories) {
      const raw = sums.get(c.id) ?? new D(0);
      capped.set(c.id, c.kind === 'penalty' ? D.max(raw, -c.cap) : D.min(raw, c.cap));
    }
    return capped;
  };

  const plan: SheetPlan = {
    grid,
    merges,
    headerRow,
    col,
    colOf: (h) => columns.findIndex((c) => c.header === h),
    rowOf,
    itemRow,
    totalRow,
    subtotalRow,
    cell: (id, role) => toA1(rowOf[id], col[role] as number),
    set: (id, role, value) => {
      grid[rowOf[id]][col[role] as number] = value;
    },
    get: (id, role) => grid[rowOf[id]][col[role] as number],
    insertRow(before, cells) {
      const row: CellValue[] = Array.from({ length: width }, () => null);
      for (const [role, v] of Object.entries(cells)) row[col[role as ColumnRole] as number] = v as CellValue;
      grid.splice(before, 0, row);
      const shift = (r: number) => (r >= before ? r + 1 : r);
      for (const m of merges) {
        if (m.top >= before) m.top++;
        if (m.bottom >= before) m.bottom++;
      }
      for (const map of [rowOf, itemRow, subtotalRow]) for (const k of Object.keys(map)) map[k] = shift(map[k]);
      if (plan.totalRow !== undefined) plan.totalRow = shift(plan.totalRow);
      totalRow = plan.totalRow;
      for (const m of [rowClauses, rowCategory] as Map<number, unknown>[]) {
        const entries = [...m.entries()];
        m.clear();
        for (const [r, v] of entries) m.set(shift(r), v);
      }
      return before;
    },
    sheet(name = '自评表') {
      const sums = categorySums();
      const values = grid.map((row) => [...row]);
      for (const [id, r] of Object.entries(subtotalRow)) {
        if (values[r][scoreCol] === AUTO) values[r][scoreCol] = (sums.get(id) as Dec).toNumber();
      }
      if (totalRow !== undefined && values[totalRow][scoreCol] === AUTO) {
        values[totalRow][scoreCol] = [...sums.values()].reduce((s, v) => s.plus(v), new D(0)).toNumber();
      }
      // Totals left automatic are what a person's SUM shows: formula cells holding their result.
      const sheet = GridSheet.fromValues(name, values, merges.map((m) => ({ ...m })));
      const sumRows = [...Object.values(subtotalRow), ...(totalRow !== undefined ? [totalRow] : [])].filter((r) => grid[r][scoreCol] === AUTO);
      for (const r of sumRows) {
        const cell = sheet.cell(r, scoreCol);
        if (cell) cell.formula = `SUM(${toA1(headerRow + 1, scoreCol)}:${toA1(r - 1, scoreCol)})`;
      }
      return sheet;
    },
  };
  return plan;
}
