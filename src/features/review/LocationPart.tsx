/**
 * Where the accident happened, for the reviewer: the place in words (address,
 * road, km post) and, when the officer recorded a position, a small read-only
 * map of it with the coordinates and their accuracy as text beside it. The map
 * is the shared Leaflet map loaded with React.lazy, so Leaflet reaches only the
 * reviewer who opens a case, never an officer's first screen; it draws its
 * tiles from the same tile settings as the officer's map.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, GeoPoint } from '../../domain';
import { mapTiles } from '../../services/tile-settings';
import { useTileSettings } from '../../services/useTileSettings';
import { formatTime } from '../../ui/format';
import { MapBoundary } from '../../ui/map/MapBoundary';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { Facts } from './CaseFacts';

const LeafletMap = lazy(() =>
  import('../../ui/map/LeafletMap').then((m) => ({ default: m.LeafletMap })),
);

/** Close enough to see the road and the junction around the marker. */
const REVIEW_ZOOM = 16;

/** The point in numbers with its accuracy, and a link to see it on OpenStreetMap. */
function Coordinates({ point }: { point: GeoPoint }) {
  const { t } = useTranslation();
  const { latitude: lat, longitude: lng } = point;
  const value = (
    <span data-testid="review-coordinates">
      {t('review.case.coordinatesValue', {
        lat: lat.toFixed(6),
        lon: lng.toFixed(6),
        acc: point.accuracyM === undefined ? '?' : Math.round(point.accuracyM),
      })}{' '}
      <a
        href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`}
        target="_blank"
        rel="noreferrer noopener"
      >
        {t('review.case.openMap')}
      </a>
    </span>
  );
  return <Facts rows={[[t('review.case.coordinates'), value]]} />;
}

/** The read-only map of the point; a note in its place when it cannot draw. */
function PointMap({ point }: { point: GeoPoint }) {
  const { t } = useTranslation();
  const [settings] = useTileSettings();
  const waiting = <div className="review-map review-map-waiting">{t('app.loading')}</div>;
  return (
    <div className="review-map-panel">
      {settings ? (
        <MapBoundary fallback={<Notice tone="warn">{t('review.case.mapFailed')}</Notice>}>
          <Suspense fallback={waiting}>
            <LeafletMap
              position={point}
              accuracyM={point.accuracyM}
              draggable={false}
              zoom={REVIEW_ZOOM}
              tiles={mapTiles(settings)}
              className="review-map"
              label={t('review.case.mapLabel')}
              markerTitle={t('review.case.mapMarker')}
            />
          </Suspense>
        </MapBoundary>
      ) : (
        waiting
      )}
      <Coordinates point={point} />
    </div>
  );
}

export function LocationPart({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { location: l } = record;
  return (
    <Section titleId="review-location" title={t('review.case.location')}>
      {l.point && <PointMap point={l.point} />}
      <Facts
        rows={[
          [t('review.case.address'), l.address],
          [t('review.case.road'), l.road],
          [t('review.case.kmPost'), l.kmPost],
          [t('review.case.arrivedAt'), formatTime(record.arrivedAt, i18n.language)],
          [
            t('review.case.occurredAt'),
            record.occurredAt && formatTime(record.occurredAt, i18n.language),
          ],
        ]}
      />
    </Section>
  );
}
