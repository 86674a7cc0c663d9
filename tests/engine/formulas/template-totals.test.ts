/**
 * The self-assessment template (buildTemplateSpec) filled with RUBRIC.SCORE_CLAUSE formulas and computed
 * by HyperFormula must give the engine's own scorecard (scoreRubric over evaluateRule): the template's
 * native 合计 formula, exact per-category RUBRIC.SCORE_SUM subtotals, their total and the grade.
 */
import fc from 'fast-check';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { toNumber } from '../../../src/engine/decimal';
import { ENGINE_CONFIG } from '../../../src/engine/formulas/evaluate-formula';
import { registerRubricPlugin, withFormulaContext } from '../../../src/engine/formulas/rubric-plugin';
import { evaluateRule, type RuleInputs } from '../../../src/engine/rules';
import type { Category, PartRule, Rule } from '../../../src/engine/rubric-types';
import { scoreRubric, type ClauseEntry } from '../../../src/engine/scoring';
import { columnLetters, fromA1 } from '../../../src/engine/sheet/sheet-model';
import { buildTemplateSpec } from '../../../src/engine/template/build-template';
import { loadBundled } from '../../rubric/bundled';

const rubric = loadBundled();
const spec = buildTemplateSpec(rubric);

/** Chooses an input; `full` asks for the input that earns full marks. */
interface Chooser {
  full: boolean;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
}

function seeded(seed: number, full: boolean): Chooser {
  let s = seed >>> 0;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { full, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)]! };
}

const YES = ['是', true, 1, '√', 'TRUE'];
const NO = ['否', false, 0, '×'];

/** One part's inputs, in the order SCORE_CLAUSE documents, with the RuleInputs fields they fill. */
function partInputs(rule: PartRule, max: number, c: Chooser): [string, unknown][] {
  switch (rule.kind) {
    case 'discretionary':
      return [['score', c.full ? max : c.int(0, max * 100) / 100]];
    case 'all-or-nothing':
      return [['met', c.full ? c.pick(YES) : c.pick([...YES, ...NO])]];
    case 'deduct':
      return [['cases', c.full ? 0 : c.int(0, 5)]];
    case 'band':
      return [['rate', c.full ? 0 : c.int(0, 100) / 100]];
    case 'threshold': {
      const rate = rule.unit === 'rate' || (rule.unit === undefined && rule.measure.includes('率'));
      if (c.full) return [['value', rule.comparison.startsWith('>') ? (rate ? 1 : rule.threshold + 1) : 0]];
      return [['value', rate ? c.int(0, 100) / 100 : c.int(0, 8) / 2]];
    }
    case 'tiers':
      if (rule.tiers.every((t) => t.min !== undefined)) return [['value', c.full ? Math.max(...rule.tiers.map((t) => t.min!)) : c.int(0, 10)]];
      return [['tier', c.full ? 1 : c.int(0, rule.tiers.length)]];
    case 'additive':
      return [['count', c.full ? Math.ceil(rule.cap / rule.perCase) : c.int(0, 8)]];
    case 'proportional': {
      const total = c.int(1, 10);
      return [
        ['compliant', c.full ? total : c.int(0, total)],
        ['total', total],
      ];
    }
    default:
      throw new Error(`no inputs for ${(rule as Rule).kind}`);
  }
}

/** A clause's inputs as a flat list (for the formula) and as RuleInputs (for the engine). */
function clauseInputs(rule: Rule, max: number, c: Chooser): { flat: unknown[]; inputs: RuleInputs } {
  const toInputs = (pairs: [string, unknown][]): RuleInputs => Object.fromEntries(pairs) as RuleInputs;
  switch (rule.kind) {
    case 'composite': {
      const parts = rule.parts.map((p) => partInputs(p.rule, p.max ?? max, c));
      const flat = parts.flat().map(([, value]) => value);
      const inputs: RuleInputs = { parts: parts.map(toInputs) };
      if (rule.deductPerCase === undefined) return { flat, inputs };
      const cases = c.full ? 0 : c.int(0, 3);
      return { flat: [...flat, cases], inputs: { ...inputs, cases } };
    }
    case 'penalty': {
      const counts = rule.cases.map(() => (c.full ? 0 : c.int(0, 1)));
      return { flat: counts, inputs: { cases: counts.length === 1 ? counts[0] : counts } };
    }
    case 'bonus': {
      const score = c.full ? 0 : c.int(0, max * 2) / 2;
      return { flat: [score], inputs: { score } };
    }
    case 'veto':
      return { flat: [], inputs: {} };
    default: {
      const pairs = partInputs(rule, max, c);
      return { flat: pairs.map(([, value]) => value), inputs: toInputs(pairs) };
    }
  }
}

const INPUT_COL = spec.columns.length; // inputs go right of the template's own columns
const SUBTOTAL_COL = INPUT_COL + 8;

const literal = (value: unknown): RawCellContent =>
  typeof value === 'string' ? `'${value}` : (value as RawCellContent);

interface Filled {
  rows: RawCellContent[][];
  expected: ReturnType<typeof scoreRubric>;
  subtotalCells: { category: Category; row: number }[];
  totalRow: number;
}

