/**
 * Where map tiles come from (a Leaflet URL template, its key, subdomains and
 * attribution): the presets, the schema and the rules a template must follow.
 * Shared by the phone's own setting (src/services/tile-settings.ts) and the
 * brigade's tile source that the admin sets and the field pack carries
 * (server/tile-source.ts).
 *
 * Presets: OpenStreetMap (no key; its tile policy forbids bulk downloads, so
 * pre-cache only small areas from it, or point the template at your own tile
 * server) and 天地图 vector, which needs a browser key (`tk`) from
 * https://console.tianditu.gov.cn/ — the key is kept apart and put into the
 * URL's `{tk}`. Both use WGS-84/CGCS2000 coordinates, so raw GPS positions land
 * in the right place (高德/百度 tiles are offset and would not).
 */
import * as z from 'zod/mini';
import { IdParams, defineRoute } from './route';

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
  const origin = tileOrigin(s);
  if (origin && origin.scheme !== 'https' && origin.scheme !== 'http') {
    problems.push({ field: 'template', reason: 'not-http' });
  } else if (!origin?.host) problems.push({ field: 'template', reason: 'not-a-url' });
  if (template.includes('{tk}') && s.key.trim() === '') {
    problems.push({ field: 'key', reason: 'required' });
  }
  if (template.includes('{s}') && s.subdomains.trim() === '') {
    problems.push({ field: 'subdomains', reason: 'required' });
  }
  return problems;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):(.*)$/i;
const AUTHORITY = /^\/\/([^\s/?#@]+)(?:[/?#].*)?$/;

/**
 * The scheme and host the template's tiles come from (`{s}` left in the host:
 * one host per subdomain; the host is empty for a URL without one, e.g.
 * `file:///…`), or undefined when the template is no absolute URL.
 */
export function tileOrigin(
  s: Pick<TileSettings, 'template' | 'key'>,
): { scheme: string; host: string } | undefined {
  const sample = tileTemplateUrl({ ...s, key: s.key || 'key' }).replace(/\{-?[a-rt-z]\}/g, '0');
  const m = SCHEME.exec(sample);
  if (!m?.[1]) return undefined;
  const host = AUTHORITY.exec(m[2] ?? '')?.[1] ?? '';
  return { scheme: m[1].toLowerCase(), host: host.toLowerCase() };
}

/** The template Leaflet gets: the key put in, everything else left for Leaflet. */
export function tileTemplateUrl(s: Pick<TileSettings, 'template' | 'key'>): string {
  return s.template.trim().replaceAll('{tk}', encodeURIComponent(s.key.trim()));
}

/**
 * A brigade's tile source, which its officers' phones use unless the officer
 * set his own: the settings (null: none set, phones use OpenStreetMap), the
 * version (each save adds one) and when it was saved.
 */
export const BrigadeTileSource = z.object({
  version: z.number(),
  updatedAt: z.nullable(z.string()),
  source: z.nullable(TileSettings),
});
export type BrigadeTileSource = z.infer<typeof BrigadeTileSource>;

export const tileSourceRoutes = [
  defineRoute({
    id: 'admin.brigades.tiles.get',
    method: 'GET',
    path: '/api/admin/brigades/:id/tile-source',
    summary: 'A brigade’s map tile source for its officers’ phones',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The tile source in force', schema: BrigadeTileSource } },
  }),
  defineRoute({
    id: 'admin.brigades.tiles.set',
    method: 'PUT',
    path: '/api/admin/brigades/:id/tile-source',
    summary:
      'Set a brigade’s map tile source (its host must be one the server’s CSP allows); the version goes up by one (audited)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: TileSettings,
    responses: {
      200: { description: 'The new tile source', schema: BrigadeTileSource },
      400: {
        description:
          '`invalid_tile_source` (a field named in the message), `tile_host_not_allowed` (not in TILE_HOSTS)',
      },
    },
  }),
] as const;
