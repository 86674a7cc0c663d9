import type { Category, Clause, Item, Rubric } from './rubric-types';

export interface ClauseRef {
  clause: Clause;
  item: Item;
  category: Category;
}

/** Lookups over a rubric by id, built once per rubric. */
export interface RubricIndex {
  rubric: Rubric;
  clauses: ClauseRef[];
  clause(id: string): ClauseRef | undefined;
  item(id: string): { item: Item; category: Category } | undefined;
  category(id: string): Category | undefined;
}

const cache = new WeakMap<Rubric, RubricIndex>();

export function indexRubric(rubric: Rubric): RubricIndex {
  const hit = cache.get(rubric);
  if (hit) return hit;
  const clauses: ClauseRef[] = [];
  const items = new Map<string, { item: Item; category: Category }>();
  for (const category of rubric.categories) {
    for (const item of category.items) {
      items.set(item.id, { item, category });
      for (const clause of item.clauses) clauses.push({ clause, item, category });
    }
  }
  const byId = new Map(clauses.map((c) => [c.clause.id, c]));
  const categories = new Map(rubric.categories.map((c) => [c.id, c]));
  const index: RubricIndex = {
    rubric,
    clauses,
    clause: (id) => byId.get(id),
    item: (id) => items.get(id),
    category: (id) => categories.get(id),
  };
  cache.set(rubric, index);
  return index;
}
