import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { loadBundled } from '../../rubric/bundled';
import { buildSheet } from './rubric-sheet';

const rubric = loadBundled();

function findingsAt(clauseId: string, score: string) {
  const plan = buildSheet(rubric);
  plan.set(clauseId, 'score', score);
  const cell = plan.cell(clauseId, 'score');
  return validateSheet(plan.sheet(), rubric).findings.filter((f) => f.cell === cell);
}

describe('a score written as text', () => {
  it('“两分” asks for a number', () => {
    const [f] = findingsAt('2.3.1', '两分');
    expect(f.code).toBe('SCORE_NOT_NUMBER');
    expect(f.message).toContain('不是数字');
  });

  it('不适用 where the clause has no not-applicable case gets its own advice', () => {
    const [f] = findingsAt('2.3.1', '不适用');
    expect(f.code).toBe('SCORE_NOT_NUMBER');
    expect(f.message).toContain('没有不适用的情形');
    expect(f.message).not.toContain('不是数字');
  });

  it('不适用 where the rubric allows it (特困人员供养 5, 代管财产) is no finding', () => {
    expect(findingsAt('3.2.5', '不适用')).toEqual([]);
  });
});
