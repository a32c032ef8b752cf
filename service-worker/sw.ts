/**
 * The service worker: precaches the app shell, answers navigations with the
 * shell when offline, never caches the API, and activates a new version only
 * when the officer accepts the update (never a silent reload mid-case).
 */
import { cleanupOutdatedCaches } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { OUTBOX_SYNC_TAG, SW_MESSAGES } from '../src/contracts/sw-messages';
import {
  isTileRequest,
  TILE_CACHE_MAX_AGE_SECONDS,
  TILE_CACHE_MAX_ENTRIES,
  TILE_CACHE_NAME,
} from '../src/contracts/tiles';
import { precacheInLanes, type PrecacheEntry } from './precache';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: PrecacheEntry[];
};

const precache = precacheInLanes(self, self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation outside the API gets the app shell; the router takes over.
registerRoute(
  new NavigationRoute(precache.createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//],
  }),
);
// API requests are not routed here at all: they go to the network, uncached.

// Map tiles: CacheFirst into a bounded cache the page also pre-caches into.
// The matching rule is documented with `isTileRequest` in src/contracts/tiles.ts.
// Status 0 (opaque) is kept for tile servers without CORS.
registerRoute(
  ({ request, url }) =>
    isTileRequest({
      method: request.method,
      destination: request.destination,
      hostname: url.hostname,
      pathname: url.pathname,
    }),
  new CacheFirst({
    cacheName: TILE_CACHE_NAME,
    plugins: [
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({
        maxEntries: TILE_CACHE_MAX_ENTRIES,
        maxAgeSeconds: TILE_CACHE_MAX_AGE_SECONDS,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === SW_MESSAGES.skipWaiting
  ) {
    void self.skipWaiting();
  }
});

// The first install has no page to disturb, so take control at once; an
// update waits for SKIP_WAITING from the banner.
self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(self.clients.claim());
});

// Background Sync is only a wake-up hint (Safari has none): the outbox lives in
// the page, so the worker asks every open page to drain it. The page also
// drains on start, on `online`, on becoming visible and on a timer.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync', (event: Event) => {
  const e = event as SyncEvent;
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(
    self.clients
      .matchAll({ type: 'window', includeUncontrolled: true })
      .then((pages) =>
        pages.forEach((page) => page.postMessage({ type: SW_MESSAGES.drainOutbox })),
      ),
  );
});
