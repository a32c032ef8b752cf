/**
 * The case screen (`/cases/:id`): where the case stands, its steps, the
 * fields edited here (accident time, place, notes), each edit written
 * through at once, and the roadside video near the case.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  editCaseFields,
  handlingEndedAt,
  isOnScene,
  isSealed,
  type CaseRecord,
} from '../../domain';
import { useServices } from '../../services/ServicesContext';
import { useCaseStep } from '../../services/useCaseStep';
import { WithCase } from './WithCase';
import { TextArea } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { SaveStatus } from '../../ui/SaveStatus';
import { CaseSteps } from './CaseSteps';
import { FootageSection } from './FootageSection';
import { OccurredAtChoice } from './OccurredAtChoice';
import { PlaceFields } from './PlaceFields';
import { SealNotice } from './SealNotice';
import { SquadNotice } from './SquadNotice';
import { useElapsedMinutes } from './useElapsedMinutes';

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

function applyFields(c: CaseRecord, f: Fields, at: string) {
  const occurredAt = f.occurredAt || undefined;
  const location = {
    ...c.location,
    address: f.address,
    road: f.road || undefined,
    kmPost: f.kmPost || undefined,
  };
  return editCaseFields(c, { location, notes: f.notes, occurredAt }, at);
}

/** The form's fields, each edit written through to the phone at once (the last edit wins). */
function useCaseFields(initial: CaseRecord) {
  const { run, status } = useCaseStep(initial.id);
  const [fields, setFields] = useState<Fields>(() => toFields(initial));
  const set = (name: keyof Fields) => (value: string) => {
    const next = { ...fields, [name]: value };
    setFields(next);
    run((c, at) => applyFields(c, next, at));
  };
  return { fields, set, status };
}

function CaseForm({ initial }: { initial: CaseRecord }) {
  const { t } = useTranslation();
  const { fields, set, status } = useCaseFields(initial);
  const editable = isOnScene(initial.state);
  // Time and place are part of the signed determination; the notes are not.
  const sealed = isSealed(initial);

  return (
    <Page
      titleId="case-title"
      title={t('caseDetail.title', { number: initial.caseNumber })}
      back={{ href: '/', label: t('app.back') }}
    >
      <CaseFacts c={initial} />
      <SquadNotice c={initial} />
      <fieldset disabled={!editable || sealed} className="plain">
        <OccurredAtChoice
          arrivedAt={initial.arrivedAt}
          value={fields.occurredAt || undefined}
          onChange={(at) => set('occurredAt')(at ?? '')}
        />
      </fieldset>
      <CaseSteps c={initial} />
      {!editable && !sealed && <Notice>{t('caseDetail.notEditable')}</Notice>}
      <SealNotice c={initial} />
      <fieldset disabled={!editable} className="plain">
        <fieldset disabled={sealed} className="plain">
          <PlaceFields place={fields} onChange={(name, value) => set(name)(value)} />
        </fieldset>
        <TextArea
          id="notes"
          label={t('caseDetail.notes')}
          rows={4}
          value={fields.notes}
          onValue={set('notes')}
        />
      </fieldset>
      <SaveStatus status={status} />
      <FootageSection c={initial} />
    </Page>
  );
}

/** State, arrival and how long handling took, and the point when there is one. */
function CaseFacts({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const endedAt = handlingEndedAt(c);
  const minutes = useElapsedMinutes(c.arrivedAt, endedAt, platform.clock.now);
  const point = c.location.point;
  return (
    <dl className="facts">
      <dt>{t('caseDetail.state')}</dt>
      <dd>
        <span className={`badge state-${c.state}`} data-testid="case-state">
          {t(`state.${c.state}`)}
        </span>
      </dd>
      <dt>{t('caseDetail.arrivedAt')}</dt>
      <dd>
        {formatTime(c.arrivedAt, i18n.language)} ·{' '}
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
              lon: point.longitude.toFixed(6),
            })}
            {point.accuracyM !== undefined &&
              ` · ${t('newCase.accuracy', { meters: Math.round(point.accuracyM) })}`}
          </dd>
        </>
      )}
    </dl>
  );
}
