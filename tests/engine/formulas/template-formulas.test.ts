/**
 * buildTemplateSpec(…, { formulas: true }): a 计分依据 column, and score cells that compute with
 * RUBRIC.SCORE_CLAUSE from it where the clause's rule takes one input. The sheet must still be read as
 * the rubric's table, and HyperFormula with the RUBRIC plugin must give the engine's own evaluateRule.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { toNumber } from '../../../src/engine/decimal';
import { ENGINE_CONFIG } from '../../../src/engine/formulas/evaluate-formula';
import { registerRubricPlugin, withFormulaContext } from '../../../src/engine/formulas/rubric-plugin';
import { clauseInputNames } from '../../../src/engine/functions/clause-inputs';
import { locateTable } from '../../../src/engine/locate/locate-table';
import { evaluateRule, type RuleInputs } from '../../../src/engine/rules';
import type { Clause, CompositeRule, Rubric, Rule } from '../../../src/engine/rubric-types';
import { fromA1, GridSheet, type Cell } from '../../../src/engine/sheet/sheet-model';
import { buildTemplateSpec } from '../../../src/engine/template/build-template';
import type { TemplateSpec } from '../../../src/engine/template/template-spec';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { loadBundled } from '../../rubric/bundled';

const clausesOf = (r: Rubric): Clause[] => r.categories.flatMap((k) => k.items.flatMap((i) => i.clauses));

/**
 * The bundled rubric has band and additive rules only inside composites; this copy scores 1.1.1 by the
 * band rule of 3.6.3's first part and 1.1.2 by the additive rule of a 4.6 part, so those kinds are drawn too.
 */
function withBandAndAdditive(): Rubric {
  const r = structuredClone(loadBundled());
  const all = clausesOf(r);
  const partRule = (kind: string): Rule =>
    all.flatMap((c) => (c.rule.kind === 'composite' ? (c.rule as CompositeRule).parts : [])).find((p) => p.rule.kind === kind)!.rule as Rule;
  all.find((c) => c.id === '1.1.1')!.rule = partRule('band');
  all.find((c) => c.id === '1.1.2')!.rule = partRule('additive');
  return r;
}

const rubric = withBandAndAdditive();
const spec = buildTemplateSpec(rubric, 'zh-CN', { formulas: true });
const plain = buildTemplateSpec(rubric);
const clauses: Clause[] = clausesOf(rubric);
const clause = (id: string) => clauses.find((c) => c.id === id)!;
const SINGLE_INPUT = new Set(['deduct', 'band', 'threshold', 'tiers', 'additive', 'all-or-nothing']);
const cellAt = (s: TemplateSpec, address: string) => s.cells.find((c) => c.address === address);
const scoreCells = spec.cells.filter((c) => c.clauseId !== undefined);
/** The row's 计分依据 cell: the 8th column, H. */
const inputOf = (scoreAddress: string) => `H${fromA1(scoreAddress).row + 1}`;

