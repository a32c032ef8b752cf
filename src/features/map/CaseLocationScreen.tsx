/**
 * Where the accident is: the map (lazy, so Leaflet never weighs on the first
 * screen) and, as its equal, plain fields for coordinates, road and km post.
 * Every change is written to IndexedDB at once; the marker renders from the
 * stored case, so a reload shows exactly what was saved.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOnScene, type CaseRecord, type GeoPoint } from '../../domain';
import type { TileSettings } from '../../services/tile-settings';
import { mapTiles } from '../../services/tile-settings';
import { useCase } from '../../services/useCase';
import { useTileSettings } from '../../services/useTileSettings';
import { ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Link } from '../../ui/router';
import { SaveStatus } from '../../ui/SaveStatus';
import type { TileStatus } from '../../ui/map/LeafletMap';
import { MapBoundary } from '../../ui/map/MapBoundary';
import { useOnline } from '../../ui/useOnline';
import { LocationFields } from './LocationFields';
import { PrecacheArea } from './PrecacheArea';
import { tileNotice } from './tile-notice';
import { POOR_ACCURACY_M, useLocationEdit } from './useLocationEdit';
import './map.css';

const LeafletMap = lazy(() =>
  import('../../ui/map/LeafletMap').then((m) => ({ default: m.LeafletMap })),
);

export function CaseLocationScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) {
    return (
      <section>
        <Notice tone="warn" role="alert">
          {result.problem ?? t('map.notFound')}
        </Notice>
        <Link href="/">{t('app.back')}</Link>
      </section>
    );
  }
  return <LocationForm key={result.value.id} record={result.value} />;
}

function LocationForm({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const [settings] = useTileSettings();
  const edit = useLocationEdit(record);
  const point = record.location.point;
  const editable = isOnScene(record.state);

  return (
    <Page
      titleId="location-title"
      title={t('map.title')}
      back={{
        href: `/cases/${record.id}`,
        label: t('map.caseNumber', { number: record.caseNumber }),
      }}
    >
      {!editable && <Notice>{t('map.notEditable')}</Notice>}
      <PointSummary point={point} />
      {settings && (
        <MapPanel point={point} settings={settings} editable={editable} onMove={edit.onMapMove} />
      )}
      {editable && <p className="muted">{t('map.dragHint')}</p>}
      <LocationFields edit={edit} editable={editable} />
      <SaveStatus status={edit.status} />
      {point && settings && <PrecacheArea center={point} settings={settings} />}
      <ButtonLink href={`/cases/${record.id}/parties`} variant="primary" block>
        {t('map.nextParties')}
      </ButtonLink>
    </Page>
  );
}

/** The stored point in numbers, where it came from, and whether it is precise enough. */
function PointSummary({ point }: { point: GeoPoint | undefined }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The map, or a note when it cannot draw; and a note when its tiles do not come. */
function MapPanel({
  point,
  settings,
  editable,
  onMove,
}: {
  point: GeoPoint | undefined;
  settings: TileSettings;
  editable: boolean;
  onMove: (latitude: number, longitude: number) => void;
}) {
  const { t } = useTranslation();
  const [tiles, setTiles] = useState<TileStatus>('pending');
  const online = useOnline();
  const notice = tileNotice(tiles, online);
  return (
    <>
      <MapBoundary fallback={<Notice tone="warn">{t('map.mapFailed')}</Notice>}>
        <Suspense fallback={<div className="kc-map kc-map-placeholder">{t('app.loading')}</div>}>
          <LeafletMap
            position={point ?? null}
            accuracyM={point?.accuracyM}
            draggable={editable}
            className="kc-map"
            tiles={mapTiles(settings)}
            label={t('map.mapLabel')}
            markerTitle={t('map.markerTitle')}
            onMove={onMove}
            onTileStatus={setTiles}
          />
        </Suspense>
      </MapBoundary>
      {notice && (
        <Notice tone="warn" role="status" data-testid="tiles-unavailable">
          {notice === 'offline-uncached' ? t('map.tilesUnavailable') : t('map.tilesServerDown')}
        </Notice>
      )}
    </>
  );
}
