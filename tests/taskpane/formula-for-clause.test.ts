import { formulaForClause, normaliseCell } from '../../src/taskpane/components/FunctionsPanel/formula-for-clause';
import type { Clause, Rule } from '../../src/engine/rubric-types';
import { loadBundled } from '../rubric/bundled';

const clause = (rule: Rule, max = 2): Clause => ({ id: '9.9.9', number: 1, text: 't', max, rule, evidence: [] });
const cells = { cases: 'B5', count: 'C5', rate: 'D5', value: 'E5', compliant: 'F5', total: 'G5', met: 'H5' };

describe('formulaForClause', () => {
  it('builds each computable rule from the rubric numbers and the chosen cells', () => {
    expect(formulaForClause(clause({ kind: 'deduct', perCase: 0.5 }))!.build(cells)).toBe('=RUBRIC.SCORE_DEDUCT(2,B5,0.5)');
    expect(formulaForClause(clause({ kind: 'additive', perCase: 0.1, cap: 0.5 }, 0.5))!.build(cells)).toBe('=RUBRIC.SCORE_ADD(C5,0.1,0.5)');
    expect(formulaForClause(clause({ kind: 'band', measure: 'r', threshold: 0.1, step: 0.1, perStep: 0.1 }, 0.5))!.build(cells)).toBe(
      '=RUBRIC.SCORE_BAND(D5,0.1,0.1,0.1,0.5)',
    );
    expect(formulaForClause(clause({ kind: 'band', measure: 'r', threshold: 0.05, step: 0.01, perStep: 0.1, mode: 'started' }, 0.5))!.build(cells)).toBe(
      '=RUBRIC.SCORE_BAND(D5,0.05,0.01,0.1,0.5,"started")',
    );
    expect(formulaForClause(clause({ kind: 'threshold', measure: 'r', comparison: '>', threshold: 0.8 }, 1))!.build(cells)).toBe(
      '=RUBRIC.SCORE_THRESHOLD(E5,">",0.8,1)',
    );
    expect(formulaForClause(clause({ kind: 'proportional' }, 1))!.build(cells)).toBe('=RUBRIC.SCORE_RATIO(1,F5,G5)');
    expect(formulaForClause(clause({ kind: 'all-or-nothing', points: 1 }, 1))!.build(cells)).toBe('=RUBRIC.SCORE_BINARY(H5,1)');
    expect(
      formulaForClause(clause({ kind: 'tiers', measure: 'n', tiers: [{ label: 'a', points: 1, min: 2 }, { label: 'b', points: 0.5, min: 1 }] }, 1))!.build(cells),
    ).toBe('=RUBRIC.SCORE_TIER(E5,{2,1},{1,0.5})');
  });

  it('has no formula for clauses scored by judgement or tiers without numbers', () => {
    for (const rule of [{ kind: 'discretionary' }, { kind: 'bonus' }, { kind: 'veto' }, { kind: 'penalty', cases: [] }] as Rule[]) {
      expect(formulaForClause(clause(rule))).toBeUndefined();
    }
    expect(formulaForClause(clause({ kind: 'tiers', tiers: [{ label: '好', points: 1 }] }))).toBeUndefined();
  });

  it('every clause of the bundled rubric either has a formula with inputs or none', () => {
    for (const c of loadBundled().categories.flatMap((x) => x.items.flatMap((i) => i.clauses))) {
      const spec = formulaForClause(c);
      if (spec) expect(spec.build(cells)).toMatch(/^=RUBRIC\.SCORE_[A-Z]+\(.*\)$/);
    }
  });
});

describe('normaliseCell', () => {
  it('accepts A1 addresses in any case, with or without $', () => {
    expect(normaliseCell(' h5 ')).toBe('H5');
    expect(normaliseCell('$AB$12')).toBe('AB12');
    for (const bad of ['', 'H', '5', 'H0', 'A1:B2', '五例', 'Sheet1!A1']) expect(normaliseCell(bad)).toBeUndefined();
  });
});
