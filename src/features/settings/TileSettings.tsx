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
  forgetOwnTileSettings,
  loadOwnTileSettings,
  presetSettings,
  saveTileSettings,
  type TileSettings as Settings,
  type TileSettingsProblem,
} from '../../services/tile-settings';
import { useTileSettings } from '../../services/useTileSettings';
import { Button } from '../../ui/Button';
import {
  PresetChoice,
  problemsOn,
  TileSourceFields,
  type ProblemField,
} from '../../ui/map/TileSourceFields';
import { SaveStatus } from '../../ui/SaveStatus';

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
  const [round, setRound] = useState(0);
  const [stored] = useTileSettings(round);
  if (!stored) return null;
  return <TileSettingsForm initial={stored} onReset={() => setRound((n) => n + 1)} />;
}

/** "This phone's own map source" and the way back to the brigade's (or the default). */
function OwnSource({ saved, onReset }: { saved: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState(false);
  useEffect(() => {
    let live = true;
    void loadOwnTileSettings().then((s) => live && setOwn(s !== undefined));
    return () => {
      live = false;
    };
  }, [saved]);
  if (!own) return <p className="muted">{t('tileSettings.brigadeOrDefault')}</p>;
  return (
    <div className="row-between">
      <p>{t('tileSettings.own')}</p>
      <Button onClick={() => void forgetOwnTileSettings().then(onReset)}>
        {t('tileSettings.useBrigade')}
      </Button>
    </div>
  );
}

function TileSettingsForm({ initial, onReset }: { initial: Settings; onReset: () => void }) {
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
  const errorsOf = (field: ProblemField) => problemsOn(t, problems, field);

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
      <OwnSource saved={saved} onReset={onReset} />
      <CachedTiles />
    </form>
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
