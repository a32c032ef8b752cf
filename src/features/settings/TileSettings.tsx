/**
 * The base-map section of Settings: where tiles come from (OpenStreetMap,
 * 天地图 with its key, or a custom template) and how many are cached.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TILE_CACHE_NAME } from '../../contracts/tiles';
import {
  presetSettings,
  saveTileSettings,
  TILE_PRESETS,
  type TilePreset,
  type TileSettings as Settings,
  type TileSettingsProblem,
} from './tile-settings';
import { useTileSettings } from './useTileSettings';

const PRESETS: TilePreset[] = ['osm', 'tianditu-vec', 'custom'];

function useCachedTileCount(): [number | null, () => void] {
  const [count, setCount] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof caches === 'undefined') return;
    let live = true;
    void caches
      .open(TILE_CACHE_NAME)
      .then((c) => c.keys())
      .then((keys) => live && setCount(keys.length));
    return () => {
      live = false;
    };
  }, [version]);
  return [count, () => setVersion((v) => v + 1)];
}

export function TileSettings() {
  const [stored] = useTileSettings();
  return stored ? <TileSettingsForm initial={stored} /> : null;
}

function TileSettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const [s, setS] = useState<Settings>(initial);
  const [problems, setProblems] = useState<TileSettingsProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [cached, refreshCached] = useCachedTileCount();

  const edit = (patch: Partial<Settings>) => {
    setS((cur) => ({ ...cur, ...patch }));
    setSaved(false);
  };
  const choosePreset = (preset: TilePreset) =>
    edit(preset === 'custom' ? { preset } : presetSettings(preset, s.key));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = await saveTileSettings(s);
    setProblems(found);
    setSaved(found.length === 0);
  };

  const clearCache = async () => {
    await caches.delete(TILE_CACHE_NAME);
    refreshCached();
  };

  const problemFor = (field: TileSettingsProblem['field']) =>
    problems.find((p) => p.field === field);
  const describe = (p: TileSettingsProblem) =>
    t(`map.settings.problem.${p.reason}`, {
      field: t(`map.settings.${p.field}`),
      missing: 'missing' in p ? p.missing.join(' ') : '',
    });
  const errorOf = (field: TileSettingsProblem['field']) => {
    const p = problemFor(field);
    return p ? (
      <p className="notice error" id={`tile-${field}-error`}>
        {describe(p)}
      </p>
    ) : null;
  };
  const invalid = (field: TileSettingsProblem['field']) =>
    problemFor(field) ? { 'aria-invalid': true, 'aria-describedby': `tile-${field}-error` } : {};

  const needsKey = s.template.includes('{tk}');
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="tile-settings-title"
      data-testid="tile-settings"
    >
      <h2 id="tile-settings-title">{t('map.settings.title')}</h2>
      <fieldset className="field">
        <legend>{t('map.settings.preset')}</legend>
        {PRESETS.map((p) => (
          <label key={p} className="radio">
            <input
              type="radio"
              name="tile-preset"
              value={p}
              checked={s.preset === p}
              onChange={() => choosePreset(p)}
            />
            {t(`map.settings.presets.${p}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="tile-template">{t('map.settings.template')}</label>
        <input
          id="tile-template"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={s.template}
          onChange={(e) =>
            edit({
              template: e.target.value,
              preset:
                s.preset !== 'custom' && e.target.value === TILE_PRESETS[s.preset].template
                  ? s.preset
                  : 'custom',
            })
          }
          {...invalid('template')}
        />
        <p className="muted">{t('map.settings.templateHint')}</p>
        {errorOf('template')}
      </div>
      {(needsKey || s.preset === 'tianditu-vec') && (
        <div className="field">
          <label htmlFor="tile-key">{t('map.settings.key')}</label>
          <input
            id="tile-key"
            autoComplete="off"
            spellCheck={false}
            value={s.key}
            onChange={(e) => edit({ key: e.target.value })}
            {...invalid('key')}
          />
          <p className="muted">{t('map.settings.keyHint')}</p>
          {errorOf('key')}
        </div>
      )}
      {s.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="tile-subdomains">{t('map.settings.subdomains')}</label>
            <input
              id="tile-subdomains"
              value={s.subdomains}
              onChange={(e) => edit({ subdomains: e.target.value })}
              {...invalid('subdomains')}
            />
            {errorOf('subdomains')}
          </div>
          <div className="field">
            <label htmlFor="tile-attribution">{t('map.settings.attribution')}</label>
            <input
              id="tile-attribution"
              value={s.attribution}
              onChange={(e) => edit({ attribution: e.target.value })}
            />
          </div>
          <label className="radio">
            <input
              type="checkbox"
              checked={s.crossOrigin}
              onChange={(e) => edit({ crossOrigin: e.target.checked })}
            />
            {t('map.settings.crossOrigin')}
          </label>
        </>
      )}
      <button type="submit" className="button primary block">
        {t('map.settings.save')}
      </button>
      <p role="status" aria-live="polite" className="save-status">
        {saved && t('map.settings.saved')}
      </p>
      {cached !== null && (
        <div className="row-between">
          <p>{t('map.settings.cached', { count: cached })}</p>
          <button
            type="button"
            className="button"
            onClick={() => void clearCache()}
            disabled={cached === 0}
          >
            {t('map.settings.clearCache')}
          </button>
        </div>
      )}
    </form>
  );
}
