import { createContext, useContext } from 'react';
import type { Locale } from '../../engine/messages';
import { en } from './en';
import { zhCN, type UiKey, type UiStrings } from './zh-CN';

export type { UiKey, UiStrings } from './zh-CN';

export const stringsFor = (locale: Locale): UiStrings => (locale === 'en' ? en : zhCN);

export { localeFromDisplayLanguage } from './locale';

export type Translate = (key: UiKey, params?: Readonly<Record<string, string | number>>) => string;

export function translator(strings: UiStrings): Translate {
  return (key, params = {}) =>
    strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

export const LocaleContext = createContext<Locale>('zh-CN');

/** The pane's words in the pane's language. */
export function useT(): Translate {
  return translator(stringsFor(useContext(LocaleContext)));
}
