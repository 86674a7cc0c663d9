/**
 * The pane's per-user preferences in Office's roaming settings (per user and add-in, kept by Office
 * across machines). saveAsync is fire-and-forget: a failed save only means the choice is not remembered.
 */
import type { PreferenceStore } from '../taskpane/language-preference';

export function roamingStore(): PreferenceStore | undefined {
  const settings = typeof Office === 'undefined' ? undefined : Office.context?.roamingSettings;
  if (!settings) return undefined;
  return {
    get: (key) => settings.get(key) as unknown,
    set: (key, value) => {
      settings.set(key, value);
      settings.saveAsync();
    },
  };
}
