/**
 * "Offline map": on Wi-Fi, download the tiles around the case into the
 * service worker's tile cache, for the zoom levels the officer picks.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TILE_CACHE_NAME } from '../../contracts/tiles';
import { formatBytes } from '../../ui/format';
import { useOnline } from '../../ui/useOnline';
import { bboxAround, planTiles, tileUrl } from './precache-area';
import { precacheTiles, type PrecacheProgress, type PrecacheResult } from './precache-runner';
import { tileTemplateUrl, type TileSettings } from './tile-settings';

const RADII_KM = [0.25, 0.5, 1, 2, 5, 10] as const;
const ZOOMS = [12, 13, 14, 15, 16, 17, 18] as const;
const CONCURRENCY = 2;

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; progress: PrecacheProgress }
  | { phase: 'done'; result: PrecacheResult };

/** Best effort: only Chromium on Android says what the link is. */
function isMeteredLink(): boolean {
  const type = (navigator as Navigator & { connection?: { type?: string } }).connection?.type;
  return type !== undefined && !['wifi', 'ethernet', 'unknown', 'none', 'other'].includes(type);
}

export function PrecacheArea({
  center,
  settings,
}: {
  center: { latitude: number; longitude: number };
  settings: TileSettings;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const [radiusKm, setRadiusKm] = useState<number>(1);
  const [zooms, setZooms] = useState<number[]>([15, 16]);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const plan = useMemo(
    () => planTiles(bboxAround(center.latitude, center.longitude, radiusKm), zooms),
    [center.latitude, center.longitude, radiusKm, zooms],
  );
  const supported = typeof caches !== 'undefined';
  const isOsm = settings.template.includes('tile.openstreetmap.org');

  const toggleZoom = (z: number) =>
    setZooms((zs) => (zs.includes(z) ? zs.filter((x) => x !== z) : [...zs, z]));

  const start = async () => {
    if (!plan.ok) return;
    const controller = new AbortController();
    abort.current = controller;
    const template = tileTemplateUrl(settings);
    const urls = plan.tiles.map((tile) => tileUrl(template, tile, settings.subdomains || 'abc'));
    setRun({ phase: 'running', progress: { total: urls.length, done: 0, failed: 0 } });
    const result = await precacheTiles(urls, {
      cache: await caches.open(TILE_CACHE_NAME),
      fetch: (url, init) => fetch(url, init),
      concurrency: CONCURRENCY,
      crossOrigin: settings.crossOrigin,
      signal: controller.signal,
      onProgress: (progress) => setRun({ phase: 'running', progress }),
    });
    setRun({ phase: 'done', result });
  };

  const running = run.phase === 'running';
  return (
    <details className="field" data-testid="precache">
      <summary className="button">{t('map.precache.title')}</summary>
      <p className="muted">{t('map.precache.intro')}</p>
      {isOsm && <p className="notice warn">{t('map.precache.osmPolicy')}</p>}
      {isMeteredLink() && <p className="notice warn">{t('map.precache.notWifi')}</p>}
      {!online && <p className="notice warn">{t('map.precache.offline')}</p>}
      {!supported && <p className="notice warn">{t('map.precache.unsupported')}</p>}
      <fieldset disabled={running} className="plain">
        <div className="field">
          <label htmlFor="precache-radius">{t('map.precache.radius')}</label>
          <select
            id="precache-radius"
            value={radiusKm}
            onChange={(e) => setRadiusKm(Number(e.target.value))}
          >
            {RADII_KM.map((r) => (
              <option key={r} value={r}>
                {t('map.precache.radiusKm', { km: r })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('map.precache.zooms')}</legend>
          <div className="kc-checks">
            {ZOOMS.map((z) => (
              <label key={z} className="radio">
                <input type="checkbox" checked={zooms.includes(z)} onChange={() => toggleZoom(z)} />
                {t('map.precache.zoom', { zoom: z })}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <p
        role="status"
        data-testid="precache-estimate"
        className={plan.ok ? undefined : 'warn-text'}
      >
        {plan.ok
          ? t('map.precache.estimate', {
              count: plan.count,
              size: formatBytes(plan.estimatedBytes),
            })
          : plan.reason === 'too-many'
            ? t('map.precache.tooMany', { count: plan.count, max: plan.max })
            : t('map.precache.noZoom')}
      </p>
      {running ? (
        <>
          <progress
            className="kc-progress"
            max={run.progress.total}
            value={run.progress.done + run.progress.failed}
          />
          <p role="status" data-testid="precache-progress">
            {t('map.precache.progress', { ...run.progress })}
          </p>
          <button type="button" className="button block" onClick={() => abort.current?.abort()}>
            {t('map.precache.cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button primary block"
          disabled={!plan.ok || !online || !supported}
          onClick={() => void start()}
        >
          {t('map.precache.start')}
        </button>
      )}
      {run.phase === 'done' && (
        <p
          role="status"
          data-testid="precache-result"
          className={run.result.failed > 0 ? 'notice warn' : 'notice ok'}
        >
          {run.result.cancelled
            ? t('map.precache.cancelled', { ...run.result })
            : t('map.precache.finished', { ...run.result })}
        </p>
      )}
    </details>
  );
}
