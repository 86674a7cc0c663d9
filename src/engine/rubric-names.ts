/**
 * Category names and grades in the reader's language. The rubric file may give English ones
 * (`nameEn`, `gradeEn`, `vetoGradeEn`); absent, the usual Chinese grades have English defaults and a
 * category keeps its Chinese name, which is still right, only not translated.
 */
import type { Locale } from './messages';
import type { Rubric } from './rubric-types';

/** 财预〔2020〕10号's bands and this rubric's own words for them. */
const DEFAULT_GRADE_EN: Readonly<Record<string, string>> = {
  优秀: 'Excellent',
  优: 'Excellent',
  良好: 'Good',
  良: 'Good',
  合格: 'Pass',
  中: 'Fair',
  不合格: 'Fail',
  差: 'Poor',
};

export function gradeName(rubric: Pick<Rubric, 'grades'>, grade: string, locale: Locale): string {
  if (locale !== 'en') return grade;
  const band = rubric.grades.bands.find((b) => b.grade === grade);
  const fromFile = band?.gradeEn ?? (grade === rubric.grades.vetoGrade ? rubric.grades.vetoGradeEn : undefined);
  return fromFile ?? DEFAULT_GRADE_EN[grade] ?? grade;
}

export const categoryName = (category: { name: string; nameEn?: string }, locale: Locale): string =>
  locale === 'en' ? (category.nameEn ?? category.name) : category.name;

export const scorecardGrade = (card: { grade: string; gradeEn: string }, locale: Locale): string =>
  locale === 'en' ? card.gradeEn : card.grade;
