/**
 * Day or night colours. `auto` follows the phone's dark mode
 * (`prefers-color-scheme`); `day` and `night` are the officer's choice in
 * Settings, remembered on the device and set as `data-theme` on <html>, which
 * `styles.css` reads. `theme-boot.js`, inlined first in index.html's <head>,
 * applies a stored choice before the first paint and must agree with this
 * module (same key, same values; theme.test.ts runs it): a reload at night
 * never flashes white.
 */
export const THEMES = ['auto', 'day', 'night'] as const;
export type Theme = (typeof THEMES)[number];

/** The localStorage key theme-boot.js reads too. */
export const THEME_KEY = 'kuaichu.theme';

export function isTheme(value: unknown): value is Theme {
  return THEMES.includes(value as Theme);
}

export function storedTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(THEME_KEY);
    return isTheme(saved) ? saved : 'auto';
  } catch {
    return 'auto';
  }
}

/** Applies a theme at once and remembers it (`auto` forgets the choice). */
export function setTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  try {
    if (theme === 'auto') globalThis.localStorage?.removeItem(THEME_KEY);
    else globalThis.localStorage?.setItem(THEME_KEY, theme);
  } catch {
    // Private mode without storage: the choice holds until the page closes.
  }
}
