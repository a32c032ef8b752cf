/**
 * Where the accident is: the map (lazy, so Leaflet never weighs on the first
 * screen) and, as its equal, plain fields for coordinates, road and km post.
 * Every change is written to IndexedDB at once; the marker renders from the
 * stored case, so a reload shows exactly what was saved.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  editCaseFields,
  isOnScene,
  type CaseLocation,
  type CaseRecord,
  type GeoPoint,
} from '../../domain';
import type { PositionFailure } from '../../platform/geolocation/port';
import { readCase, updateCase } from '../../storage';
import { useServices } from '../../services/ServicesContext';
import { Link } from '../../ui/router';
import { useOnline } from '../../ui/useOnline';
import type { TileStatus } from './LeafletMap';
import { MapBoundary } from './MapBoundary';
import { PrecacheArea } from './PrecacheArea';
import { tileNotice } from './tile-notice';
import { tileTemplateUrl } from './tile-settings';
import { useTileSettings } from './useTileSettings';
import './map.css';

const LeafletMap = lazy(() => import('./LeafletMap').then((m) => ({ default: m.LeafletMap })));

/** Accuracy (metres) beyond which road and km post should be filled in. */
const POOR_ACCURACY_M = 100;

export function CaseLocationScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const result = useLiveQuery(() => readCase(db, id), [db, id]);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) {
    return (
      <section>
        <p className="notice warn" role="alert">
          {result.problem ?? t('map.notFound')}
        </p>
        <Link href="/">{t('app.back')}</Link>
      </section>
    );
  }
  return <LocationForm key={result.value.id} record={result.value} />;
}

type SaveStatus = 'idle' | 'saving' | 'saved' | { error: string };
type Coords = { lat: string; lng: string };

const toCoords = (p: GeoPoint | undefined): Coords =>
  p ? { lat: p.latitude.toFixed(6), lng: p.longitude.toFixed(6) } : { lat: '', lng: '' };

function parseCoords(c: Coords): { latitude: number; longitude: number } | null {
  const lat = Number(c.lat.trim().replace(',', '.'));
  const lng = Number(c.lng.trim().replace(',', '.'));
  if (
    c.lat.trim() === '' ||
    c.lng.trim() === '' ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lng)
  ) {
    return null;
  }
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { latitude: lat, longitude: lng } : null;
}