/** The spec as the engine's grid: values, formulas (result not yet computed) and merges. */
function gridOf(s: TemplateSpec): GridSheet {
  const rows: (Cell | undefined)[][] = [];
  for (const c of s.cells) {
    const { row, col } = fromA1(c.address);
    while (rows.length <= row) rows.push([]);
    if (c.formula !== undefined) rows[row]![col] = { value: null, formula: c.formula };
    else if (c.value !== undefined && c.value !== '') rows[row]![col] = { value: c.value };
  }
  const merges = s.merges.map((m) => {
    const [a, b = a] = m.split(':');
    const p = fromA1(a!);
    const q = fromA1(b);
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
  return new GridSheet(s.sheetName, rows, merges);
}

describe('the template with formulas', () => {
  test('adds one 计分依据 column after 扣分说明 (Scoring input in English); without the option nothing changes', () => {
    expect(spec.columns.map((c) => c.header)).toEqual([...plain.columns.map((c) => c.header), '计分依据']);
    expect(cellAt(spec, `H${spec.headerRow}`)?.value).toBe('计分依据');
    expect(buildTemplateSpec(rubric, 'en', { formulas: true }).columns.at(-1)?.header).toBe('Scoring input');
    expect(buildTemplateSpec(rubric, 'zh-CN', { formulas: false })).toEqual(plain);
    expect(plain.cells.some((c) => c.formula?.includes('RUBRIC'))).toBe(false);
    expect(spec.printArea.startsWith('A1:H')).toBe(true);
  });

  test('exactly the clauses with one SCORE_CLAUSE input compute, from their own row’s input cell', () => {
    for (const cell of scoreCells) {
      const c = clause(cell.clauseId!);
      if (SINGLE_INPUT.has(c.rule.kind)) {
        expect(clauseInputNames(c.rule)).toHaveLength(1);
        const input = inputOf(cell.address);
        expect(cell.formula).toBe(`IF(${input}="","",RUBRIC.SCORE_CLAUSE("${c.id}",${input}))`);
        // The hint sits on the input; the computed score cell has no validation to fight the formula.
        expect(spec.validations.find((v) => v.range === input)?.prompt).toBeTruthy();
        expect(spec.validations.some((v) => v.range === cell.address)).toBe(false);
      } else {
        expect(cell.formula).toBeUndefined();
        expect(spec.validations.find((v) => v.range === cell.address)).toEqual(plain.validations.find((v) => v.range === cell.address));
      }
    }
    const computing = scoreCells.filter((c) => c.formula !== undefined).length;
    expect(computing).toBe(clauses.filter((c) => SINGLE_INPUT.has(c.rule.kind)).length);
    expect(computing).toBeGreaterThan(0);
  });

  test('input hints say what to enter', () => {
    const promptFor = (kind: string) => {
      const id = clauses.find((c) => c.rule.kind === kind)!.id;
      const score = scoreCells.find((c) => c.clauseId === id)!;
      return spec.validations.find((v) => v.range === inputOf(score.address))!;
    };
    expect(promptFor('deduct').prompt).toMatch(/^填发现“.+”的例数，如 0。$/);
    expect(promptFor('band').prompt).toMatch(/率，如 6%。$/);
    expect(promptFor('additive').prompt).toMatch(/件数，如 2。$/);
    expect(promptFor('threshold').prompt).toMatch(/率，如 6%。$/); // 3.6.5 参训率 is a rate
    expect(promptFor('all-or-nothing')).toMatchObject({ list: ['是', '否'], prompt: '填 是 或 否。' });
    expect(promptFor('tiers').prompt).toMatch(/^填达到的档次：1=/);
  });

  test('the locator and validator still recognise every clause; the extra column has no role', () => {
    const sheet = gridOf(spec);
    const table = locateTable(sheet, rubric);
    expect(table.rows.flatMap((r) => r.clauseIds)).toEqual(clauses.map((c) => c.id));
    expect(table.unknownRows).toEqual([]);
    expect(Object.values(table.columns)).not.toContain(fromA1('H1').col);
    expect(table.columns).toEqual(locateTable(gridOf(plain), rubric).columns);
    const codes = new Set(validateSheet(sheet, rubric).findings.map((f) => f.code));
    expect(codes.has('CLAUSE_MISSING')).toBe(false);
    expect(codes.has('UNKNOWN_ROW')).toBe(false);
  });
});

describe('the formulas template computed by HyperFormula with the RUBRIC plugin', () => {
  /** Computes the spec with `inputs` (A1 → content) typed in; returns a reader of computed values. */
  function compute<T>(inputs: Map<string, RawCellContent>, read: (at: (address: string) => unknown) => T): T {
    registerRubricPlugin();
    return withFormulaContext({ rubric, locale: 'zh-CN' }, () => {
      const rows: RawCellContent[][] = [];
      const put = (address: string, content: RawCellContent) => {
        const { row, col } = fromA1(address);
        while (rows.length <= row) rows.push([]);
        rows[row]![col] = content;
      };
      for (const c of spec.cells) {
        if (c.formula !== undefined) put(c.address, `=${c.formula}`);
        else if (c.value !== undefined && c.value !== '') put(c.address, typeof c.value === 'string' ? `'${c.value}` : c.value);
      }
      inputs.forEach((content, address) => put(address, content));
      const width = Math.max(...rows.map((r) => r.length));
      const hf = HyperFormula.buildFromArray(
        rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
        ENGINE_CONFIG,
      );
      try {
        return read((address) => {
          const { row, col } = fromA1(address);
          return hf.getCellValue({ sheet: 0, row, col });
        });
      } finally {
        hf.destroy();
      }
    });
  }

  const first = (kind: string) => {
    const c = clauses.find((x) => x.rule.kind === kind)!;
    return { clause: c, score: scoreCells.find((x) => x.clauseId === c.id)!.address };
  };

  test('a deduct clause with 3 cases found scores what evaluateRule gives; an empty input leaves the score empty', () => {
    const deduct = first('deduct');
    const other = first('band');
    const expected = toNumber(evaluateRule(deduct.clause.rule, deduct.clause.max, { cases: 3 } as RuleInputs));
    // 3 cases cost something but need not empty the clause: the formula must not just echo max or 0.
    expect(expected).toBeLessThan(deduct.clause.max);
    const got = compute(new Map([[inputOf(deduct.score), 3]]), (at) => ({
      deduct: at(deduct.score),
      other: at(other.score),
      total: at(spec.totalCell!),
    }));
    expect(got.deduct).toBe(expected);
    expect(got.other).toBe('');
    expect(got.total).toBe(expected);
  });

  test('each single-input kind gives evaluateRule’s score for what is typed in its 计分依据 cell', () => {
    const typed: [string, string, RawCellContent, unknown][] = [
      ['band', 'rate', 0.25, 0.25],
      ['threshold', 'value', 0.7, 0.7],
      ['tiers', 'tier', 2, 2],
      ['additive', 'count', 3, 3],
      ['all-or-nothing', 'met', "'是", '是'],
    ];
    const picks = typed.map(([kind]) => first(kind));
    const got = compute(new Map(typed.map(([, , content], i) => [inputOf(picks[i]!.score), content])), (at) => picks.map((p) => at(p.score)));
    const expected = typed.map(([, field, , input], i) =>
      toNumber(evaluateRule(picks[i]!.clause.rule, picks[i]!.clause.max, { [field]: input } as RuleInputs)),
    );
    expect(got).toEqual(expected);
    // Scores that differ from one another: no formula just echoes one constant.
    expect(new Set(expected).size).toBeGreaterThan(1);
  });

  test('with every input empty, every computing score is empty and the 合计 is 0', () => {
    const got = compute(new Map(), (at) => ({ scores: scoreCells.filter((c) => c.formula).map((c) => at(c.address)), total: at(spec.totalCell!) }));
    expect(new Set(got.scores)).toEqual(new Set(['']));
    expect(got.total).toBe(0);
  });
});
