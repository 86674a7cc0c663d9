/**
 * The language a person chose with the pane's 中文 / English switch, remembered per user: Office's
 * roaming settings in Excel (they follow the user to other machines), localStorage in the playground.
 * A store that fails (private mode, no Office) only means the choice is not remembered.
 */
import type { Locale } from '../engine/messages';

export interface PreferenceStore {
  get(key: string): unknown;
  set(key: string, value: string): void;
}

export const LANGUAGE_KEY = 'rubric-check.language';

const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en';

export function loadLanguage(store: PreferenceStore | undefined): Locale | undefined {
  try {
    const v = store?.get(LANGUAGE_KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function saveLanguage(store: PreferenceStore | undefined, locale: Locale): void {
  try {
    store?.set(LANGUAGE_KEY, locale);
  } catch {
    // Not remembered; the switch still works for this session.
  }
}

/** localStorage, when the browser allows it. */
export function localStorageStore(): PreferenceStore | undefined {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    return { get: (key) => storage.getItem(key), set: (key, value) => storage.setItem(key, value) };
  } catch {
    return undefined;
  }
}
