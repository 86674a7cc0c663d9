import { categoryName, gradeName, scorecardGrade } from '../../src/engine/rubric-names';
import { scoreRubric } from '../../src/engine/scoring';
import { loadBundled } from '../rubric/bundled';

const rubric = loadBundled();

describe('English names from the rubric file', () => {
  test('the bundled rubric names every category and grade in English', () => {
    for (const c of rubric.categories) expect(c.nameEn).toMatch(/^[A-Z][A-Za-z ]+$/);
    for (const b of rubric.grades.bands) expect(b.gradeEn).toMatch(/^[A-Z][a-z]+$/);
    expect(rubric.grades.vetoGradeEn).toBe('Fail');
  });

  test('a scorecard carries both; the reader\'s language picks one', () => {
    const card = scoreRubric(rubric, new Map(), true);
    expect(card.grade).toBe('不合格');
    expect(scorecardGrade(card, 'zh-CN')).toBe('不合格');
    expect(scorecardGrade(card, 'en')).toBe('Fail');
    const penalty = card.categories.find((c) => c.kind === 'penalty')!;
    expect([categoryName(penalty, 'zh-CN'), categoryName(penalty, 'en')]).toEqual(['扣分项', 'Deductions']);
  });

  test('defaults when the file gives none: known grades in English, other words and category names as written', () => {
    const bare = { grades: { assumption: true, note: '', bands: [{ grade: '良好', min: 80 }, { grade: '一般', min: 0 }], vetoGrade: '不合格' } };
    expect(gradeName(bare, '良好', 'en')).toBe('Good');
    expect(gradeName(bare, '不合格', 'en')).toBe('Fail');
    expect(gradeName(bare, '一般', 'en')).toBe('一般');
    expect(gradeName(bare, '良好', 'zh-CN')).toBe('良好');
    expect(categoryName({ name: '专项救助' }, 'en')).toBe('专项救助');
  });
});
