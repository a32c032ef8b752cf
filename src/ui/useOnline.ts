import { useSyncExternalStore } from 'react';

/**
 * Whether the phone has a network that reaches the server, as far as is known.
 *
 * `navigator.onLine` alone is not enough: it is false only when the phone
 * surely has no network, and a phone on a mast with no backhaul — the rural
 * road this app is for — reports true while every request fails (so does a
 * page reloaded with the network off in Chromium 150). So the shell's probe
 * (src/app/reachability.ts) reports here whether the server answered, and the
 * phone counts as offline when either says so. A hint for the screens: only a
 * receipt proves a case arrived.
 */
let unreachable = false;
const listeners = new Set<() => void>();
const regained = new Set<() => void>();
/**
 * The link came back while nobody listened: the sync code loads a moment
 * after the first screen, and a return in between would otherwise reach no
 * one (cases backed off for hours would wait out their backoff).
 */
let missedReturn = false;

/** Records whether the last probe of the server failed for want of a network. */
export function setUnreachable(value: boolean): void {
  if (unreachable === value) return;
  unreachable = value;
  listeners.forEach((l) => l());
  if (!value) {
    noteReturnIfUnheard();
    regained.forEach((l) => l());
  }
}

/**
 * The browser said it is online again (its `online` event). Whoever listens
 * for returns heard the event itself; this only keeps it for a first
 * listener still to come.
 */
export function noteReturnIfUnheard(): void {
  if (regained.size === 0) missedReturn = true;
}

/**
 * Calls `listener` when the server answers again after a failed probe: the
 * link's return, which may come with no `online` event (the browser never
 * thought it was gone). A return that came before the first listener is told
 * to it at once (in a microtask). Answers the unsubscribe.
 */
export function onRegained(listener: () => void): () => void {
  regained.add(listener);
  if (missedReturn) {
    missedReturn = false;
    queueMicrotask(listener);
  }
  return () => regained.delete(listener);
}

export const isUnreachable = (): boolean => unreachable;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const snapshot = () => navigator.onLine && !unreachable;

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
