/**
 * Where map tiles come from: a URL template kept on the device (a device
 * setting in src/storage), validated before it is saved and parsed again when
 * read back. The map draws with it; Settings edits it.
 *
 * Presets: OpenStreetMap (no key; its tile policy forbids bulk downloads, so
 * pre-cache only small areas from it, or point the template at your own tile
 * server) and 天地图 vector, which needs a browser key (`tk`) from
 * https://console.tianditu.gov.cn/ — the key is kept apart and put into the
 * URL's `{tk}`. Both use WGS-84/CGCS2000 coordinates, so raw GPS positions land
 * in the right place (高德/百度 tiles are offset and would not).
 */
import * as z from 'zod/mini';
import { readDeviceSetting, writeDeviceSetting } from '../storage/device-settings';

const STORE_KEY = 'kuaichu.map.tileSettings';

export const TILE_PRESETS = {
  osm: {
    template: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    subdomains: '',
    attribution:
      '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    crossOrigin: true,
  },
  'tianditu-vec': {
    template: 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk={tk}',
    subdomains: '01234567',
    attribution: '&copy; <a href="https://www.tianditu.gov.cn/">天地图</a>',
    crossOrigin: true,
  },
} as const;
export type TilePreset = keyof typeof TILE_PRESETS | 'custom';

export const TileSettings = z.object({
  schemaVersion: z.literal(1),
  preset: z.enum(['osm', 'tianditu-vec', 'custom']),
  /** Leaflet URL template: {z} {x} {y} required; {s} {r} {-y} {tk} optional. */
  template: z.string(),
  /** The 天地图 key (or any server's key), put into `{tk}`. */
  key: z.string(),
  subdomains: z.string(),
  attribution: z.string(),
  /** Ask tiles with CORS: smaller cache entries; the server must allow it. */
  crossOrigin: z.boolean(),
});
export type TileSettings = z.infer<typeof TileSettings>;

export function presetSettings(preset: keyof typeof TILE_PRESETS, key = ''): TileSettings {
  return { schemaVersion: 1, preset, key, ...TILE_PRESETS[preset] };
}

export const DEFAULT_TILE_SETTINGS: TileSettings = presetSettings('osm');

export type TileField = 'template' | 'key' | 'subdomains';
export type TileSettingsProblem =
  | { field: 'template'; reason: 'missing-placeholders'; missing: string[] }
  | { field: 'template'; reason: 'not-http' | 'not-a-url' }
  | { field: 'key'; reason: 'required' }
  | { field: 'subdomains'; reason: 'required' };

const REQUIRED = ['{z}', '{x}', '{y}'] as const;

/** Every problem with the settings, each naming its field; empty when they can be saved. */
export function validateTileSettings(s: TileSettings): TileSettingsProblem[] {
  const problems: TileSettingsProblem[] = [];
  const template = s.template.trim();
  // `{-y}` (TMS row order) stands for `{y}`.
  const missing = REQUIRED.filter(
    (p) => !template.includes(p) && !(p === '{y}' && template.includes('{-y}')),
  );
  if (missing.length > 0) {
    problems.push({ field: 'template', reason: 'missing-placeholders', missing: [...missing] });
  }
  const sample = tileTemplateUrl({ ...s, key: s.key || 'key' }).replace(/\{-?[a-z]\}/g, '0');
  let url: URL | null = null;
  try {
    url = new URL(sample);
  } catch {
    problems.push({ field: 'template', reason: 'not-a-url' });
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push({ field: 'template', reason: 'not-http' });
  }
  if (template.includes('{tk}') && s.key.trim() === '') {
    problems.push({ field: 'key', reason: 'required' });
  }
  if (template.includes('{s}') && s.subdomains.trim() === '') {
    problems.push({ field: 'subdomains', reason: 'required' });
  }
  return problems;
}

/** The template Leaflet gets: the key put in, everything else left for Leaflet. */
export function tileTemplateUrl(s: Pick<TileSettings, 'template' | 'key'>): string {
  return s.template.trim().replaceAll('{tk}', encodeURIComponent(s.key.trim()));
}

/** What a map draws its tiles with (`MapTiles` of src/ui/map/LeafletMap.tsx). */
export function mapTiles(s: TileSettings) {
  return {
    url: tileTemplateUrl(s),
    attribution: s.attribution,
    subdomains: s.subdomains,
    crossOrigin: s.crossOrigin,
  };
}

/** The stored settings, or the default when none are stored or they do not parse. */
export async function loadTileSettings(): Promise<TileSettings> {
  const stored = await readDeviceSetting(STORE_KEY);
  const parsed = TileSettings.safeParse(stored);
  if (parsed.success && validateTileSettings(parsed.data).length === 0) return parsed.data;
  return DEFAULT_TILE_SETTINGS;
}

/** Saves valid settings; returns the problems instead when there are any. */
export async function saveTileSettings(s: TileSettings): Promise<TileSettingsProblem[]> {
  const problems = validateTileSettings(s);
  if (problems.length === 0) {
    await writeDeviceSetting(STORE_KEY, { ...s, template: s.template.trim(), key: s.key.trim() });
  }
  return problems;
}
