/**
 * A help card for every RUBRIC function: what it computes, each argument, and an example taken from the
 * rubric itself with its computed result. Names, parameters and their order come from the one
 * declaration list (engine/functions/catalog); the words are the custom-functions metadata's own —
 * the zh-CN table the build localizes functions.json with, and the English one the JSDoc yields
 * (metadata.en.json, checked against the generator by tests/functions/metadata.test.ts).
 */
import type { Locale } from '../../../engine/messages';
import { callFunction, FUNCTION_NAMESPACE, FUNCTIONS, rubricContext, type FunctionName } from '../../../engine/functions/catalog';
import type { Clause, Rubric, Rule } from '../../../engine/rubric-types';
import en from '../../../functions/metadata.en.json';
import zh from '../../../functions/metadata.zh-CN.json';

type Table = Record<string, { description: string; parameters: Record<string, string> }>;

export interface ParamHelp {
  name: string;
  optional: boolean;
  repeating: boolean;
  text: string;
}

export interface FunctionExample {
  formula: string;
  result: string;
  /** The clause, item or category the numbers come from. */
  source: string;
}

export interface FunctionHelp {
  name: FunctionName;
  signature: string;
  description: string;
  params: ParamHelp[];
  example?: FunctionExample;
}

interface ExampleArgs {
  args: unknown[];
  source: string;
}

type Found<K extends Rule['kind']> = { clause: Clause; rule: Extract<Rule, { kind: K }>; max: number } | undefined;

/** The first clause scored by a rule of `kind`, whole or as a part of a composite clause (3.6.4's 退回率 band). */
function firstClause<K extends Rule['kind']>(rubric: Rubric, kind: K, also: (rule: Extract<Rule, { kind: K }>) => boolean = () => true): Found<K> {
  for (const c of rubric.categories)
    for (const i of c.items)
      for (const clause of i.clauses) {
        const rules: { rule: Rule; max: number }[] = [{ rule: clause.rule, max: clause.max }];
        if (clause.rule.kind === 'composite') for (const part of clause.rule.parts) rules.push({ rule: part.rule as Rule, max: part.max ?? clause.max });
        for (const { rule, max } of rules) if (rule.kind === kind && also(rule as Extract<Rule, { kind: K }>)) return { clause, rule: rule as Extract<Rule, { kind: K }>, max };
      }
  return undefined;
}

const clauseSource = (c: Clause) => c.id;

/** Arguments for each function drawn from the rubric's own clauses; undefined when the rubric has none of that kind. */
function exampleArgs(name: FunctionName, rubric: Rubric): ExampleArgs | undefined {
  switch (name) {
    case 'SCORE_DEDUCT': {
      const f = firstClause(rubric, 'deduct');
      return f && { args: [f.max, 1, f.rule.perCase], source: clauseSource(f.clause) };
    }
    case 'SCORE_BAND': {
      const f = firstClause(rubric, 'band');
      if (!f) return undefined;
      const rate = Number((f.rule.threshold + f.rule.step).toFixed(6));
      return { args: [rate, f.rule.threshold, f.rule.step, f.rule.perStep, f.rule.points ?? f.max, ...(f.rule.mode === 'started' ? ['started'] : [])], source: clauseSource(f.clause) };
    }
    case 'SCORE_THRESHOLD': {
      const f = firstClause(rubric, 'threshold');
      return f && { args: [f.rule.threshold, f.rule.comparison, f.rule.threshold, f.rule.points ?? f.max], source: clauseSource(f.clause) };
    }
    case 'SCORE_TIER': {
      // Tiers stated in words (2名以上持证 / 1名持证) count down 2, 1 when the rubric gives no numbers.
      const f = firstClause(rubric, 'tiers', (r) => r.tiers.every((t) => t.min !== undefined)) ?? firstClause(rubric, 'tiers');
      if (!f) return undefined;
      const mins = f.rule.tiers.map((t, i) => t.min ?? f.rule.tiers.length - i);
      return { args: [mins[mins.length - 1], [mins], [f.rule.tiers.map((t) => t.points)]], source: clauseSource(f.clause) };
    }
    case 'SCORE_ADD': {
      const f = firstClause(rubric, 'additive');
      return f && { args: [Math.floor(f.rule.cap / f.rule.perCase) + 2, f.rule.perCase, f.rule.cap], source: clauseSource(f.clause) };
    }
    case 'SCORE_RATIO': {
      const f = firstClause(rubric, 'proportional');
      return f && { args: [f.rule.points ?? f.max, 2, 3], source: clauseSource(f.clause) };
    }
    case 'SCORE_BINARY': {
      const f = firstClause(rubric, 'all-or-nothing');
      return f && { args: ['是', f.rule.points ?? f.max], source: clauseSource(f.clause) };
    }
    case 'SCORE_SUM': {
      const category = rubric.categories.find((c) => c.kind === 'base');
      return category && { args: [[category.items.map((i) => i.max)], category.cap], source: category.id };
    }
    case 'SCORE_GRADE':
      return { args: [85], source: rubric.id };
    case 'SCORE_CLAUSE': {
      const f = firstClause(rubric, 'deduct');
      return f && { args: [f.clause.id, 1], source: clauseSource(f.clause) };
    }
    case 'RUBRIC_MAX': {
      const item = rubric.categories[0]?.items[0];
      return item && { args: [item.id], source: item.id };
    }
  }
}

/** An argument as written in a formula: "text" in quotes, a range as an array constant {a,b}. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `{${(value as unknown[][]).map((row) => row.map(literal).join(',')).join(';')}}`;
  return typeof value === 'string' ? `"${value.replace(/"/g, '""')}"` : String(value);
}

export function functionHelp(rubric: Rubric, locale: Locale): FunctionHelp[] {
  const table: Table = locale === 'en' ? en : zh;
  const ctx = rubricContext(rubric);
  return FUNCTIONS.map((decl) => {
    const words = table[decl.name];
    const params = decl.params.map((p) => ({ name: p.name, optional: p.optional === true, repeating: p.repeating === true, text: words?.parameters[p.name] ?? '' }));
    const signature = `${FUNCTION_NAMESPACE}.${decl.name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.repeating ? `${p.name}…` : p.name)).join(', ')})`;
    const found = exampleArgs(decl.name, rubric);
    let example: FunctionExample | undefined;
    if (found) {
      try {
        const result = callFunction(decl.name, found.args, ctx);
        example = { formula: `=${FUNCTION_NAMESPACE}.${decl.name}(${found.args.map(literal).join(',')})`, result: String(result), source: found.source };
      } catch {
        example = undefined; // a rubric whose numbers do not fit the example: the card goes without one
      }
    }
    return { name: decl.name, signature, description: words?.description ?? '', params, ...(example ? { example } : {}) };
  });
}