function fill(c: Chooser, veto: boolean): Filled {
  const rows: RawCellContent[][] = [];
  const put = (address: string, content: RawCellContent) => {
    const { row, col } = fromA1(address);
    while (rows.length <= row) rows.push([]);
    rows[row]![col] = content;
  };
  for (const cell of spec.cells) {
    if (cell.formula !== undefined) put(cell.address, `=${cell.formula}`);
    else if (cell.value !== undefined && cell.value !== '') put(cell.address, literal(cell.value));
  }

  const entries = new Map<string, ClauseEntry>();
  const scoreRows = new Map<string, number>();
  for (const cell of spec.cells.filter((x) => x.clauseId !== undefined)) {
    const clause = rubric.categories.flatMap((k) => k.items).flatMap((i) => i.clauses).find((x) => x.id === cell.clauseId)!;
    const { row } = fromA1(cell.address);
    scoreRows.set(clause.id, row);
    if (clause.rule.kind === 'veto') {
      put(cell.address, veto ? "'是" : "'否");
      continue;
    }
    const { flat, inputs } = clauseInputs(clause.rule, clause.max, c);
    flat.forEach((value, i) => put(`${columnLetters(INPUT_COL + i)}${row + 1}`, literal(value)));
    const refs = flat.map((_, i) => `${columnLetters(INPUT_COL + i)}${row + 1}`);
    put(cell.address, `=RUBRIC.SCORE_CLAUSE("${clause.id}"${refs.map((r) => `,${r}`).join('')})`);
    entries.set(clause.id, { score: evaluateRule(clause.rule, clause.max, inputs) });
  }

  // Exact subtotals with the section caps, their total and the grade, in a spare column.
  const scoreCol = columnLetters(spec.columns.findIndex((x) => x.key === 'score'));
  const subtotalCells = rubric.categories.map((category, i) => {
    const ids = category.items.flatMap((it) => it.clauses).filter((cl) => cl.rule.kind !== 'veto').map((cl) => cl.id);
    const rowsOf = ids.map((id) => scoreRows.get(id)! + 1);
    const range = `${scoreCol}${Math.min(...rowsOf)}:${scoreCol}${Math.max(...rowsOf)}`;
    const formula =
      category.kind === 'penalty' ? `=RUBRIC.SCORE_SUM(${range},,-${category.cap})` : `=RUBRIC.SCORE_SUM(${range},${category.cap})`;
    put(`${columnLetters(SUBTOTAL_COL)}${i + 1}`, formula);
    return { category, row: i };
  });
  const totalRow = rubric.categories.length;
  const subCol = columnLetters(SUBTOTAL_COL);
  put(`${subCol}${totalRow + 1}`, `=RUBRIC.SCORE_SUM(${subCol}1:${subCol}${totalRow})`);
  const vetoId = rubric.categories.flatMap((k) => k.items).flatMap((i) => i.clauses).find((x) => x.rule.kind === 'veto')!.id;
  const vetoCell = `${scoreCol}${scoreRows.get(vetoId)! + 1}`;
  put(`${subCol}${totalRow + 2}`, `=RUBRIC.SCORE_GRADE(${subCol}${totalRow + 1},${vetoCell})`);

  return { rows, expected: scoreRubric(rubric, entries, veto), subtotalCells, totalRow };
}

function compute(filled: Filled) {
  registerRubricPlugin();
  return withFormulaContext({ rubric, locale: 'zh-CN' }, () => {
    const width = Math.max(...filled.rows.map((r) => r.length));
    const grid = filled.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    const hf = HyperFormula.buildFromArray(grid, ENGINE_CONFIG);
    try {
      const at = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
      const templateTotal = at(fromA1(spec.totalCell!).row, fromA1(spec.totalCell!).col);
      return {
        templateTotal,
        subtotals: filled.subtotalCells.map((s) => at(s.row, SUBTOTAL_COL)),
        exactTotal: at(filled.totalRow, SUBTOTAL_COL),
        grade: at(filled.totalRow + 1, SUBTOTAL_COL),
      };
    } finally {
      hf.destroy();
    }
  });
}

describe('the template filled with RUBRIC formulas', () => {
  test('has a score cell per clause and a total cell', () => {
    const clauses = rubric.categories.flatMap((k) => k.items).flatMap((i) => i.clauses);
    expect(spec.cells.filter((x) => x.clauseId).map((x) => x.clauseId).sort()).toEqual(clauses.map((x) => x.id).sort());
    expect(spec.totalCell).toMatch(/^[A-Z]+\d+$/);
  });

  test('full marks everywhere make 100 and 优秀; a veto makes it 不合格', () => {
    const full = compute(fill(seeded(1, true), false));
    expect(full.templateTotal).toBe(100);
    expect(full.exactTotal).toBe(100);
    expect(full.grade).toBe('优秀');
    expect(compute(fill(seeded(1, true), true)).grade).toBe('不合格');
  });

  test('any inputs: HyperFormula over the template gives scoreRubric’s subtotals, total and grade', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, veto) => {
        const filled = fill(seeded(seed, false), veto);
        const got = compute(filled);
        const card = filled.expected;
        expect(got.subtotals).toEqual(card.categories.map((k) => toNumber(k.score)));
        expect(got.exactTotal).toBe(toNumber(card.total));
        // A plain SUM of binary doubles, without HyperFormula's smart rounding: equal as Excel shows it (15 digits).
        expect(Number((got.templateTotal as number).toPrecision(15))).toBe(toNumber(card.total));
        expect(got.grade).toBe(card.grade);
      }),
      { numRuns: 12 },
    );
  });
});
