import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TILE_SETTINGS,
  loadTileSettings,
  presetSettings,
  saveTileSettings,
  tileTemplateUrl,
  validateTileSettings,
  type TileSettings,
} from './tile-settings';

const custom = (template: string, more: Partial<TileSettings> = {}): TileSettings => ({
  ...DEFAULT_TILE_SETTINGS,
  preset: 'custom',
  template,
  ...more,
});

describe('validateTileSettings', () => {
  it('accepts the OpenStreetMap default and 天地图 with a key', () => {
    expect(validateTileSettings(DEFAULT_TILE_SETTINGS)).toEqual([]);
    expect(validateTileSettings(presetSettings('tianditu-vec', 'abc123'))).toEqual([]);
  });

  it('asks for the 天地图 key, naming the key field', () => {
    expect(validateTileSettings(presetSettings('tianditu-vec'))).toEqual([
      { field: 'key', reason: 'required' },
    ]);
  });

  it.each([
    ['https://tiles.example/{x}/{y}.png', ['{z}']],
    ['https://tiles.example/{z}/{x}.png', ['{y}']],
    ['https://tiles.example/tile.png', ['{z}', '{x}', '{y}']],
  ])('names the placeholders %s lacks', (template, missing) => {
    expect(validateTileSettings(custom(template))).toContainEqual({
      field: 'template',
      reason: 'missing-placeholders',
      missing,
    });
  });

  it('accepts {-y} (TMS) for {y}', () => {
    expect(validateTileSettings(custom('https://tms.example/{z}/{x}/{-y}.png'))).toEqual([]);
  });

  it.each([
    'ftp://tiles.example/{z}/{x}/{y}.png',
    'javascript:alert({z}{x}{y})',
    'file:///{z}/{x}/{y}',
  ])('refuses %s: http(s) only', (template) => {
    expect(validateTileSettings(custom(template))).toContainEqual({
      field: 'template',
      reason: 'not-http',
    });
  });

  it('refuses what is not a URL at all', () => {
    expect(validateTileSettings(custom('tiles/{z}/{x}/{y}.png'))).toContainEqual({
      field: 'template',
      reason: 'not-a-url',
    });
  });

  it('needs subdomains when the template has {s}', () => {
    expect(
      validateTileSettings(custom('https://{s}.t.example/{z}/{x}/{y}.png', { subdomains: '' })),
    ).toEqual([{ field: 'subdomains', reason: 'required' }]);
  });
});

describe('tileTemplateUrl', () => {
  it('puts the key into {tk} and leaves the tile placeholders for Leaflet', () => {
    expect(tileTemplateUrl(presetSettings('tianditu-vec', ' k&1 '))).toBe(
      'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=k%261',
    );
  });
});

describe('stored settings', () => {
  it('default to OpenStreetMap, save only when valid, and read back', async () => {
    expect(await loadTileSettings()).toEqual(DEFAULT_TILE_SETTINGS);
    expect(await saveTileSettings(presetSettings('tianditu-vec'))).toEqual([
      { field: 'key', reason: 'required' },
    ]);
    expect(await loadTileSettings()).toEqual(DEFAULT_TILE_SETTINGS);
    expect(await saveTileSettings(presetSettings('tianditu-vec', 'abc'))).toEqual([]);
    expect(await loadTileSettings()).toEqual(presetSettings('tianditu-vec', 'abc'));
  });
});