function LocationForm({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const [settings] = useTileSettings();
  const point = record.location.point;
  const [coords, setCoords] = useState<Coords>(() => toCoords(point));
  const [road, setRoad] = useState(record.location.road ?? '');
  const [kmPost, setKmPost] = useState(record.location.kmPost ?? '');
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [locating, setLocating] = useState<'idle' | 'locating' | PositionFailure>('idle');
  const [tiles, setTiles] = useState<TileStatus>('pending');
  const online = useOnline();
  const notice = tileNotice(tiles, online);
  const editable = isOnScene(record.state);

  // Applied to the case as stored inside the transaction, so edits never clobber each other.
  const write = useCallback(
    (change: (l: CaseLocation) => CaseLocation) => {
      setStatus('saving');
      const at = platform.clock.now();
      const apply = (c: CaseRecord) => {
        const r = editCaseFields(c, { location: change(c.location) }, at);
        if (!r.ok) throw new Error(r.reason);
        return r.value;
      };
      updateCase(db, record.id, apply, at)
        .then(() => setStatus('saved'))
        .catch((err: unknown) => {
          const reason = err instanceof Error ? err.message : String(err);
          setStatus({ error: t('map.saveFailed', { reason }) });
        });
    },
    [db, platform, record.id, t],
  );

  const setPoint = useCallback(
    (p: Omit<GeoPoint, 'at'> & { at?: string }) => {
      const next: GeoPoint = { ...p, at: p.at ?? platform.clock.now() };
      setCoords(toCoords(next));
      write((l) => ({ ...l, point: next }));
    },
    [platform, write],
  );

  const onMapMove = useCallback(
    (latitude: number, longitude: number) => setPoint({ latitude, longitude, source: 'map' }),
    [setPoint],
  );

  const locate = async () => {
    setLocating('locating');
    const r = await platform.geolocation.locate();
    if (!r.ok) return setLocating(r.reason);
    setLocating('idle');
    setPoint({ ...r.position, source: 'gps' });
  };

  const changeCoords = (name: keyof Coords) => (e: { target: { value: string } }) => {
    const next = { ...coords, [name]: e.target.value };
    setCoords(next);
    const parsed = parseCoords(next);
    if (parsed)
      write((l) => ({ ...l, point: { ...parsed, source: 'typed', at: platform.clock.now() } }));
  };

  const changeText = (name: 'road' | 'kmPost') => (e: { target: { value: string } }) => {
    const v = e.target.value;
    (name === 'road' ? setRoad : setKmPost)(v);
    write((l) => ({ ...l, [name]: v || undefined }));
  };

  const coordsInvalid = (coords.lat !== '' || coords.lng !== '') && parseCoords(coords) === null;
  const mapFallback = <p className="notice warn">{t('map.mapFailed')}</p>;

  return (
    <section aria-labelledby="location-title">
      <Link href={`/cases/${record.id}`} className="back-link">
        ← {t('map.caseNumber', { number: record.caseNumber })}
      </Link>
      <h1 id="location-title">{t('map.title')}</h1>
      {!editable && <p className="notice">{t('map.notEditable')}</p>}

      <p className="kc-coords" role="status" data-testid="coordinates">
        {point ? (
          <>
            {point.latitude.toFixed(6)}, {point.longitude.toFixed(6)}
            {point.accuracyM !== undefined &&
              ` · ${t('map.accuracy', { meters: Math.round(point.accuracyM) })}`}
            {' · '}
            <span data-testid="point-source">{t(`map.source.${point.source}`)}</span>
            {(point.accuracyM ?? 0) > POOR_ACCURACY_M && (
              <span className="warn-text"> {t('map.poorAccuracy')}</span>
            )}
          </>
        ) : (
          t('map.noPoint')
        )}
      </p>

      <MapBoundary fallback={mapFallback}>
        <Suspense fallback={<div className="kc-map kc-map-placeholder">{t('app.loading')}</div>}>
          {settings && (
            <LeafletMap
              position={point ?? null}
              accuracyM={point?.accuracyM}
              draggable={editable}
              tiles={{
                url: tileTemplateUrl(settings),
                attribution: settings.attribution,
                subdomains: settings.subdomains,
                crossOrigin: settings.crossOrigin,
              }}
              label={t('map.mapLabel')}
              markerTitle={t('map.markerTitle')}
              onMove={onMapMove}
              onTileStatus={setTiles}
            />
          )}
        </Suspense>
      </MapBoundary>
      {notice && (
        <p className="notice warn" role="status" data-testid="tiles-unavailable">
          {notice === 'offline-uncached' ? t('map.tilesUnavailable') : t('map.tilesServerDown')}
        </p>
      )}
      {editable && <p className="muted">{t('map.dragHint')}</p>}

      <fieldset disabled={!editable} className="plain">
        <button
          type="button"
          className="button block"
          onClick={locate}
          disabled={locating === 'locating'}
        >
          {locating === 'locating' ? t('map.locating') : t('map.useMyPosition')}
        </button>
        {locating !== 'idle' && locating !== 'locating' && (
          <p className="notice warn" role="alert">
            {t(`map.locateFailed.${locating}`)}
          </p>
        )}
        <div className="two-col">
          <div className="field">
            <label htmlFor="latitude">{t('map.latitude')}</label>
            <input
              id="latitude"
              inputMode="decimal"
              autoComplete="off"
              value={coords.lat}
              aria-invalid={coordsInvalid || undefined}
              aria-describedby={coordsInvalid ? 'coords-error' : undefined}
              onChange={changeCoords('lat')}
            />
          </div>
          <div className="field">
            <label htmlFor="longitude">{t('map.longitude')}</label>
            <input
              id="longitude"
              inputMode="decimal"
              autoComplete="off"
              value={coords.lng}
              aria-invalid={coordsInvalid || undefined}
              aria-describedby={coordsInvalid ? 'coords-error' : undefined}
              onChange={changeCoords('lng')}
            />
          </div>
        </div>
        {coordsInvalid && (
          <p className="notice error" id="coords-error">
            {t('map.coordsInvalid')}
          </p>
        )}
        <div className="two-col">
          <div className="field">
            <label htmlFor="road">{t('map.road')}</label>
            <input id="road" value={road} onChange={changeText('road')} />
          </div>
          <div className="field">
            <label htmlFor="kmPost">{t('map.kmPost')}</label>
            <input
              id="kmPost"
              value={kmPost}
              placeholder={t('map.kmPostHint')}
              onChange={changeText('kmPost')}
            />
          </div>
        </div>
      </fieldset>
      <p role="status" aria-live="polite" className="save-status" data-testid="save-status">
        {status === 'saving' && t('map.saving')}
        {status === 'saved' && t('map.saved')}
      </p>
      {typeof status === 'object' && (
        <p className="notice error" role="alert">
          {status.error}
        </p>
      )}
      {point && settings && <PrecacheArea center={point} settings={settings} />}
      <Link href={`/cases/${record.id}/parties`} className="button primary block">
        {t('map.nextParties')}
      </Link>
    </section>
  );
}
