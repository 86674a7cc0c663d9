import { dec } from '../../../src/engine/decimal';
import { grade, sum } from '../../../src/engine/rules';
import { expectArgError } from '../arg-error';

describe('sum', () => {
  test('0.1 + 0.2 is exactly 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([0.1, 0.2]).toString()).toBe('0.3');
    expect(sum([0.1, 0.2, 0.3, 0.4]).toString()).toBe('1');
  });

  test('skips empty cells and reads numeric text', () => {
    expect(sum(['', null, 0.1, '0.2', undefined, '  ']).toString()).toBe('0.3');
    expect(sum([[1.5, ''], [null, 2]]).toString()).toBe('3.5');
    expect(sum([]).toString()).toBe('0');
    expect(sum(2.5).toString()).toBe('2.5');
  });

  test('text is #VALUE! naming the cell', () => {
    expectArgError(() => sum([1, '二']), '#VALUE!', 'values[1]', '二');
  });

  test('clamps to cap and floor', () => {
    expect(sum([3, 3], dec(5)).toString()).toBe('5');
    expect(sum([3, 1.9], dec(5)).toString()).toBe('4.9');
    expect(sum([-2, -2, -3], undefined, dec(-5)).toString()).toBe('-5');
    expect(sum([-2, -2], dec(0), dec(-5)).toString()).toBe('-4');
    expect(sum([1], dec(0), dec(-5)).toString()).toBe('0');
  });

  test('a floor above the cap is #NUM!', () => {
    expectArgError(() => sum([1], dec(0), dec(1)), '#NUM!', 'floor');
  });
});

describe('grade', () => {
  const bands = [
    { grade: '优秀', min: 90 },
    { grade: '良好', min: 80 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ];
  test.each([
    ['105', '优秀'],
    ['90', '优秀'],
    ['89.99', '良好'],
    ['80', '良好'],
    ['79.99', '合格'],
    ['60', '合格'],
    ['59.99', '不合格'],
    ['0', '不合格'],
    ['-3', '不合格'],
  ])('%s → %s', (total, expected) => {
    expect(grade(dec(total), false, bands, '不合格')).toBe(expected);
  });

  test('一票否决 forces the veto grade whatever the points', () => {
    expect(grade(dec(100), true, bands, '不合格')).toBe('不合格');
    expect(grade(dec(100), true, bands, '否决')).toBe('否决');
  });

  test('does not depend on the bands arriving highest first', () => {
    const shuffled = [bands[2], bands[0], bands[3], bands[1]] as typeof bands;
    expect(grade(dec('89.99'), false, shuffled, '不合格')).toBe('良好');
    expect(grade(dec(90), false, shuffled, '不合格')).toBe('优秀');
  });

  test('takes decimal band minimums', () => {
    expect(grade(dec('59.99'), false, [{ grade: 'A', min: dec('59.99') }, { grade: 'B', min: 0 }], 'X')).toBe('A');
  });

  test('needs at least one band', () => {
    expectArgError(() => grade(dec(90), false, [], '不合格'), '#VALUE!', 'bands');
  });
});
