/**
 * What wakes the runner besides its own timer: the app coming back online,
 * the app becoming visible, and the service worker's `sync` event relayed as
 * `SW_MESSAGES.drainOutbox`. Background Sync is only a hint (Safari has none,
 * and losing the event changes nothing: start, online, visibility and the
 * timer all drain too). "Send now" calls `runner.drainNow('send-now')`.
 */
import { SW_MESSAGES } from '../contracts/sw-messages';
import type { SyncRunner } from './runner';

type Listens = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface TriggerEnv {
  window?: Listens;
  document?: Listens & { visibilityState: DocumentVisibilityState };
  serviceWorker?: Listens;
}

/** Tag of the Background Sync registration (the service worker relays its `sync` event). */
export { OUTBOX_SYNC_TAG } from '../contracts/sw-messages';
import { OUTBOX_SYNC_TAG } from '../contracts/sw-messages';

export function browserTriggerEnv(): TriggerEnv {
  const env: TriggerEnv = {};
  if (typeof window !== 'undefined') env.window = window;
  if (typeof document !== 'undefined') env.document = document;
  if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
    env.serviceWorker = navigator.serviceWorker;
  }
  return env;
}

/** True for the worker's "drain the outbox" message. */
export function isDrainMessage(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === SW_MESSAGES.drainOutbox
  );
}

/** Wires the triggers to the runner; answers a function that unwires them. */
export function wireSyncTriggers(
  runner: Pick<SyncRunner, 'drainNow'>,
  env: TriggerEnv = browserTriggerEnv(),
): () => void {
  const onOnline = () => void runner.drainNow('online');
  const onVisibility = () => {
    if (env.document?.visibilityState === 'visible') void runner.drainNow('visible');
  };
  const onMessage = (event: Event) => {
    if (isDrainMessage((event as MessageEvent).data)) void runner.drainNow('background-sync');
  };
  env.window?.addEventListener('online', onOnline);
  env.document?.addEventListener('visibilitychange', onVisibility);
  env.serviceWorker?.addEventListener('message', onMessage);
  return () => {
    env.window?.removeEventListener('online', onOnline);
    env.document?.removeEventListener('visibilitychange', onVisibility);
    env.serviceWorker?.removeEventListener('message', onMessage);
  };
}

/**
 * Asks the browser for a Background Sync wake-up (Chromium only; a hint, so
 * its absence or refusal is fine). Call after saving something to send.
 */
export async function requestBackgroundSync(
  registration: ServiceWorkerRegistration | undefined,
): Promise<boolean> {
  const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
    ?.sync;
  if (!sync) return false;
  try {
    await sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}
