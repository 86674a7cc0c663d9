/** Findings grouped for the list: by severity (errors first), then by rubric category in rubric order. */
import type { Locale } from '../../../engine/messages';
import { indexRubric } from '../../../engine/rubric-index';
import { categoryName } from '../../../engine/rubric-names';
import type { Rubric } from '../../../engine/rubric-types';
import type { Finding, Severity } from '../../../engine/validate/finding';

export interface CategoryGroup {
  /** Category id, or '' for findings about the sheet as a whole (totals, PII, unknown rows). */
  id: string;
  name: string | null;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  categories: CategoryGroup[];
  count: number;
}

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function groupFindings(findings: readonly Finding[], rubric: Rubric, locale: Locale = 'zh-CN'): SeverityGroup[] {
  const index = indexRubric(rubric);
  const rank = new Map(rubric.categories.map((c, i) => [c.id, i]));
  return ORDER.map((severity) => {
    const mine = findings.filter((f) => f.severity === severity);
    const byCategory = new Map<string, CategoryGroup>();
    for (const f of mine) {
      const category = f.clauseId ? index.clause(f.clauseId)?.category : undefined;
      const id = category?.id ?? '';
      let group = byCategory.get(id);
      if (!group) byCategory.set(id, (group = { id, name: category ? categoryName(category, locale) : null, findings: [] }));
      group.findings.push(f);
    }
    const categories = [...byCategory.values()].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
    return { severity, categories, count: mine.length };
  }).filter((g) => g.count > 0);
}
