/**
 * The first screen's words (the header, the case list's frame, loading and
 * error lines) without i18next: read from the same messages i18next is given
 * (zh-CN.ts, en.ts), so they are the very same words — nothing changes when
 * i18next arrives a moment later for the other screens. Only plain keys: no
 * interpolation, no plurals (those screens load with i18next).
 */
import { useSyncExternalStore } from 'react';
import type { Language } from './language';
import { zhCN } from './zh-CN';

let current: { lng: Language; words: object } = { lng: 'zh-CN', words: zhCN };
const listeners = new Set<() => void>();

/** Sets the language of the shell's words (`words`: that language's app-wide messages). */
export function setShellWords(lng: Language, words: object): void {
  current = { lng, words };
  listeners.forEach((l) => l());
}

function lookup(words: object, key: string): string | undefined {
  let node: unknown = words;
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** The word for `key` in the shell's language (zh-CN when English lacks it; the key when neither has it). */
export function shellText(key: string): string {
  return lookup(current.words, key) ?? lookup(zhCN, key) ?? key;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** `t` for the shell's plain keys, re-rendering when the language changes. */
export function useShellT(): { t: (key: string) => string; lng: Language } {
  // The server snapshot: the build renders the first screen (src/app/first-screen.tsx).
  const state = useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
  return { t: shellText, lng: state.lng };
}
