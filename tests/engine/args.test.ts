import {
  bandMode,
  bool,
  caseCounts,
  comparison,
  count,
  describeArg,
  displayValue,
  inRange,
  nonNegative,
  number,
  numberList,
  partInputs,
  positive,
  rate,
  requireNonEmpty,
  requireNonZeroTotal,
  requireNotAbove,
  requireSameLength,
  RubricArgError,
  tierChoice,
} from '../../src/engine/args';
import { D, dec, type Dec } from '../../src/engine/decimal';
import { expectArgError } from './arg-error';

const str = (d: Dec): string => d.toString();

describe('RubricArgError', () => {
  test('carries code, argument, value, key and both languages', () => {
    const err = expectArgError(() => count('cases', -1), '#NUM!', 'cases', '-1');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('RubricArgError');
    expect(err.value).toBe(-1);
    expect(err.key).toBe('arg.count.invalid');
    expect(err.localized()).toBe(err.message);
    expect(err.localized('en')).toBe(
      'Argument "cases" (cases found) should be 0 or a positive whole number, got "-1". Enter the number of cases found, such as 0, 1 or 2.',
    );
  });

  test('labels a nested argument by its last segment', () => {
    expect(describeArg('parts[1].cases')).toBe('“parts[1].cases”（发现例数）');
    expect(describeArg('cases[造成人员死亡]', 'en')).toBe('"cases[造成人员死亡]" (cases found)');
    expect(describeArg('mystery')).toBe('“mystery”');
  });

  test('quotes values back as typed', () => {
    expect(displayValue(undefined)).toBe('');
    expect(displayValue(null)).toBe('');
    expect(displayValue(true)).toBe('TRUE');
    expect(displayValue(-0)).toBe('0');
    expect(displayValue(NaN)).toBe('NaN');
    expect(displayValue(dec('1.50'))).toBe('1.5');
    expect(displayValue(BigInt(3))).toBe('3');
    expect(displayValue([1, 'a', 2, 3, 4, 5])).toBe('[1, a, 2, 3, 4, …]');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('number', () => {
  test.each([
    [2, '2'],
    [0.5, '0.5'],
    ['  2.5 ', '2.5'],
    ['-3', '-3'],
    ['.5', '0.5'],
    ['1e2', '100'],
    ['１５', '15'],
    [-0, '0'],
    [dec('0.25'), '0.25'],
  ])('accepts %p', (input, expected) => {
    expect(str(number('max', input))).toBe(expected);
  });

  test('never returns −0', () => {
    expect(number('max', -0).isNeg()).toBe(false);
    expect(number('max', '-0').isNeg()).toBe(false);
  });

  test.each([
    ['abc', 'abc'],
    ['2分', '2分'],
    ['1,000', '1,000'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [true, 'TRUE'],
    [[1], '[1]'],
    [new D(NaN), 'NaN'],
  ])('rejects %p with #VALUE!', (input, shown) => {
    expectArgError(() => number('max', input), '#VALUE!', 'max', shown);
  });

  test.each([undefined, null, '', '   '])('says %p is missing', (input) => {
    const err = expectArgError(() => number('max', input), '#VALUE!', 'max');
    expect(err.key).toBe('arg.number.missing');
    expect(err.message).toBe('参数“max”（满分）为空。请填写一个数字，如 2 或 0.5。');
  });
});

describe('count', () => {
  test.each([
    [0, '0'],
    [3, '3'],
    ['3', '3'],
    [3.0, '3'],
    ['4.0', '4'],
  ])('accepts %p', (input, expected) => {
    expect(str(count('cases', input))).toBe(expected);
  });

  test.each([
    [-1, '-1'],
    [2.5, '2.5'],
    ['-2', '-2'],
    [0.1, '0.1'],
  ])('rejects %p with #NUM!', (input, shown) => {
    expectArgError(() => count('cases', input), '#NUM!', 'cases', shown);
  });

  test.each([
    ['三', '三'],
    [true, 'TRUE'],
    [NaN, 'NaN'],
  ])('rejects %p with #VALUE!', (input, shown) => {
    expectArgError(() => count('cases', input), '#VALUE!', 'cases', shown);
  });

  test('says empty is missing instead of reading it as 0', () => {
    expect(expectArgError(() => count('cases', ''), '#VALUE!', 'cases').key).toBe('arg.count.missing');
    expect(expectArgError(() => count('cases', null), '#VALUE!', 'cases').key).toBe('arg.count.missing');
  });
});

describe('positive and nonNegative', () => {
  test('positive accepts above 0 only', () => {
    expect(str(positive('step', '0.01'))).toBe('0.01');
    expectArgError(() => positive('step', 0), '#NUM!', 'step', '0');
    expectArgError(() => positive('step', -0.1), '#NUM!', 'step', '-0.1');
    expectArgError(() => positive('step', 'x'), '#VALUE!', 'step', 'x');
    expectArgError(() => positive('step', undefined), '#VALUE!', 'step');
  });

  test('nonNegative accepts 0 and above', () => {
    expect(str(nonNegative('perCase', 0))).toBe('0');
    expect(str(nonNegative('perCase', '0.5'))).toBe('0.5');
    expectArgError(() => nonNegative('perCase', -0.5), '#NUM!', 'perCase', '-0.5');
    expectArgError(() => nonNegative('perCase', false), '#VALUE!', 'perCase', 'FALSE');
  });
});

describe('rate', () => {
  test.each([
    [0.15, '0.15'],
    [15, '0.15'],
    ['15%', '0.15'],
    [' 15 % ', '0.15'],
    ['15', '0.15'],
    ['0.15', '0.15'],
    ['１５％', '0.15'],
    [1, '1'],
    ['1', '1'],
    [100, '1'],
    ['100%', '1'],
    [0, '0'],
    ['0%', '0'],
    ['1%', '0.01'],
    [1.5, '0.015'],
    [0.06, '0.06'],
    [6, '0.06'],
    [99.99, '0.9999'],
  ])('reads %p as the fraction %s', (input, expected) => {
    expect(str(rate('rate', input))).toBe(expected);
  });

  test.each([
    [101, '101'],
    ['101%', '101%'],
    [100.01, '100.01'],
    [-0.1, '-0.1'],
    ['-5%', '-5%'],
    [-1, '-1'],
  ])('rejects %p as outside 0–100%% with #NUM!', (input, shown) => {
    const err = expectArgError(() => rate('rate', input), '#NUM!', 'rate', shown);
    expect(err.key).toBe('arg.rate.outOfRange');
  });

  test.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [true, 'TRUE'],
    ['abc', 'abc'],
    ['15%%', '15%%'],
    ['%', '%'],
  ])('rejects %p with #VALUE!', (input, shown) => {
    expectArgError(() => rate('rate', input), '#VALUE!', 'rate', shown);
  });

  test.each([undefined, null, ''])('says %p is missing', (input) => {
    expect(expectArgError(() => rate('rate', input), '#VALUE!', 'rate').key).toBe('arg.rate.missing');
  });
});

describe('comparison', () => {
  test.each([
    ['>', '>'],
    ['>=', '>='],
    ['<', '<'],
    ['<=', '<='],
    ['＞', '>'],
    ['＜', '<'],
    ['≥', '>='],
    ['≧', '>='],
    ['≤', '<='],
    ['≦', '<='],
    ['＞＝', '>='],
    [' > = ', '>='],
    ['不低于', '>='],
    ['大于', '>'],
  ])('reads %p as %s', (input, expected) => {
    expect(comparison('comparison', input)).toBe(expected);
  });

  test.each([
    ['=', '='],
    ['=>', '=>'],
    ['gt', 'gt'],
    [5, '5'],
  ])('rejects %p with #VALUE!', (input, shown) => {
    expectArgError(() => comparison('comparison', input), '#VALUE!', 'comparison', shown);
  });

  test('says empty is missing', () => {
    expect(expectArgError(() => comparison('comparison', ' '), '#VALUE!', 'comparison').key).toBe('arg.comparison.missing');
  });
});

describe('bandMode', () => {
  test.each([
    [undefined, 'full'],
    [null, 'full'],
    ['', 'full'],
    ['full', 'full'],
    ['FULL', 'full'],
    ['完整', 'full'],
    ['满', 'full'],
    ['started', 'started'],
    [' Started ', 'started'],
    ['进一', 'started'],
  ])('reads %p as %s', (input, expected) => {
    expect(bandMode('mode', input)).toBe(expected);
  });

  test.each([
    ['half', 'half'],
    [1, '1'],
  ])('rejects %p with #VALUE!', (input, shown) => {
    expectArgError(() => bandMode('mode', input), '#VALUE!', 'mode', shown);
  });
});

describe('bool', () => {
  test.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['TRUE', true],
    ['false', false],
    ['True', true],
    ['1', true],
    ['0', false],
    ['是', true],
    ['否', false],
    ['√', true],
    ['×', false],
    ['Y', true],
    ['n', false],
    ['yes', true],
    [' 是 ', true],
  ])('reads %p as %p', (input, expected) => {
    expect(bool('met', input)).toBe(expected);
  });

  test.each([
    [2, '2'],
    [0.5, '0.5'],
    ['maybe', 'maybe'],
    ['对', '对'],
    [NaN, 'NaN'],
  ])('rejects %p with #VALUE!', (input, shown) => {
    expectArgError(() => bool('met', input), '#VALUE!', 'met', shown);
  });

  test.each([undefined, null, ''])('says %p is missing rather than reading it as 否', (input) => {
    expect(expectArgError(() => bool('met', input), '#VALUE!', 'met').key).toBe('arg.bool.missing');
  });
});

describe('relational checks', () => {
  test('inRange accepts the ends and rejects outside with #NUM! naming the range', () => {
    expect(str(inRange('score', '5', dec(0), dec(5)))).toBe('5');
    expect(str(inRange('score', 0, dec(0), dec(5)))).toBe('0');
    const err = expectArgError(() => inRange('score', 5.01, dec(0), dec(5)), '#NUM!', 'score', '5.01');
    expect(err.message).toContain('应在 0 到 5 之间');
    expectArgError(() => inRange('score', -0.01, dec(0), dec(5)), '#NUM!', 'score', '-0.01');
    expectArgError(() => inRange('score', 'x', dec(0), dec(5)), '#VALUE!', 'score', 'x');
  });

  test('requireNotAbove names both arguments', () => {
    expect(() => requireNotAbove('compliant', dec(3), 'total', dec(3))).not.toThrow();
    const err = expectArgError(() => requireNotAbove('compliant', dec(4), 'total', dec(3)), '#NUM!', 'compliant');
    expect(err.message).toContain('“total”（总数）');
    expect(err.localized('en')).toContain('"total" (total)');
  });

  test('requireNonZeroTotal says a proportion of nothing cannot be scored', () => {
    expect(() => requireNonZeroTotal('total', dec(1))).not.toThrow();
    const err = expectArgError(() => requireNonZeroTotal('total', dec(0)), '#NUM!', 'total');
    expect(err.message).toContain('总数为 0，无法按比例计算');
  });

  test('requireSameLength and requireNonEmpty', () => {
    expect(() => requireSameLength('thresholds', [1, 2], 'points', [1, 2])).not.toThrow();
    const err = expectArgError(() => requireSameLength('thresholds', [1, 2], 'points', [1]), '#VALUE!', 'thresholds');
    expect(err.message).toContain('有 2 项');
    expect(err.message).toContain('“points”（分值）有 1 项');
    expectArgError(() => requireNonEmpty('bands', []), '#VALUE!', 'bands');
  });
});

describe('numberList', () => {
  test('flattens a range, skipping empty cells', () => {
    expect(numberList('values', [[1, ''], [null, '2.5'], [undefined, ' ']]).map(str)).toEqual(['1', '2.5']);
    expect(numberList('values', 3).map(str)).toEqual(['3']);
    expect(numberList('values', null)).toEqual([]);
    expect(numberList('values', [])).toEqual([]);
  });

  test('names a bad cell by its position', () => {
    expectArgError(() => numberList('values', [[1, 2], [3, '好']]), '#VALUE!', 'values[1][1]', '好');
    expectArgError(() => numberList('values', [1, true]), '#VALUE!', 'values[1]', 'TRUE');
    expectArgError(() => numberList('values', { a: 1 }), '#VALUE!', 'values');
  });
});

describe('tierChoice', () => {
  const labels = ['2名以上持证', '1名持证'];
  test.each([
    ['2名以上持证', 0],
    [' 1名持证 ', 1],
    [1, 0],
    ['2', 1],
    [0, -1],
    ['0', -1],
  ])('reads %p as index %p', (input, expected) => {
    expect(tierChoice('tier', input, labels)).toBe(expected);
  });

  test('rejects an unknown tier and lists the options', () => {
    const err = expectArgError(() => tierChoice('tier', 3, labels), '#VALUE!', 'tier', '3');
    expect(err.message).toContain('1=2名以上持证、2=1名持证');
    expectArgError(() => tierChoice('tier', 1.5, labels), '#VALUE!', 'tier', '1.5');
    expectArgError(() => tierChoice('tier', true, labels), '#VALUE!', 'tier', 'TRUE');
    expect(expectArgError(() => tierChoice('tier', '', labels), '#VALUE!', 'tier').key).toBe('arg.tier.missing');
  });
});

describe('caseCounts', () => {
  const labels = ['造成人身伤害', '造成人员死亡'];
  test('takes an array in order, or an object by label', () => {
    expect(caseCounts('cases', [1, '2'], labels).map(str)).toEqual(['1', '2']);
    expect(caseCounts('cases', { 造成人员死亡: 1 }, labels).map(str)).toEqual(['0', '1']);
    expect(caseCounts('cases', 2, ['人情保']).map(str)).toEqual(['2']);
  });

  test('rejects a shape that does not match the case types', () => {
    expectArgError(() => caseCounts('cases', [1], labels), '#VALUE!', 'cases', '[1]');
    expectArgError(() => caseCounts('cases', 1, labels), '#VALUE!', 'cases', '1');
    const err = expectArgError(() => caseCounts('cases', { 受伤: 1 }, labels), '#VALUE!', 'cases');
    expect(err.message).toContain('“受伤”不在扣分情形（造成人身伤害、造成人员死亡）之中');
    expectArgError(() => caseCounts('cases', [1, -1], labels), '#NUM!', 'cases[造成人员死亡]', '-1');
    expectArgError(() => caseCounts('cases', { 造成人员死亡: 0.5 }, labels), '#NUM!', 'cases[造成人员死亡]', '0.5');
  });
});

describe('partInputs', () => {
  test('takes one object per part, a missing one standing for no inputs', () => {
    expect(partInputs('parts', [{ met: true }, null], 2)).toEqual([{ met: true }, {}]);
  });

  test.each([[undefined], [[{}]], [[{}, 1]], [[{}, []]], ['x']])('rejects %p', (input) => {
    expectArgError(() => partInputs('parts', input, 2), '#VALUE!', 'parts');
  });
});

test('every checker throws RubricArgError, never returns NaN or a silent 0', () => {
  const bad: unknown[] = [undefined, null, '', 'x', NaN, Infinity, {}, [], true];
  const checkers = [number, count, positive, nonNegative, rate] as const;
  for (const check of checkers) {
    for (const value of bad) {
      expect(() => check('x', value)).toThrow(RubricArgError);
    }
  }
  for (const value of bad.filter((v) => v !== true)) expect(() => bool('x', value)).toThrow(RubricArgError);
  for (const value of bad) expect(() => comparison('x', value)).toThrow(RubricArgError);
});
