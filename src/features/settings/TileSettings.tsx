/**
 * The base-map section of Settings: where tiles come from (OpenStreetMap,
 * 天地图 with its key, or a custom template) and how many are cached. The
 * settings themselves (presets, checks, storage) are src/services/tile-settings.ts,
 * which the map draws with.
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
} from '../../services/tile-settings';
import { useTileSettings } from '../../services/useTileSettings';
import { Button } from '../../ui/Button';
import { Check, TextField } from '../../ui/Field';
import { SaveStatus } from '../../ui/SaveStatus';

const PRESETS: TilePreset[] = ['osm', 'tianditu-vec', 'custom'];

type ProblemField = TileSettingsProblem['field'];

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

  const edit = (patch: Partial<Settings>) => {
    setS((cur) => ({ ...cur, ...patch }));
    setSaved(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = await saveTileSettings(s);
    setProblems(found);
    setSaved(found.length === 0);
  };
  const errorsOf = (field: ProblemField) =>
    problems
      .filter((p) => p.field === field)
      .map((p) =>
        t(`tileSettings.problem.${p.reason}`, {
          field: t(`tileSettings.${p.field}`),
          missing: 'missing' in p ? p.missing.join(' ') : '',
        }),
      );

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="tile-settings-title"
      data-testid="tile-settings"
    >
      <h2 id="tile-settings-title">{t('tileSettings.title')}</h2>
      <PresetChoice
        s={s}
        onChoose={(preset) =>
          edit(preset === 'custom' ? { preset } : presetSettings(preset, s.key))
        }
      />
      <TileSourceFields s={s} edit={edit} errorsOf={errorsOf} />
      <Button type="submit" variant="primary" block>
        {t('tileSettings.save')}
      </Button>
      <SaveStatus status={saved ? 'saved' : 'idle'} saved={t('tileSettings.saved')} />
      <CachedTiles />
    </form>
  );
}

function PresetChoice({ s, onChoose }: { s: Settings; onChoose: (p: TilePreset) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t('tileSettings.preset')}</legend>
      {PRESETS.map((p) => (
        <label key={p} className="radio">
          <input
            type="radio"
            name="tile-preset"
            value={p}
            checked={s.preset === p}
            onChange={() => onChoose(p)}
          />
          {t(`tileSettings.presets.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The template, the key where the template takes one, and a custom server's details. */
function TileSourceFields({
  s,
  edit,
  errorsOf,
}: {
  s: Settings;
  edit: (patch: Partial<Settings>) => void;
  errorsOf: (field: ProblemField) => string[];
}) {
  const { t } = useTranslation();
  // Typing a preset's own template keeps the preset; anything else is custom.
  const setTemplate = (template: string) =>
    edit({
      template,
      preset:
        s.preset !== 'custom' && template === TILE_PRESETS[s.preset].template ? s.preset : 'custom',
    });
  return (
    <>
      <TextField
        id="tile-template"
        label={t('tileSettings.template')}
        hint={t('tileSettings.templateHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={s.template}
        errors={errorsOf('template')}
        onValue={setTemplate}
      />
      {(s.template.includes('{tk}') || s.preset === 'tianditu-vec') && (
        <TextField
          id="tile-key"
          label={t('tileSettings.key')}
          hint={t('tileSettings.keyHint')}
          autoComplete="off"
          spellCheck={false}
          value={s.key}
          errors={errorsOf('key')}
          onValue={(key) => edit({ key })}
        />
      )}
      {s.preset === 'custom' && (
        <>
          <TextField
            id="tile-subdomains"
            label={t('tileSettings.subdomains')}
            value={s.subdomains}
            errors={errorsOf('subdomains')}
            onValue={(subdomains) => edit({ subdomains })}
          />
          <TextField
            id="tile-attribution"
            label={t('tileSettings.attribution')}
            value={s.attribution}
            onValue={(attribution) => edit({ attribution })}
          />
          <Check
            className="radio"
            label={t('tileSettings.crossOrigin')}
            checked={s.crossOrigin}
            onCheck={(crossOrigin) => edit({ crossOrigin })}
          />
        </>
      )}
    </>
  );
}

function CachedTiles() {
  const { t } = useTranslation();
  const [cached, refreshCached] = useCachedTileCount();
  if (cached === null) return null;
  const clearCache = async () => {
    await caches.delete(TILE_CACHE_NAME);
    refreshCached();
  };
  return (
    <div className="row-between">
      <p>{t('tileSettings.cached', { count: cached })}</p>
      <Button onClick={() => void clearCache()} disabled={cached === 0}>
        {t('tileSettings.clearCache')}
      </Button>
    </div>
  );
}
