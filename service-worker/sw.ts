/**
 * The service worker: precaches the app shell, answers navigations with the
 * shell when offline, never caches the API, and activates a new version only
 * when the officer accepts the update (never a silent reload mid-case).
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SW_MESSAGES } from '../src/contracts/sw-messages';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation outside the API gets the app shell; the router takes over.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//],
  }),
);
// API requests are not routed here at all: they go to the network, uncached.

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
