import { dec } from '../../src/engine/decimal';
import { categoryScoreText } from '../../src/engine/score-text';

describe('a category score against its cap', () => {
  test('a penalty reads as what was deducted, never as "0 / −5"', () => {
    expect(categoryScoreText({ kind: 'penalty', score: dec(0), cap: dec(5) })).toBe('扣 0 分（最多扣 5 分）');
    expect(categoryScoreText({ kind: 'penalty', score: dec(-1.5), cap: dec(5) })).toBe('扣 1.5 分（最多扣 5 分）');
    expect(categoryScoreText({ kind: 'penalty', score: dec('-0'), cap: dec(5) }, 'en')).toBe('0 deducted (at most 5)');
  });

  test('every other kind reads score / cap', () => {
    expect(categoryScoreText({ kind: 'base', score: dec(23.8), cap: dec(25) })).toBe('23.8 / 25');
    expect(categoryScoreText({ kind: 'bonus', score: dec(1), cap: dec(5) }, 'en')).toBe('1 / 5');
  });
});
