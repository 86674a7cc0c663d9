import { cellText, nameKey, normaliseText } from '../../../src/engine/locate/normalise-text';
import { clauseNumbers } from '../../../src/engine/locate/rubric-lookup';
import { roleOf } from '../../../src/engine/locate/find-header';

describe('nameKey: one key for the ways staff type a name', () => {
  test.each([
    ['深化“政策找人”工作情况', '深化"政策找人"工作情况'],
    ['深化“政策找人”工作情况', '深化 「政策找人」 工作情况（7分）'],
    ['深化“政策找人”工作情况', '深化‘政策找人’\n工作情况\n(7 分)'],
    ['住房救助（廉租住房）', '住房救助(廉租住房)'],
    ['住房救助（廉租住房）', '住房救助【廉租住房】'],
    ['年度重点工作任务', '一、年度重点工作任务\n（25分）'],
    ['年度重点工作任务', '（一）年度重点工作任务 25分'],
    ['扣分项', '扣分项（-5分）'],
    ['ABC', 'ａｂｃ'],
  ])('%s ≡ %s', (a, b) => {
    expect(nameKey(b)).toBe(nameKey(a));
    expect(nameKey(a).length).toBeGreaterThan(0);
  });

  test.each([
    ['临时救助', '医疗救助'],
    ['最低生活保障(含重残无业人员)', '最低生活保障'],
    ['一票否决', '票否决'],
  ])('%s and %s stay different', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  test('normaliseText keeps line breaks and folds full-width forms', () => {
    expect(normaliseText('１、Ａ（１）\r\n２．')).toBe('1、a(1)\n2.');
    expect(normaliseText('①按时')).toBe('(1)按时');
  });

  test('cellText shows values as a person sees them', () => {
    expect([cellText(null), cellText(2.5), cellText(true), cellText({ error: '#N/A' }), cellText('x')]).toEqual(['', '2.5', 'TRUE', '#N/A', 'x']);
  });
});

describe('clauseNumbers: the clause number(s) a 评分细则 text starts with', () => {
  test.each([
    ['1、按照市级文件要求', [1]],
    ['2.按时报送', [2]],
    ['３．按时报送', [3]],
    ['（4）按时报送', [4]],
    ['②按时报送', [2]],
    ['第5条 按时报送', [5]],
    ['  1、甲（2分）\n2、乙（1分）\n3、丙（1分）', [1, 2, 3]],
    ['1、甲（2分）；2、乙（1分）。３、丙', [1, 2, 3]],
    ['1.5分以上的', []],
    ['按时报送工作总结（2分）', []],
    // The (1)…(5) inside clause 1.1.1 are its sub-points, not clause numbers.
    ['1、深入开展：（1）加强走访；（2）加强评估', [1]],
  ])('%s → %p', (text, numbers) => {
    expect(clauseNumbers(text)).toEqual(numbers);
  });
});

describe('roleOf: which column a header names', () => {
  test.each([
    ['自评得分', 'score'],
    ['自评得分\n（分）', 'score'],
    ['得 分', 'score'],
    ['自评分', 'score'],
    ['佐证材料', 'evidence'],
    ['佐证资料', 'evidence'],
    ['证明材料', 'evidence'],
    ['扣分说明', 'reason'],
    ['扣分原因', 'reason'],
    ['情况说明', 'reason'],
    ['指标体系', 'category'],
    ['评价内容', 'item'],
    ['分值', 'points'],
    ['评分细则', 'rule'],
  ])('%s → %s', (text, role) => {
    expect(roleOf(text)?.role).toBe(role);
  });

  test.each([
    ['复核得分', 'review'],
    ['区级复核得分', 'review'],
    ['复核分', 'review'],
    ['核定得分', 'review'],
    ['复核意见', 'reviewNote'],
    ['复核说明', 'reviewNote'],
    ['区级复核情况说明', 'reviewNote'],
  ])('%s is the district review column %s, never the self-score', (text, role) => {
    expect(roleOf(text)?.role).toBe(role);
  });

  test.each(['区级评审得分', '序号', '备注', '2023年长宁区社会救助绩效评价街镇自评得分表', '得分说明', ''])('%s is no role', (text) => {
    expect(roleOf(text)).toBeUndefined();
  });
});
