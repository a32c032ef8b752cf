import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  editCaseFields,
  handlingEndedAt,
  isOnScene,
  isSealed,
  type CaseRecord,
} from '../../domain';
import { CaseSteps } from './CaseSteps';
import { updateCase } from '../../storage';
import { useServices } from '../../services/ServicesContext';
import { formatTime } from '../../ui/format';
import { OccurredAtChoice } from './OccurredAtChoice';
import { Link } from '../../ui/router';
import { describeSaveError } from '../../services/save-error';
import { WithCase } from '../../services/WithCase';
import { useElapsedMinutes } from './useElapsedMinutes';
import { ReturnedNotice, SealNotice } from './SealNotice';

export function CaseDetail({ id }: { id: string }) {
  return <WithCase id={id}>{(c) => <CaseForm initial={c} />}</WithCase>;
}

type Fields = Pick<CaseRecord, 'notes'> & {
  address: string;
  road: string;
  kmPost: string;
  /** ISO instant, '' when not known. */
  occurredAt: string;
};

function toFields(c: CaseRecord): Fields {
  return {
    address: c.location.address,
    road: c.location.road ?? '',
    kmPost: c.location.kmPost ?? '',
    occurredAt: c.occurredAt ?? '',
    notes: c.notes,
  };
}

function applyFields(c: CaseRecord, f: Fields, at: string): CaseRecord {
  const occurredAt = f.occurredAt || undefined;
  const location = {
    ...c.location,
    address: f.address,
    road: f.road || undefined,
    kmPost: f.kmPost || undefined,
  };
  const r = editCaseFields(c, { location, notes: f.notes, occurredAt }, at);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function CaseForm({ initial }: { initial: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useServices();
  const [fields, setFields] = useState<Fields>(() => toFields(initial));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | { error: string }>('idle');
  const endedAt = handlingEndedAt(initial);
  const minutes = useElapsedMinutes(initial.arrivedAt, endedAt, platform.clock.now);
  const editable = isOnScene(initial.state);
  // Time and place are part of the signed determination; the notes are not.
  const sealed = isSealed(initial);

  // Every edit is written through to IndexedDB at once: a reload never loses it.
  // Transactions run in the order they are created, so the last edit wins.
  const persist = (f: Fields) => {
    setStatus('saving');
    const at = platform.clock.now();
    updateCase(db, initial.id, (c) => applyFields(c, f, at), at)
      .then(() => setStatus('saved'))
      .catch(async (err: unknown) => setStatus({ error: await describeSaveError(err, db, t) }));
  };

  const set = (name: keyof Fields, value: string) => {
    const next = { ...fields, [name]: value };
    setFields(next);
    persist(next);
  };
  const change = (name: keyof Fields) => (e: { target: { value: string } }) =>
    set(name, e.target.value);

  const point = initial.location.point;
  return (
    <section aria-labelledby="case-title">
      <Link href="/" className="back-link">
        ← {t('app.back')}
      </Link>
      <h1 id="case-title">{t('caseDetail.title', { number: initial.caseNumber })}</h1>
      <dl className="facts">
        <dt>{t('caseDetail.state')}</dt>
        <dd>
          <span className={`badge state-${initial.state}`} data-testid="case-state">
            {t(`state.${initial.state}`)}
          </span>
        </dd>
        <dt>{t('caseDetail.arrivedAt')}</dt>
        <dd>
          {formatTime(initial.arrivedAt, i18n.language)} ·{' '}
          <span data-testid="elapsed">
            {endedAt === undefined
              ? t('caseDetail.elapsed', { minutes })
              : t('caseDetail.took', { minutes })}
          </span>
        </dd>
        {point && (
          <>
            <dt>{t('newCase.location')}</dt>
            <dd>
              {t('caseDetail.coordinates', {
                lat: point.latitude.toFixed(6),
                lng: point.longitude.toFixed(6),
              })}
              {point.accuracyM !== undefined &&
                ` · ${t('newCase.accuracy', { meters: Math.round(point.accuracyM) })}`}
            </dd>
          </>
        )}
      </dl>
      <ReturnedNotice c={initial} />
      <fieldset disabled={!editable || sealed} className="plain">
        <OccurredAtChoice
          arrivedAt={initial.arrivedAt}
          value={fields.occurredAt || undefined}
          onChange={(at) => set('occurredAt', at ?? '')}
        />
      </fieldset>
      <CaseSteps c={initial} />
      {!editable && !sealed && <p className="notice">{t('caseDetail.notEditable')}</p>}
      <SealNotice c={initial} />
      <fieldset disabled={!editable} className="plain">
        <fieldset disabled={sealed} className="plain">
          <div className="field">
            <label htmlFor="address">{t('newCase.address')}</label>
            <input id="address" value={fields.address} onChange={change('address')} />
          </div>
          <div className="two-col">
            <div className="field">
              <label htmlFor="road">{t('newCase.road')}</label>
              <input id="road" value={fields.road} onChange={change('road')} />
            </div>
            <div className="field">
              <label htmlFor="kmPost">{t('newCase.kmPost')}</label>
              <input
                id="kmPost"
                value={fields.kmPost}
                placeholder={t('newCase.kmPostHint')}
                onChange={change('kmPost')}
              />
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="notes">{t('caseDetail.notes')}</label>
          <textarea id="notes" rows={4} value={fields.notes} onChange={change('notes')} />
        </div>
      </fieldset>
      <p role="status" aria-live="polite" className="save-status" data-testid="save-status">
        {status === 'saving' && t('caseDetail.saving')}
        {status === 'saved' && t('caseDetail.saved')}
      </p>
      {typeof status === 'object' && (
        <p className="notice error" role="alert">
          {status.error}
        </p>
      )}
    </section>
  );
}
