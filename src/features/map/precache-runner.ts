/**
 * Fetches a list of tile URLs into the service worker's tile cache, a few at
 * a time, with progress, cancel and a count of failures. Tiles already cached
 * are skipped, so a second run after a dropped connection only fetches the rest.
 * The cache and fetch are arguments, so this is tested in Node with fakes.
 */
import { TILE_CACHE_MAX_ENTRIES, TILE_REFERRER_POLICY } from '../../contracts/tiles';

/** What the runner needs from a `Cache` (a subset, so tests can fake it). */
export interface TileCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  keys(): Promise<readonly { url: string }[]>;
  delete(url: string): Promise<boolean>;
}

export interface PrecacheProgress {
  total: number;
  /** Fetched and stored, or found already cached. */
  done: number;
  failed: number;
}

export interface PrecacheOptions {
  cache: TileCache;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Kept low out of courtesy to the tile server (OSM allows two connections). */
  concurrency?: number;
  /** Ask with CORS (like Leaflet with `crossOrigin`), else accept opaque responses. */
  crossOrigin?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: PrecacheProgress) => void;
  maxEntries?: number;
}

export interface PrecacheResult extends PrecacheProgress {
  cancelled: boolean;
}

async function fetchOne(url: string, o: PrecacheOptions): Promise<boolean> {
  if (await o.cache.match(url)) return true;
  const response = await o.fetch(url, {
    mode: o.crossOrigin === false ? 'no-cors' : 'cors',
    credentials: 'omit',
    referrerPolicy: TILE_REFERRER_POLICY,
    ...(o.signal && { signal: o.signal }),
  });
  if (o.signal?.aborted) return false;
  // Status 0 is an opaque (no-CORS) answer: it cannot be checked, as the service worker accepts.
  if (response.status !== 200 && response.status !== 0) return false;
  await o.cache.put(url, response);
  return true;
}

/** Pre-caches `urls`; never throws for a single tile, it counts it as failed. */
export async function precacheTiles(
  urls: readonly string[],
  o: PrecacheOptions,
): Promise<PrecacheResult> {
  const progress: PrecacheProgress = { total: urls.length, done: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < urls.length && !o.signal?.aborted) {
      const url = urls[next++] ?? '';
      const ok = await fetchOne(url, o).catch(() => false);
      if (o.signal?.aborted) return;
      if (ok) progress.done++;
      else progress.failed++;
      o.onProgress?.({ ...progress });
    }
  };
  const lanes = Math.max(1, Math.min(o.concurrency ?? 2, urls.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  await trimCache(o.cache, o.maxEntries ?? TILE_CACHE_MAX_ENTRIES);
  return { ...progress, cancelled: o.signal?.aborted ?? false };
}

/**
 * Keeps the cache within its bound. The worker's ExpirationPlugin only counts
 * entries it has seen, so entries put here are trimmed here too: oldest first
 * (`keys()` lists in insertion order).
 */
export async function trimCache(cache: TileCache, maxEntries: number): Promise<number> {
  const keys = await cache.keys();
  const excess = keys.slice(0, Math.max(0, keys.length - maxEntries));
  for (const k of excess) await cache.delete(k.url);
  return excess.length;
}
