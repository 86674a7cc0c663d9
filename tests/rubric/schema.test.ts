import { stringify } from 'yaml';
import { parseRubric, RubricFileError, toDottedPath } from '../../src/engine/rubric-load';
import { loadBundled, rawBundled } from './bundled';

function problemsOf(data: unknown, file = 'bad.yaml') {
  try {
    parseRubric(typeof data === 'string' ? data : stringify(data), file);
  } catch (err) {
    expect(err).toBeInstanceOf(RubricFileError);
    return (err as RubricFileError).problems;
  }
  throw new Error('expected the rubric to be rejected');
}

describe('rubric schema', () => {
  it('accepts the bundled rubric with 5 base categories, 27 items and the sections', () => {
    const rubric = loadBundled();
    const base = rubric.categories.filter((c) => c.kind === 'base');
    expect(base.map((c) => c.cap)).toEqual([25, 25, 25, 15, 10]);
    expect(base.flatMap((c) => c.items)).toHaveLength(27);
    expect(rubric.categories.map((c) => c.kind)).toEqual(['base', 'base', 'base', 'base', 'base', 'bonus', 'penalty']);
    const rules = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((k) => k.rule)));
    const kinds = new Set(rules.flatMap((r) => [r.kind, ...(r.kind === 'composite' ? r.parts.map((p) => p.rule.kind) : [])]));
    for (const kind of ['discretionary', 'all-or-nothing', 'deduct', 'band', 'threshold', 'tiers', 'additive', 'proportional', 'composite', 'penalty', 'veto', 'bonus']) {
      expect(kinds).toContain(kind);
    }
  });

  it('points a bad clause maximum at its path', () => {
    const data = rawBundled();
    data.categories[2].items[5].clauses[0].max = -1;
    const problems = problemsOf(data);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'categories[2].items[5].clauses[0].max' }));
    expect(problems.find((p) => p.path === 'categories[2].items[5].clauses[0].max')!.message).toMatch(/>= 0/);
  });

  it('names a missing field, an unknown field and an unknown rule kind', () => {
    const data = rawBundled();
    delete data.categories[0].items[1].name;
    data.categories[1].items[0].clauses[0].colour = 'red';
    data.categories[3].items[0].clauses[0].rule = { kind: 'guess' };
    const paths = problemsOf(data).map((p) => p.path);
    expect(paths).toContain('categories[0].items[1].name');
    expect(paths).toContain('categories[1].items[0].clauses[0].colour');
    expect(paths).toContain('categories[3].items[0].clauses[0].rule.kind');
  });

  it('rejects a rule missing its parameter, at the parameter', () => {
    const data = rawBundled();
    const clause = data.categories[1].items[2].clauses[0];
    expect(clause.rule.kind).toBe('deduct');
    delete clause.rule.perCase;
    expect(problemsOf(data).map((p) => p.path)).toContain('categories[1].items[2].clauses[0].rule.perCase');
  });

  it('names the file and the line for text that is not YAML', () => {
    const problems = problemsOf('id: x\n  title: [unclosed', 'broken.yaml');
    expect(problems[0].path).toMatch(/第 \d+ 行/);
    try {
      parseRubric('id: [', 'broken.yaml');
    } catch (err) {
      expect((err as Error).message).toContain('broken.yaml');
    }
  });

  it('refuses .inf and .nan where a number belongs', () => {
    const text = stringify(rawBundled()).replace(/^(\s+cap: )25$/m, '$1.inf');
    expect(text).toContain('cap: .inf');
    expect(problemsOf(text).map((p) => p.path)).toContain('categories[0].cap');
  });

  it('converts JSON pointers to dotted paths', () => {
    expect(toDottedPath('/categories/2/items/5/clauses/0/max')).toBe('categories[2].items[5].clauses[0].max');
    expect(toDottedPath('')).toBe('');
    expect(toDottedPath('/a~1b/0')).toBe('a/b[0]');
  });
});
