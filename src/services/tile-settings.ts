/**
 * Where map tiles come from on this device: the officer's own setting (a
 * device setting in src/storage), validated before it is saved and parsed
 * again when read back; without one, the brigade's tile source from the field
 * pack; without that, OpenStreetMap. The map draws with it; Settings edits it.
 * The presets, schema and rules are src/contracts/tile-source.ts.
 */
import {
  DEFAULT_TILE_SETTINGS,
  TileSettings,
  tileTemplateUrl,
  validateTileSettings,
  type TileSettingsProblem,
} from '../contracts/tile-source';
import {
  forgetDeviceSetting,
  readDeviceSetting,
  writeDeviceSetting,
} from '../storage/device-settings';

export * from '../contracts/tile-source';

const STORE_KEY = 'kuaichu.map.tileSettings';

/** What a map draws its tiles with (`MapTiles` of src/ui/map/LeafletMap.tsx). */
export function mapTiles(s: TileSettings) {
  return {
    url: tileTemplateUrl(s),
    attribution: s.attribution,
    subdomains: s.subdomains,
    crossOrigin: s.crossOrigin,
  };
}

/** The officer's own settings on this device, when stored and still valid. */
export async function loadOwnTileSettings(): Promise<TileSettings | undefined> {
  const stored = await readDeviceSetting(STORE_KEY);
  const parsed = TileSettings.safeParse(stored);
  return parsed.success && validateTileSettings(parsed.data).length === 0 ? parsed.data : undefined;
}

/**
 * The settings the map uses: the officer's own; else the brigade's tile
 * source (`brigade`, from the kept field pack) when valid; else the default.
 */
export async function loadTileSettings(
  brigade?: () => Promise<TileSettings | undefined>,
): Promise<TileSettings> {
  const own = await loadOwnTileSettings();
  if (own) return own;
  const set = await brigade?.();
  return set && validateTileSettings(set).length === 0 ? set : DEFAULT_TILE_SETTINGS;
}

/** Drops the officer's own settings: the brigade's tile source (or the default) applies again. */
export async function forgetOwnTileSettings(): Promise<void> {
  await forgetDeviceSetting(STORE_KEY);
}

/** Saves valid settings; returns the problems instead when there are any. */
export async function saveTileSettings(s: TileSettings): Promise<TileSettingsProblem[]> {
  const problems = validateTileSettings(s);
  if (problems.length === 0) {
    await writeDeviceSetting(STORE_KEY, { ...s, template: s.template.trim(), key: s.key.trim() });
  }
  return problems;
}
