import { lintRubric } from '../../src/engine/lint';
import { parseRubric } from '../../src/engine/rubric-load';
import { stringify } from 'yaml';
import { loadBundled, rawBundled } from './bundled';

const relint = (data: unknown) => lintRubric(parseRubric(stringify(data), 'mutated.yaml'));

describe('rubric lint', () => {
  it('sums the bundled categories to 25/25/25/15/10 = 100 with no errors', () => {
    const report = lintRubric(loadBundled());
    const base = report.sums.filter((s) => s.kind === 'base');
    expect(base.map((s) => s.itemsSum.toNumber())).toEqual([25, 25, 25, 15, 10]);
    expect(base.every((s) => s.itemsSum.eq(s.cap))).toBe(true);
    expect(report.baseTotal.toNumber()).toBe(100);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports exactly one warning: the 最低生活保障 clause that says 得3分 under a （2分） maximum', () => {
    const warnings = lintRubric(loadBundled()).findings.filter((f) => f.severity === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'STATED_POINTS', clauseId: '3.1.1' });
    expect(warnings[0].message).toContain('最低生活保障');
    expect(warnings[0].message).toContain('3');
  });

  it('notes the source typos as info, keeping the text verbatim', () => {
    const rubric = loadBundled();
    const infos = lintRubric(rubric).findings.filter((f) => f.code === 'TYPO');
    expect(infos.map((f) => f.clauseId)).toEqual(expect.arrayContaining(['1.3.3', '3.6.3', '7.1.1', '7.1.3']));
    const clause = rubric.categories[0].items[2].clauses[2];
    expect(clause.text).toContain('作总结');
  });

  it('finds a clause maximum that breaks its item sum, and the category sum above it', () => {
    const data = rawBundled();
    data.categories[1].items[2].clauses[0].max = 3;
    data.categories[1].items[2].clauses[0].rule = { kind: 'discretionary' };
    const errors = relint(data).findings.filter((f) => f.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ code: 'ITEM_SUM', path: 'categories[1].items[2].max' }));
    data.categories[1].items[2].max = 7;
    const again = relint(data).findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(again).toEqual(['CATEGORY_SUM']);
  });

  it('finds duplicate ids, ids outside their parent and a rule worth more than its clause', () => {
    const data = rawBundled();
    data.categories[0].items[1].clauses[1].id = data.categories[0].items[1].clauses[0].id;
    data.categories[1].items[0].clauses[0].rule = { kind: 'all-or-nothing', points: 5 };
    const codes = relint(data).findings.map((f) => f.code);
    expect(codes).toContain('DUPLICATE_ID');
    expect(codes).toContain('ID_HIERARCHY');
    expect(codes).toContain('RULE_ABOVE_MAX');
  });

  it('sums exactly where binary floating point would not (0.1 + 0.2 clause maxima against 0.3)', () => {
    const data = rawBundled();
    const item = data.categories[0].items[3];
    item.max = 0.3;
    item.clauses = [
      { id: `${item.id}.1`, number: 1, text: 'a（0.1分）', max: 0.1, rule: { kind: 'discretionary' }, evidence: ['台账'] },
      { id: `${item.id}.2`, number: 2, text: 'b（0.2分）', max: 0.2, rule: { kind: 'discretionary' }, evidence: ['台账'] },
    ];
    const itemErrors = relint(data).findings.filter((f) => f.code === 'ITEM_SUM');
    expect(itemErrors).toEqual([]);
  });

  it('gives messages in English on request', () => {
    const warning = lintRubric(loadBundled(), 'en').findings.find((f) => f.code === 'STATED_POINTS')!;
    expect(warning.message).toMatch(/maximum is/);
  });
});
