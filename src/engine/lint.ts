import { D, Dec } from './decimal';
import { t, Locale } from './messages';
import { partMax, statedMax } from './rule-points';
import type { Rubric } from './rubric-types';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  severity: LintSeverity;
  code: string;
  /** Where in the file, e.g. categories[2].items[0].clauses[0].max */
  path: string;
  clauseId?: string;
  message: string;
}

export interface CategorySum {
  id: string;
  name: string;
  kind: string;
  cap: Dec;
  /** Sum of the category's item maxima. */
  itemsSum: Dec;
}

export interface LintReport {
  sums: CategorySum[];
  /** Sum of the base categories' caps. */
  baseTotal: Dec;
  findings: LintFinding[];
}

const sum = (xs: number[]) => xs.reduce((s, x) => s.plus(x), new D(0));

/** Check every sum (clauses → item → category → total) and the source's own slips, without fixing any. */
export function lintRubric(rubric: Rubric, locale: Locale = 'zh-CN'): LintReport {
  const findings: LintFinding[] = [];
  const add = (severity: LintSeverity, code: string, path: string, params: Record<string, string | number>, clauseId?: string) =>
    findings.push({ severity, code, path, clauseId, message: t(`lint.${code}` as never, params, locale) });
  const seen = new Map<string, string>();
  const unique = (id: string, path: string) => {
    const first = seen.get(id);
    if (first) add('error', 'DUPLICATE_ID', path, { id, first });
    else seen.set(id, path);
  };

  rubric.categories.forEach((category, ci) => {
    const cPath = `categories[${ci}]`;
    unique(`category:${category.id}`, cPath);
    category.items.forEach((item, ii) => {
      const iPath = `${cPath}.items[${ii}]`;
      unique(item.id, iPath);
      if (!item.id.startsWith(`${category.id}.`)) add('error', 'ID_HIERARCHY', `${iPath}.id`, { id: item.id, parent: category.id });
      item.clauses.forEach((clause, ki) => {
        const kPath = `${iPath}.clauses[${ki}]`;
        unique(clause.id, kPath);
        if (clause.id !== `${item.id}.${clause.number}`)
          add('error', 'ID_HIERARCHY', `${kPath}.id`, { id: clause.id, parent: `${item.id}.${clause.number}` }, clause.id);
        if (clause.statedPoints !== undefined && clause.statedPoints !== clause.max)
          add('warning', 'STATED_POINTS', `${kPath}.statedPoints`, { id: clause.id, item: item.name, stated: clause.statedPoints, max: clause.max }, clause.id);
        const own = statedMax(clause.rule);
        if (own !== undefined && new D(own).gt(clause.max))
          add('error', 'RULE_ABOVE_MAX', `${kPath}.rule`, { id: clause.id, points: own, max: clause.max }, clause.id);
        if (clause.rule.kind === 'composite') {
          const maxima = clause.rule.parts.map(partMax);
          clause.rule.parts.forEach((part, pi) => {
            if (maxima[pi] === undefined) add('error', 'PART_MAX_MISSING', `${kPath}.rule.parts[${pi}].max`, { id: clause.id, label: part.label }, clause.id);
          });
          const partsSum = sum(maxima.map((m) => m ?? 0));
          if (!partsSum.eq(clause.max))
            add('warning', 'PARTS_SUM', `${kPath}.rule.parts`, { id: clause.id, sum: partsSum.toString(), max: clause.max }, clause.id);
        }
        for (const typo of clause.typos ?? []) add('info', 'TYPO', `${kPath}.text`, { id: clause.id, text: typo.text, meant: typo.meant }, clause.id);
      });
      const clauseSum = sum(item.clauses.map((c) => c.max));
      if (category.kind === 'base' && !clauseSum.eq(item.max))
        add('error', 'ITEM_SUM', `${iPath}.max`, { id: item.id, name: item.name, sum: clauseSum.toString(), max: item.max });
    });
    const itemsSum = sum(category.items.map((i) => i.max));
    if (!itemsSum.eq(category.cap))
      add('error', 'CATEGORY_SUM', `${cPath}.cap`, { name: category.name, sum: itemsSum.toString(), cap: category.cap });
  });

  const baseTotal = sum(rubric.categories.filter((c) => c.kind === 'base').map((c) => c.cap));
  if (!baseTotal.eq(rubric.total)) add('error', 'TOTAL_SUM', 'total', { sum: baseTotal.toString(), total: rubric.total });

  const bands = rubric.grades.bands;
  bands.slice(1).forEach((band, i) => {
    if (band.min >= bands[i].min) add('error', 'GRADE_ORDER', `grades.bands[${i + 1}].min`, { grade: band.grade, min: band.min, prev: bands[i].grade });
  });
  if (rubric.grades.assumption) add('info', 'GRADE_ASSUMPTION', 'grades', { note: rubric.grades.note });

  const sums = rubric.categories.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    cap: new D(c.cap),
    itemsSum: sum(c.items.map((i) => i.max)),
  }));
  return { sums, baseTotal, findings };
}
