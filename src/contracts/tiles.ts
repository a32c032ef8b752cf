/**
 * The map-tile cache shared by the service worker (which serves tiles
 * CacheFirst) and the page (which pre-caches an area into the same cache).
 *
 * The tile URL template is a runtime setting, so the worker cannot know the
 * host in advance. Its rule, `isTileRequest`: a GET is a tile when
 *   1. its host is a known tile host (or a subdomain of one), whatever the path
 *      — 天地图's WMTS / DataServer URLs carry z/x/y in the query; or
 *   2. it is an image request (`destination === 'image'`) whose path ends in
 *      `/{z}/{x}/{y}.png|jpg|jpeg|webp` (optionally `@2x`), the slippy-map layout
 *      of OpenStreetMap and most self-hosted tile servers.
 * The app's own files never reach this rule: the precache route answers first,
 * and `/api/` paths are excluded.
 */

export const TILE_CACHE_NAME = 'kuaichu-tiles';
/** Bound on the tile cache: about 60 MB at ~20 KB a tile. */
export const TILE_CACHE_MAX_ENTRIES = 3000;
export const TILE_CACHE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Hosts whose every GET is a tile (subdomains included). */
export const KNOWN_TILE_HOSTS = ['tile.openstreetmap.org', 'tianditu.gov.cn'] as const;

/**
 * The Referer a tile request carries: the app's origin only. The pages send
 * none across origins (Referrer-Policy: same-origin), but OpenStreetMap's tile
 * policy asks for one and a 天地图 browser key is bound to the site's domain.
 */
export const TILE_REFERRER_POLICY = 'strict-origin';

const SLIPPY_PATH = /\/\d{1,2}\/\d{1,7}\/\d{1,7}(@2x)?\.(png|jpe?g|webp)$/i;

export interface TileRequestInfo {
  method: string;
  /** `Request.destination`: 'image' for an <img>, '' for fetch(). */
  destination: string;
  hostname: string;
  pathname: string;
}

/** True when the service worker should answer this request from the tile cache. */
export function isTileRequest(r: TileRequestInfo): boolean {
  if (r.method !== 'GET' || r.pathname.startsWith('/api/')) return false;
  const host = r.hostname.toLowerCase();
  if (KNOWN_TILE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return true;
  return r.destination === 'image' && SLIPPY_PATH.test(r.pathname);
}
