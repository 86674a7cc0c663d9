import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../../engine/messages';
import { loadLanguage, saveLanguage, type PreferenceStore } from '../language-preference';

/** The pane's language: the person's remembered choice, else `fallback`; a change is remembered and sets <html lang>. */
export function useLanguage(store: PreferenceStore | undefined, fallback: Locale): [Locale, (locale: Locale) => void] {
  const [locale, setLocale] = useState<Locale>(() => loadLanguage(store) ?? fallback);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const choose = useCallback(
    (next: Locale) => {
      saveLanguage(store, next);
      setLocale(next);
    },
    [store],
  );
  return [locale, choose];
}
