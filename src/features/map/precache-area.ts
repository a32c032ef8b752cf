/**
 * Which tiles cover an area: the slippy-map (Web Mercator, OSM) tile math that
 * lets an officer on Wi-Fi pre-cache the map around a spot before driving
 * into a valley without signal. Pure: tested in Node.
 */

/** Web Mercator stops at ±85.0511°, where the square world map ends. */
const MAX_LAT = 85.05112878;
const KM_PER_DEGREE_LAT = 111.32;

/** Above this many tiles a pre-cache is refused: it would flood the server and the phone. */
export const MAX_PRECACHE_TILES = 2000;
/** A rough average for a 256 px raster tile (OSM street tiles are 5–40 KB). */
export const AVERAGE_TILE_BYTES = 20_000;
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 19;

export interface Tile {
  z: number;
  x: number;
  y: number;
}

export interface BBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

export type TilePlan =
  | { ok: true; tiles: Tile[]; count: number; estimatedBytes: number }
  | { ok: false; reason: 'too-many'; count: number; max: number }
  | { ok: false; reason: 'no-zoom' | 'bad-area'; count: 0; max: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The tile column and row holding a point at zoom `z`. */
export function tileAt(lat: number, lng: number, z: number): Tile {
  const n = 2 ** z;
  const rad = (clamp(lat, -MAX_LAT, MAX_LAT) * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x: clamp(x, 0, n - 1), y: clamp(y, 0, n - 1) };
}

/** A box around a centre, `radiusKm` to each side (good enough below ~80° latitude). */
export function bboxAround(lat: number, lng: number, radiusKm: number): BBox {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const dLng = radiusKm / (KM_PER_DEGREE_LAT * cos);
  return {
    south: clamp(lat - dLat, -MAX_LAT, MAX_LAT),
    north: clamp(lat + dLat, -MAX_LAT, MAX_LAT),
    west: clamp(lng - dLng, -180, 180),
    east: clamp(lng + dLng, -180, 180),
  };
}

function rangeAt(box: BBox, z: number) {
  const nw = tileAt(box.north, box.west, z);
  const se = tileAt(box.south, box.east, z);
  return { x0: nw.x, x1: se.x, y0: nw.y, y1: se.y };
}

/** How many tiles cover `box` at `zooms`, without listing them. */
export function countTiles(box: BBox, zooms: readonly number[]): number {
  return [...new Set(zooms)].reduce((n, z) => {
    const r = rangeAt(box, z);
    return n + (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
  }, 0);
}

function isValidBox(b: BBox): boolean {
  const finite = [b.south, b.west, b.north, b.east].every(Number.isFinite);
  return finite && b.south <= b.north && b.west <= b.east;
}

/**
 * The tiles covering `box` at each zoom level, lowest zoom first, or a refusal
 * when there would be more than `maxTiles`.
 */
export function planTiles(
  box: BBox,
  zooms: readonly number[],
  maxTiles: number = MAX_PRECACHE_TILES,
): TilePlan {
  const levels = [...new Set(zooms)]
    .filter((z) => Number.isInteger(z) && z >= MIN_ZOOM && z <= MAX_ZOOM)
    .sort((a, b) => a - b);
  if (!isValidBox(box)) return { ok: false, reason: 'bad-area', count: 0, max: maxTiles };
  if (levels.length === 0) return { ok: false, reason: 'no-zoom', count: 0, max: maxTiles };
  const count = countTiles(box, levels);
  if (count > maxTiles) return { ok: false, reason: 'too-many', count, max: maxTiles };
  const tiles: Tile[] = [];
  for (const z of levels) {
    const r = rangeAt(box, z);
    for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) tiles.push({ z, x, y });
  }
  return { ok: true, tiles, count, estimatedBytes: count * AVERAGE_TILE_BYTES };
}

/**
 * The URL Leaflet would request for `tile`, so the pre-cached entry is the one
 * the map asks for: same `{s}` choice as Leaflet (`|x + y| mod n`), `{r}` empty
 * (no retina tiles), `{-y}` for TMS servers.
 */
export function tileUrl(template: string, tile: Tile, subdomains: string = 'abc'): string {
  const sub =
    subdomains.length > 0 ? subdomains[Math.abs(tile.x + tile.y) % subdomains.length] : '';
  const tmsY = 2 ** tile.z - 1 - tile.y;
  return template
    .replaceAll('{s}', sub ?? '')
    .replaceAll('{z}', String(tile.z))
    .replaceAll('{x}', String(tile.x))
    .replaceAll('{-y}', String(tmsY))
    .replaceAll('{y}', String(tile.y))
    .replaceAll('{r}', '');
}
