import { describe, expect, it } from 'vitest';
import { SW_MESSAGES } from '../contracts/sw-messages';
import { requestBackgroundSync, wireSyncTriggers, OUTBOX_SYNC_TAG } from './triggers';

function env() {
  const doc = Object.assign(new EventTarget(), {
    visibilityState: 'hidden' as DocumentVisibilityState,
  });
  return { window: new EventTarget(), document: doc, serviceWorker: new EventTarget() };
}

const message = (data: unknown) => Object.assign(new Event('message'), { data });

describe('wireSyncTriggers', () => {
  it('drains on online, on becoming visible and on the service worker’s drain message', () => {
    const reasons: string[] = [];
    const e = env();
    const unwire = wireSyncTriggers({ drainNow: (r) => (reasons.push(r), Promise.resolve()) }, e);

    e.window.dispatchEvent(new Event('online'));
    e.document.dispatchEvent(new Event('visibilitychange')); // hidden: no drain
    e.document.visibilityState = 'visible';
    e.document.dispatchEvent(new Event('visibilitychange'));
    e.serviceWorker.dispatchEvent(message({ type: SW_MESSAGES.drainOutbox }));
    e.serviceWorker.dispatchEvent(message({ type: SW_MESSAGES.skipWaiting }));
    e.serviceWorker.dispatchEvent(message('DRAIN_OUTBOX'));

    expect(reasons).toEqual(['online', 'visible', 'background-sync']);
    unwire();
    e.window.dispatchEvent(new Event('online'));
    expect(reasons).toHaveLength(3);
  });
});

describe('requestBackgroundSync', () => {
  it('registers the outbox tag where Background Sync exists, and is fine without it (Safari)', async () => {
    const tags: string[] = [];
    const withSync = { sync: { register: (tag: string) => (tags.push(tag), Promise.resolve()) } };
    expect(await requestBackgroundSync(withSync as unknown as ServiceWorkerRegistration)).toBe(
      true,
    );
    expect(tags).toEqual([OUTBOX_SYNC_TAG]);
    expect(await requestBackgroundSync({} as ServiceWorkerRegistration)).toBe(false);
    expect(await requestBackgroundSync(undefined)).toBe(false);
    const refusing = { sync: { register: () => Promise.reject(new Error('denied')) } };
    expect(await requestBackgroundSync(refusing as unknown as ServiceWorkerRegistration)).toBe(
      false,
    );
  });
});
