/** The languages (zh-CN by default, English second) and the one chosen on this phone. */
export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'kuaichu.language';

export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}
