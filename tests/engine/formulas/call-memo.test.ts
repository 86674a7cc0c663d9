import { CallMemo, callKey } from '../../../src/engine/formulas/call-memo';

describe('callKey', () => {
  test('tells apart values that print alike', () => {
    const keys = [
      callKey('F', [1]),
      callKey('F', ['1']),
      callKey('F', [true]),
      callKey('F', ['TRUE']),
      callKey('F', [null]),
      callKey('F', ['null']),
      callKey('F', [1, 2]),
      callKey('F', ['1\u0001#2']),
      callKey('G', [1]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('has no key for a range or other object', () => {
    expect(callKey('F', [1, [[2]]])).toBeUndefined();
    expect(callKey('F', [{}])).toBeUndefined();
  });
});

describe('CallMemo', () => {
  test('returns what was stored', () => {
    const memo = new CallMemo<number>();
    expect(memo.get('a')).toBeUndefined();
    memo.set('a', 0.8);
    expect(memo.get('a')).toBe(0.8);
  });

  test('starts afresh at its limit', () => {
    const memo = new CallMemo<number>({ limit: 2 });
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect(memo.size).toBe(1);
    expect(memo.get('a')).toBeUndefined();
    expect(memo.get('c')).toBe(3);
  });

  test('stands aside after a sample with more misses than hits, then samples again', () => {
    const memo = new CallMemo<number>({ sample: 4, pause: 3 });
    memo.set('x', 1);
    for (const k of ['a', 'b', 'c', 'x']) memo.get(k); // 1 hit, 3 misses
    expect([memo.worthLooking(), memo.worthLooking(), memo.worthLooking()]).toEqual([false, false, false]);
    expect(memo.worthLooking()).toBe(true);
    expect(memo.size).toBe(0);
  });

  test('keeps looking while calls repeat', () => {
    const memo = new CallMemo<number>({ sample: 4, pause: 3 });
    memo.set('x', 1);
    for (let i = 0; i < 8; i++) memo.get('x');
    expect(memo.worthLooking()).toBe(true);
    expect(memo.get('x')).toBe(1);
  });

  test('clear forgets entries and any pause', () => {
    const memo = new CallMemo<number>({ sample: 1, pause: 5 });
    memo.get('a');
    memo.set('b', 1);
    memo.clear();
    expect(memo.worthLooking()).toBe(true);
    expect(memo.get('b')).toBeUndefined();
  });
});
