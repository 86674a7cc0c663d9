import { en } from '../../src/taskpane/strings/en';
import { zhCN } from '../../src/taskpane/strings/zh-CN';
import { localeFromDisplayLanguage, translator } from '../../src/taskpane/strings';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('pane strings', () => {
  it('English has the same placeholders as Chinese for every key', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(zhCN[key])]);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    const t = translator(zhCN);
    expect(t('cleared', { count: 3 })).toContain('已清除 3 个单元格');
    expect(t('cleared')).toContain('{count}');
  });

  it('English for any English display language, Chinese otherwise', () => {
    expect(localeFromDisplayLanguage('en-US')).toBe('en');
    expect(localeFromDisplayLanguage('EN-gb')).toBe('en');
    expect(localeFromDisplayLanguage('zh-CN')).toBe('zh-CN');
    expect(localeFromDisplayLanguage('fr-FR')).toBe('zh-CN');
    expect(localeFromDisplayLanguage(undefined)).toBe('zh-CN');
  });
});
