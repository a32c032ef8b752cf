/**
 * A new case on arrival (`/cases/new`): arrival time (now unless corrected),
 * when the accident happened, and where (the GPS position, asked once on
 * arrival, or a place typed in). Refused with guidance while the phone is
 * nearly full; saved cases stay editable.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseLocation } from '../../domain';
import type { Position, PositionResult } from '../../platform';
import { useSaveErrorText } from '../../services/save-error';
import { useServices } from '../../services/ServicesContext';
import { useRoomForNewCase } from '../../services/storage-pressure';
import { useOfflineStanding } from '../../services/offline-limit';
import { useOpenCase } from '../../services/useOpenCase';
import { useUnsentCount } from '../../services/useSyncStatus';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { fromLocalInput, toLocalInput } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { navigate } from '../../ui/router';
import { MINUTES_BEFORE_ARRIVAL, OccurredAtChoice } from './OccurredAtChoice';
import { PlaceFields, type Place } from './PlaceFields';

/** Accuracy (metres) beyond which the officer should add road and km post. */
const POOR_ACCURACY_M = 100;

type Locating =
  | { phase: 'locating' }
  | { phase: 'located'; position: Position }
  | { phase: 'failed'; reason: 'unsupported' | 'denied' | 'unavailable' | 'timeout' };

/** The position: asked once on arrival; the officer can ask again. */
function useLocating(): [Locating, () => Promise<void>] {
  const { platform } = useServices();
  const [locating, setLocating] = useState<Locating>({ phase: 'locating' });
  const located = useCallback(
    (r: PositionResult): Locating =>
      r.ok ? { phase: 'located', position: r.position } : { phase: 'failed', reason: r.reason },
    [],
  );
  useEffect(() => {
    let live = true;
    void platform.geolocation.locate().then((r) => live && setLocating(located(r)));
    return () => {
      live = false;
    };
  }, [platform, located]);
  const locate = async () => {
    setLocating({ phase: 'locating' });
    setLocating(located(await platform.geolocation.locate()));
  };
  return [locating, locate];
}

/**
 * When the accident happened: minutes before arrival (so it follows a
 * corrected arrival time), or an exact time.
 */
function useOccurred() {
  const [occurred, setOccurred] = useState<number | string | undefined>(0);
  const occurredFrom = (arrival: string | undefined): string | undefined => {
    if (typeof occurred === 'string') return occurred;
    if (occurred === undefined || arrival === undefined) return undefined;
    return new Date(Date.parse(arrival) - occurred * 60_000).toISOString();
  };
  const chooseOccurred = (arrival: string) => (at: string | undefined) => {
    const minutes = at === undefined ? undefined : (Date.parse(arrival) - Date.parse(at)) / 60_000;
    setOccurred(
      minutes !== undefined && MINUTES_BEFORE_ARRIVAL.some((m) => m === minutes) ? minutes : at,
    );
  };
  return { occurredFrom, chooseOccurred };
}

function locationOf(place: Place, position: Position | undefined): CaseLocation {
  return {
    address: place.address.trim(),
    ...(place.road.trim() && { road: place.road.trim() }),
    ...(place.kmPost.trim() && { kmPost: place.kmPost.trim() }),
    ...(position && { point: { ...position, source: 'gps' as const } }),
  };
}

export function NewCase() {
  const { t } = useTranslation();
  const { platform } = useServices();
  const openNewCase = useOpenCase();
  const saveErrorText = useSaveErrorText();
  const [arrivedAt, setArrivedAt] = useState(() => toLocalInput(platform.clock.now()));
  const [locating, locate] = useLocating();
  const { occurredFrom, chooseOccurred } = useOccurred();
  const [place, setPlace] = useState<Place>({ address: '', road: '', kmPost: '' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const room = useRoomForNewCase();
  const unsent = useUnsentCount();
  const offline = useOfflineStanding();
  const pastOfflineLimit = offline?.kind === 'new_cases_refused';
  const blocked = (room !== undefined && !room.ok) || pastOfflineLimit;
  const arrivalIso = fromLocalInput(arrivedAt);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const position = locating.phase === 'located' ? locating.position : undefined;
    if (!position && place.address.trim() === '') {
      setError(t('newCase.needLocation'));
      document.getElementById('address')?.focus();
      return;
    }
    const arrival = arrivalIso ?? platform.clock.now();
    setSaving(true);
    try {
      const c = await openNewCase({
        arrivedAt: arrival,
        occurredAt: occurredFrom(arrival) ?? arrival,
        location: locationOf(place, position),
      });
      // Straight on to the first step; the case screen is one tap back.
      navigate(`/cases/${c.id}/triage`, { replace: true });
    } catch (err) {
      setError(await saveErrorText(err));
      setSaving(false);
    }
  };

  return (
    <Page titleId="new-case-title" title={t('newCase.title')}>
      {room !== undefined && !room.ok && (
        <StorageBlocked reason={room.reason} unsentCases={unsent?.cases ?? 0} />
      )}
      {pastOfflineLimit && (
        <Notice tone="error" role="alert" data-testid="offline-limit">
          {t('errors.offlineLimit', { hours: offline.sinceHours })}
        </Notice>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id="arrivedAt"
          label={t('newCase.arrivedAt')}
          type="datetime-local"
          value={arrivedAt}
          onValue={setArrivedAt}
        />
        {arrivalIso && (
          <OccurredAtChoice
            arrivedAt={arrivalIso}
            value={occurredFrom(arrivalIso)}
            onChange={chooseOccurred(arrivalIso)}
          />
        )}
        <LocationFieldset
          locating={locating}
          onLocate={() => void locate()}
          place={place}
          onPlace={setPlace}
        />
        <ErrorNotice error={error} />
        <Button type="submit" variant="primary" block disabled={saving || blocked}>
          {saving ? t('newCase.creating') : t('newCase.create')}
        </Button>
      </form>
    </Page>
  );
}

/** Why no new case can be opened now, and what to do. */
function StorageBlocked({ reason, unsentCases }: { reason: string; unsentCases: number }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" role="alert" data-testid="storage-blocked">
      {t(reason === 'write-failed' ? 'errors.storageFull' : 'errors.storageLow', {
        cases: unsentCases,
      })}{' '}
      {t('errors.storageHelp')}
    </Notice>
  );
}

/** The position (with how precise it is) and the place typed in. */
function LocationFieldset({
  locating,
  onLocate,
  place,
  onPlace,
}: {
  locating: Locating;
  onLocate: () => void;
  place: Place;
  onPlace: (place: Place) => void;
}) {
  const { t } = useTranslation();
  const set = (name: keyof Place, value: string) => onPlace({ ...place, [name]: value });
  return (
    <fieldset className="field">
      <legend>{t('newCase.location')}</legend>
      <Button onClick={onLocate} disabled={locating.phase === 'locating'}>
        {locating.phase === 'locating' ? t('newCase.locating') : t('newCase.locate')}
      </Button>
      <p role="status" className="muted" data-testid="position">
        {locating.phase === 'located' && (
          <>
            {locating.position.latitude.toFixed(6)}, {locating.position.longitude.toFixed(6)} ·{' '}
            {t('newCase.accuracy', { meters: Math.round(locating.position.accuracyM) })}
            {locating.position.accuracyM > POOR_ACCURACY_M && (
              <span className="warn-text"> {t('newCase.poorAccuracy')}</span>
            )}
          </>
        )}
        {locating.phase === 'failed' && t(`newCase.locateFailed.${locating.reason}`)}
      </p>
      <PlaceFields place={place} onChange={set} withHint />
    </fieldset>
  );
}
