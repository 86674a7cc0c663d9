import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey, Messages } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** The placeholders a template uses, e.g. ['argRef', 'value']. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/**
 * The message for `key` in `locale`, `{name}` replaced from `params`. A placeholder without a param
 * stays visible as `{name}` so a missing param shows up in review instead of vanishing.
 * An unknown locale (from untyped callers) falls back to zh-CN, the product's primary language.
 */
export function t(key: MessageKey, params: MessageParams = {}, locale: Locale = 'zh-CN'): string {
  const template = (catalogues[locale] ?? zhCN)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
