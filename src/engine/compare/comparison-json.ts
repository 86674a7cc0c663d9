/**
 * The comparison as one JSON document, the shape `rubric-check compare --json` prints:
 * {"rubric","entries":[{"file","name","self":{"total","grade"},"review":{"total","grade"}|null,"final","rank",
 *  "categories":[{"name","score","cap"}],"errors","warnings","stamp"}],"clauses":[{"id","lost":{"<name>":points}}]}
 * and, beside those keys, what the district also needs: the grade distribution, duplicate names, the
 * files that could not be read, every self/review difference.
 */
import { toNumber } from '../decimal';
import type { StampStatus } from '../stamp/stamp';
import type { Comparison } from './compare';

export interface ComparisonJson {
  rubric: string;
  entries: {
    file: string;
    name: string;
    self: { total: number; grade: string };
    review: { total: number; grade: string } | null;
    final: number;
    rank: number;
    categories: { name: string; score: number; cap: number }[];
    errors: number;
    warnings: number;
    stamp: StampStatus;
  }[];
  clauses: { id: string; lost: Record<string, number> }[];
  grades: Record<string, number>;
  duplicates: { name: string; files: string[] }[];
  unreadable: { file: string; sheet?: string; error: string }[];
  differences: { name: string; clauseIds: string[]; cell: string; self: string; review: string; note: string }[];
}

export function comparisonJson(c: Comparison): ComparisonJson {
  return {
    rubric: c.rubricId,
    entries: c.entries.map((e) => ({
      file: e.file,
      name: e.label,
      self: { total: toNumber(e.self.total), grade: e.self.grade },
      review: e.review && { total: toNumber(e.review.total), grade: e.review.grade },
      final: toNumber(e.final.total),
      rank: e.rank,
      categories: e.categories.map((cat) => ({ name: cat.name, score: toNumber(cat.score), cap: toNumber(cat.cap) })),
      errors: e.errors,
      warnings: e.warnings,
      stamp: e.stamp,
    })),
    clauses: c.clauses.map((row) => ({ id: row.id, lost: Object.fromEntries([...row.lost].map(([k, v]) => [k, toNumber(v)])) })),
    grades: Object.fromEntries(c.grades.map((g) => [g.grade, g.count])),
    duplicates: c.duplicates,
    unreadable: c.unreadable.map((u) => ({ file: u.file, ...(u.sheet !== undefined && { sheet: u.sheet }), error: u.error })),
    differences: c.entries.flatMap((e) =>
      e.differences.map((d) => ({ name: e.label, clauseIds: d.clauseIds, cell: d.cell, self: d.self, review: d.review, note: d.note })),
    ),
  };
}
