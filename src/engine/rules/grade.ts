import { requireNonEmpty } from '../args';
import { dec, type Dec } from '../decimal';

export interface GradeBandInput {
  readonly grade: string;
  readonly min: Dec | number;
}

/**
 * The grade (等第) for a total: the highest band whose min the total reaches. Bands are ordered by
 * min here rather than trusted to arrive highest first. A total below every band (possible with the
 * penalty section) gets the lowest band, which is the floor. 一票否决 overrides the points.
 */
export function grade(total: Dec, veto: boolean, bands: readonly GradeBandInput[], vetoGrade: string): string {
  requireNonEmpty('bands', bands);
  if (veto) return vetoGrade;
  const ordered = bands.map((b) => ({ grade: b.grade, min: dec(b.min) })).sort((a, b) => b.min.cmp(a.min));
  const lowest = ordered[ordered.length - 1] as { grade: string; min: Dec };
  return (ordered.find((b) => b.min.lte(total)) ?? lowest).grade;
}
