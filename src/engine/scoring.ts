import { D, Dec } from './decimal';
import { grade } from './rules/grade';
import { gradeName } from './rubric-names';
import type { CategoryKind, Rubric } from './rubric-types';

/** A clause's entered score; `notApplicable` follows the clause's recorded policy. */
export interface ClauseEntry {
  score: Dec | null;
  notApplicable?: boolean;
}

export interface ScoredItem {
  id: string;
  name: string;
  score: Dec;
  max: Dec;
}

export interface ScoredCategory {
  id: string;
  name: string;
  /** From the rubric file, for English output (rubric-names.ts). */
  nameEn?: string;
  kind: CategoryKind;
  /** Sum of the category's clause scores before its cap. */
  raw: Dec;
  /** The score that counts: base and bonus capped at `cap`, penalty floored at −cap. */
  score: Dec;
  cap: Dec;
  items: ScoredItem[];
}

export interface Scorecard {
  categories: ScoredCategory[];
  base: Dec;
  bonus: Dec;
  penalty: Dec;
  total: Dec;
  veto: boolean;
  grade: string;
  /** The grade in English (rubric-names.ts), for English output. */
  gradeEn: string;
}

/** The score a clause counts with: a not-applicable clause under award-max earns its maximum, under exclude nothing. */
export function effectiveClauseScore(max: number, entry: ClauseEntry | undefined, policy?: 'award-max' | 'exclude'): Dec {
  if (entry?.notApplicable && policy === 'award-max') return new D(max);
  return entry?.score ?? new D(0);
}

export const gradeFor = (rubric: Rubric, total: Dec, veto: boolean): string =>
  grade(total, veto, rubric.grades.bands, rubric.grades.vetoGrade);

/** clause → item → category (capped) → base total; bonus capped, penalty floored; veto forces the veto grade. */
export function scoreRubric(rubric: Rubric, entries: ReadonlyMap<string, ClauseEntry>, veto: boolean): Scorecard {
  const categories: ScoredCategory[] = rubric.categories.map((category) => {
    const items = category.items.map((item) => {
      const score = item.clauses.reduce(
        (sum, clause) => sum.plus(effectiveClauseScore(clause.max, entries.get(clause.id), clause.notApplicable?.policy)),
        new D(0),
      );
      return { id: item.id, name: item.name, score, max: new D(item.max) };
    });
    const raw = items.reduce((sum, i) => sum.plus(i.score), new D(0));
    const cap = new D(category.cap);
    const score = category.kind === 'penalty' ? D.max(raw, cap.neg()) : D.min(raw, cap);
    const names = category.nameEn === undefined ? { name: category.name } : { name: category.name, nameEn: category.nameEn };
    return { id: category.id, ...names, kind: category.kind, raw, score, cap, items };
  });
  const sumOf = (kind: CategoryKind) =>
    categories.filter((c) => c.kind === kind).reduce((sum, c) => sum.plus(c.score), new D(0));
  const base = sumOf('base');
  const bonus = sumOf('bonus');
  const penalty = sumOf('penalty');
  const total = base.plus(bonus).plus(penalty);
  const grade = gradeFor(rubric, total, veto);
  return { categories, base, bonus, penalty, total, veto, grade, gradeEn: gradeName(rubric, grade, 'en') };
}
