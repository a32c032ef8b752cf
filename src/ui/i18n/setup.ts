/**
 * i18next with zh-CN as the default and English second. The chosen language
 * is remembered on the device; `<html lang>` follows it for screen readers.
 * The app-wide English messages load on demand (a precached chunk, so also
 * offline): the first screen of a zh-CN phone needs only zh-CN.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, storedLanguage, type Language } from './language';
import { setShellWords } from './shell-words';
import { zhCN } from './zh-CN';

export { LANGUAGES, storedLanguage, type Language } from './language';

/**
 * A feature's own messages, under its own top-level key (e.g. `{ evidence: {…} }`),
 * so features never edit each other's files. English must have zh-CN's keys.
 */
export interface MessageBundle<T extends object = object> {
  'zh-CN': T;
  en: T;
}

/** The app-wide English messages. */
async function loadEnglish(): Promise<object> {
  const { en } = await import('./en');
  return en;
}

export async function setupI18n(
  bundles: readonly MessageBundle[] = [],
  lng: Language = storedLanguage(),
) {
  const zh = Object.assign({}, zhCN, ...bundles.map((b) => b['zh-CN'])) as object;
  const base = lng === 'en' ? await loadEnglish() : {};
  const english = Object.assign({}, base, ...bundles.map((b) => b.en)) as object;
  setShellWords(lng, lng === 'en' ? base : zhCN);
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh }, en: { translation: english } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

/** Adds a lazily loaded feature's messages (both languages) to what i18next knows. */
export function addMessages(bundle: MessageBundle): void {
  // Deep-merged and idempotent: loading a screen twice changes nothing.
  for (const lng of ['zh-CN', 'en'] as const) {
    i18next.addResourceBundle(lng, 'translation', bundle[lng], true, false);
  }
}

export async function changeLanguage(lng: Language): Promise<void> {
  const english = lng === 'en' ? await loadEnglish() : undefined;
  // Merged, never overwriting: features' English added since stays.
  if (english) i18next.addResourceBundle('en', 'translation', english, true, false);
  globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  await i18next.changeLanguage(lng);
  setShellWords(lng, english ?? zhCN);
  document.documentElement.lang = lng;
}
