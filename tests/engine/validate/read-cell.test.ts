import { isPercentFormat, readCell, readVeto } from '../../../src/engine/validate/read-cell';
import { findPii, isIdNumber } from '../../../src/engine/validate/pii';
import { GridSheet } from '../../../src/engine/sheet/sheet-model';

describe('readCell', () => {
  test.each([
    [2, '2'],
    [0.1 + 0.2, '0.3'], // 0.30000000000000004 is binary noise past Excel's 15 digits
    [95.00000000000001, '95'],
    ['1.5', '1.5'],
    [' ２．５ ', '2.5'],
    ['−2', '-2'],
    [-0, '0'],
  ])('%p is the number %s', (value, text) => {
    const r = readCell(value);
    expect(r.kind).toBe('number');
    expect(r.kind === 'number' && r.value.toString()).toBe(text);
  });

  test.each([
    ['2分', '2', 'unit'],
    ['1.5 分', '1.5', 'unit'],
    [' ２．５分 ', '2.5', 'unit'],
    ['得2分', '2', 'unit'],
    ['25分', '25', 'unit'],
    ['-2分', '-2', 'unit'],
    ['扣2分', '-2', 'deduction'],
    ['扣 0.5 分', '-0.5', 'deduction'],
  ])('%p as people type it is the number %s, marked as written with its unit', (value, text, written) => {
    const r = readCell(value);
    expect(r.kind === 'number' && [r.value.toString(), r.written, r.text]).toEqual([text, written, value.trim()]);
  });

  test.each([
    ['0%', true],
    ['0.00%', true],
    ['0.0%;[Red]-0.0%', true],
    ['0.00"%"', false],
    ['0\\%', false],
    ['General', false],
    [undefined, false],
  ])('number format %p shows a percentage: %p', (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });

  test.each([
    [null, 'empty'],
    ['   ', 'empty'],
    [{ error: '#N/A' }, 'error'],
    ['两分', 'text'],
    ['两分', 'text'],
    ['50%', 'text'],
    ['2分以上', 'text'],
    [true, 'text'],
    ['不适用', 'notApplicable'],
    ['N/A', 'notApplicable'],
    ['—', 'notApplicable'],
    [Number.NaN, 'text'],
  ])('%p reads as %s', (value, kind) => {
    expect(readCell(value).kind).toBe(kind);
  });

  test.each([
    ['是', true],
    ['√', true],
    ['TRUE', true],
    [true, true],
    ['有', true],
    [1, true],
    ['否', false],
    ['×', false],
    [false, false],
    ['无', false],
    [null, false],
    [0, false],
    ['待定', undefined],
    [{ error: '#REF!' }, undefined],
  ])('veto %p → %p', (value, expected) => {
    expect(readVeto(value)).toBe(expected);
  });
});

describe('personal data', () => {
  // The GB 11643-1999 example number; its check character X follows from the weighted sum mod 11.
  const VALID_ID = '11010519491231002X';

  test('an 18-digit number with the right check character and a real birth date is an ID number', () => {
    expect(isIdNumber(VALID_ID)).toBe(true);
    expect(isIdNumber(VALID_ID.toLowerCase())).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false); // wrong check character
    expect(isIdNumber('110105194913310028')).toBe(false); // month 13
  });

  test('flags IDs and mobile numbers only with no digit right before or after', () => {
    const sheet = GridSheet.fromValues('s', [
      [`户主${VALID_ID}`, '电话13812345678', '编号913812345678', '13812345678 9'],
      ['12812345678', 13912345678, `${VALID_ID}1`, '账号 138123456789'],
    ]);
    expect(findPii(sheet).map((h) => [h.row, h.col, h.kind, h.masked])).toEqual([
      [0, 0, 'id', '110105********002X'],
      [0, 1, 'phone', '138****5678'],
      [0, 3, 'phone', '138****5678'],
      [1, 1, 'phone', '139****5678'],
    ]);
  });
});
