import type { Locale } from '../../engine/messages';

/** Office reports e.g. "en-US", "zh-CN"; English for any English, Chinese otherwise. React-free, for the ribbon too. */
export const localeFromDisplayLanguage = (language: string | undefined): Locale => (language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');
