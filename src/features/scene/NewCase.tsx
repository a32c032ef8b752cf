import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { makeCaseNumber, openCase, type CaseLocation } from '../../domain';
import type { Position, PositionResult } from '../../platform';
import { useServices } from '../../services/ServicesContext';
import { officerOf } from '../../services/useSession';
import { fromLocalInput, toLocalInput } from '../../ui/format';
import { navigate } from '../../ui/router';
import { describeSaveError } from '../../services/save-error';
import { useRoomForNewCase } from '../../services/storage-pressure';
import { useLiveQuery } from 'dexie-react-hooks';
import { countUnsent, saveCase } from '../../storage';
import { MINUTES_BEFORE_ARRIVAL, OccurredAtChoice } from './OccurredAtChoice';

/** Accuracy (metres) beyond which the officer should add road and km post. */
const POOR_ACCURACY_M = 100;

type Locating =
  | { phase: 'locating' }
  | { phase: 'located'; position: Position }
  | { phase: 'failed'; reason: 'unsupported' | 'denied' | 'unavailable' | 'timeout' };

export function NewCase() {
  const { t } = useTranslation();
  const { db, platform, session } = useServices();
  const [arrivedAt, setArrivedAt] = useState(() => toLocalInput(platform.clock.now()));
  const [locating, setLocating] = useState<Locating>({ phase: 'locating' });
  const [address, setAddress] = useState('');
  // Minutes before arrival (follows a corrected arrival time), or an exact time.
  const [occurred, setOccurred] = useState<number | string | undefined>(0);
  const [road, setRoad] = useState('');
  const [kmPost, setKmPost] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const room = useRoomForNewCase();
  const unsent = useLiveQuery(() => countUnsent(db), [db]);
  const blocked = room !== undefined && !room.ok;

  const located = useCallback(
    (r: PositionResult): Locating =>
      r.ok ? { phase: 'located', position: r.position } : { phase: 'failed', reason: r.reason },
    [],
  );

  // Locate once on arrival; the officer can ask again with the button.
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
  const arrivalIso = fromLocalInput(arrivedAt);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const position = locating.phase === 'located' ? locating.position : undefined;
    if (!position && address.trim() === '') {
      setError(t('newCase.needLocation'));
      document.getElementById('address')?.focus();
      return;
    }
    const now = platform.clock.now();
    const id = platform.clock.newId();
    const location: CaseLocation = {
      address: address.trim(),
      ...(road.trim() && { road: road.trim() }),
      ...(kmPost.trim() && { kmPost: kmPost.trim() }),
      ...(position && { point: { ...position, source: 'gps' as const } }),
    };
    const arrival = fromLocalInput(arrivedAt) ?? now;
    const occurredAt = occurredFrom(arrival) ?? arrival;
    setSaving(true);
    try {
      const officer = officerOf(await session.state());
      const c = openCase({
        ...(officer && { officer }),
        id,
        arrivedAt: arrival,
        location,
        caseNumber: makeCaseNumber(id, arrival),
        occurredAt,
      });
      await saveCase(db, c, now);
      // Straight on to the first step; the case screen is one tap back.
      navigate(`/cases/${id}/triage`, { replace: true });
    } catch (err) {
      setError(await describeSaveError(err, db, t));
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('newCase.title')}</h1>
      {blocked && (
        <p className="notice error" role="alert" data-testid="storage-blocked">
          {t(room.reason === 'write-failed' ? 'errors.storageFull' : 'errors.storageLow', {
            cases: unsent?.cases ?? 0,
          })}{' '}
          {t('errors.storageHelp')}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="arrivedAt">{t('newCase.arrivedAt')}</label>
          <input
            id="arrivedAt"
            type="datetime-local"
            value={arrivedAt}
            onChange={(e) => setArrivedAt(e.target.value)}
          />
        </div>
        {arrivalIso && (
          <OccurredAtChoice
            arrivedAt={arrivalIso}
            value={occurredFrom(arrivalIso)}
            onChange={chooseOccurred(arrivalIso)}
          />
        )}
        <fieldset className="field">
          <legend>{t('newCase.location')}</legend>
          <button
            type="button"
            className="button"
            onClick={locate}
            disabled={locating.phase === 'locating'}
          >
            {locating.phase === 'locating' ? t('newCase.locating') : t('newCase.locate')}
          </button>
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
          <label htmlFor="address">{t('newCase.address')}</label>
          <input
            id="address"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-describedby="address-hint"
            autoComplete="off"
          />
          <small id="address-hint" className="muted">
            {t('newCase.addressHint')}
          </small>
          <div className="two-col">
            <div>
              <label htmlFor="road">{t('newCase.road')}</label>
              <input id="road" value={road} onChange={(e) => setRoad(e.target.value)} />
            </div>
            <div>
              <label htmlFor="kmPost">{t('newCase.kmPost')}</label>
              <input
                id="kmPost"
                value={kmPost}
                placeholder={t('newCase.kmPostHint')}
                onChange={(e) => setKmPost(e.target.value)}
              />
            </div>
          </div>
        </fieldset>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary block" disabled={saving || blocked}>
          {saving ? t('newCase.creating') : t('newCase.create')}
        </button>
      </form>
    </section>
  );
}
