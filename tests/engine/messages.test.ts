import { count } from '../../src/engine/args';
import { en } from '../../src/engine/messages/en';
import { isMessageKey, placeholders, t, type MessageKey } from '../../src/engine/messages';
import { zhCN } from '../../src/engine/messages/zh-CN';

const keys = Object.keys(zhCN) as MessageKey[];
const errorKeys = keys.filter((k) => k.startsWith('arg.') && k !== 'arg.ref' && k !== 'arg.refLabelled');

describe('message catalogues', () => {
  test('en has exactly the zh-CN keys', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  const used = (template: string): string[] => [...new Set(placeholders(template))].sort();
  test.each(keys)('%s uses the same placeholders in both locales', (key) => {
    expect(used(en[key])).toEqual(used(zhCN[key]));
  });

  test.each(errorKeys)('%s names the argument and says how to fix it', (key) => {
    expect(zhCN[key]).toContain('{argRef}');
    expect(zhCN[key]).toMatch(/请/);
    expect(en[key]).toContain('{argRef}');
  });

  test('t fills placeholders and leaves an unfilled one visible', () => {
    expect(t('arg.ref', { arg: 'cases' })).toBe('“cases”');
    expect(t('arg.ref', { arg: 'cases' }, 'en')).toBe('"cases"');
    expect(t('arg.refLabelled', { arg: 'cases' })).toBe('“cases”（{label}）');
  });

  test('t falls back to zh-CN for a locale it does not know', () => {
    expect(t('arg.ref', { arg: 'x' }, 'fr' as never)).toBe('“x”');
  });

  test('isMessageKey knows the catalogue', () => {
    expect(isMessageKey('arg.count.invalid')).toBe(true);
    expect(isMessageKey('argLabel.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  test('the count message reads as the product specifies', () => {
    expect(() => count('cases', -1)).toThrow(
      '参数“cases”（发现例数）应为 0 或正整数，收到“-1”。请填写发现的例数，如 0、1、2。',
    );
  });
});
