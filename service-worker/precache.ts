/**
 * The app shell's precache, installed a few files at a time. Workbox's own
 * install (`precacheAndRoute`) fetches its list one file after another
 * (workbox issue 2528: many at once once ran some browsers out of memory);
 * with about 150 files that is 150 round trips before the phone works
 * offline, 7–10 s on a loaded 2-core machine and longer on a slow mobile
 * link. Here `PRECACHE_LANES` fetches run side by side, as a page loading its
 * own chunks would; everything else (cache names, cache keys, revisions, the
 * clean-up of files no longer listed, the route that answers from the cache)
 * is Workbox's.
 */
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

/** One precache entry as vite-plugin-pwa injects it (`revision` null for hashed file names). */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** How many precache fetches run at once: a browser's per-host connection limit. */
export const PRECACHE_LANES = 6;

/**
 * Precaches `entries` and answers their requests from the cache: the files
 * are fetched `lanes` at a time on install, and entries no longer listed are
 * deleted on activate. Returns the controller (for handlers bound to a URL).
 */
export function precacheInLanes(
  scope: ServiceWorkerGlobalScope,
  entries: readonly PrecacheEntry[],
  lanes = PRECACHE_LANES,
): PrecacheController {
  const controller = new PrecacheController();
  controller.addToCacheList([...entries]);
  registerRoute(new PrecacheRoute(controller));
  scope.addEventListener('install', (event: ExtendableEvent) => {
    event.waitUntil(installInLanes(controller, scope, entries, event, lanes));
  });
  // `activate` holds the event open itself (Workbox's waitUntil).
  scope.addEventListener('activate', (event: ExtendableEvent) => void controller.activate(event));
  return controller;
}

async function installInLanes(
  controller: PrecacheController,
  scope: ServiceWorkerGlobalScope,
  entries: readonly PrecacheEntry[],
  event: ExtendableEvent,
  lanes: number,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let entry = entries[next++]; entry; entry = entries[next++]) {
      const url = new URL(entry.url, scope.location.href).href;
      const cacheKey = controller.getCacheKeyForURL(url);
      if (!cacheKey) continue;
      // As Workbox asks: a file with a revision bypasses the HTTP cache.
      const request = new Request(url, {
        integrity: controller.getIntegrityForCacheKey(cacheKey) ?? '',
        cache: entry.revision ? 'reload' : 'default',
        credentials: 'same-origin',
      });
      await Promise.all(controller.strategy.handleAll({ params: { cacheKey }, request, event }));
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}
