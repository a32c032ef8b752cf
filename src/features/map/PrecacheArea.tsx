/**
 * "Offline map": on Wi-Fi, download the tiles around the case into the
 * service worker's tile cache, for the zoom levels the officer picks.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TILE_CACHE_NAME } from '../../contracts/tiles';
import { Button } from '../../ui/Button';
import { Check, SelectField } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useOnline } from '../../ui/useOnline';
import { bboxAround, planTiles, tileUrl } from './precache-area';
import { precacheTiles, type PrecacheProgress, type PrecacheResult } from './precache-runner';
import { tileTemplateUrl, type TileSettings } from '../../services/tile-settings';

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

type Plan = ReturnType<typeof planTiles>;

/** The download: its plan from the area and zooms chosen, and its run (cancelled on leaving). */
function usePrecache(center: { latitude: number; longitude: number }, settings: TileSettings) {
  const [radiusKm, setRadiusKm] = useState<number>(1);
  const [zooms, setZooms] = useState<number[]>([15, 16]);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const plan = useMemo(
    () => planTiles(bboxAround(center.latitude, center.longitude, radiusKm), zooms),
    [center.latitude, center.longitude, radiusKm, zooms],
  );
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
  const cancel = () => abort.current?.abort();
  return { radiusKm, setRadiusKm, zooms, toggleZoom, plan, run, start, cancel };
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
  const precache = usePrecache(center, settings);
  const { run, plan } = precache;
  const supported = typeof caches !== 'undefined';
  const isOsm = settings.template.includes('tile.openstreetmap.org');

  return (
    <details className="field" data-testid="precache">
      <summary className="button">{t('map.precache.title')}</summary>
      <p className="muted">{t('map.precache.intro')}</p>
      {isOsm && <Notice tone="warn">{t('map.precache.osmPolicy')}</Notice>}
      {isMeteredLink() && <Notice tone="warn">{t('map.precache.notWifi')}</Notice>}
      {!online && <Notice tone="warn">{t('map.precache.offline')}</Notice>}
      {!supported && <Notice tone="warn">{t('map.precache.unsupported')}</Notice>}
      <fieldset disabled={run.phase === 'running'} className="plain">
        <SelectField
          id="precache-radius"
          label={t('map.precache.radius')}
          value={String(precache.radiusKm)}
          options={RADII_KM.map((r) => ({
            value: String(r),
            label: t('map.precache.radiusKm', { km: r }),
          }))}
          onValue={(v) => precache.setRadiusKm(Number(v))}
        />
        <ZoomChoice zooms={precache.zooms} onToggle={precache.toggleZoom} />
      </fieldset>
      <Estimate plan={plan} />
      {run.phase === 'running' ? (
        <Progress progress={run.progress} onCancel={precache.cancel} />
      ) : (
        <Button
          variant="primary"
          block
          disabled={!plan.ok || !online || !supported}
          onClick={() => void precache.start()}
        >
          {t('map.precache.start')}
        </Button>
      )}
      {run.phase === 'done' && (
        <Notice
          tone={run.result.failed > 0 ? 'warn' : 'ok'}
          role="status"
          data-testid="precache-result"
        >
          {run.result.cancelled
            ? t('map.precache.cancelled', { ...run.result })
            : t('map.precache.finished', { ...run.result })}
        </Notice>
      )}
    </details>
  );
}

function ZoomChoice({ zooms, onToggle }: { zooms: number[]; onToggle: (z: number) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t('map.precache.zooms')}</legend>
      <div className="kc-checks">
        {ZOOMS.map((z) => (
          <Check
            key={z}
            className="radio"
            checked={zooms.includes(z)}
            onCheck={() => onToggle(z)}
            label={t('map.precache.zoom', { zoom: z })}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** How many tiles the area takes and about how much room, or why it cannot be downloaded. */
function Estimate({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <p role="status" data-testid="precache-estimate" className={plan.ok ? undefined : 'warn-text'}>
      {plan.ok
        ? t('map.precache.estimate', {
            count: plan.count,
            size: formatBytes(plan.estimatedBytes),
          })
        : plan.reason === 'too-many'
          ? t('map.precache.tooMany', { count: plan.count, max: plan.max })
          : t('map.precache.noZoom')}
    </p>
  );
}

function Progress({ progress, onCancel }: { progress: PrecacheProgress; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <progress
        className="kc-progress"
        max={progress.total}
        value={progress.done + progress.failed}
      />
      <p role="status" data-testid="precache-progress">
        {t('map.precache.progress', { ...progress })}
      </p>
      <Button block onClick={onCancel}>
        {t('map.precache.cancel')}
      </Button>
    </>
  );
}
