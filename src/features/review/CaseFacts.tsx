/**
 * What the officer recorded, for the reviewer to read: the triage answers
 * with their times, the vehicles and parties, and the five-fast times of the
 * case (the place is LocationPart.tsx).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseFiveFastTimestamps,
  damagedPartLabel,
  FIVE_FAST_LABELS,
  FIVE_FASTS,
  fiveFast,
  insurerTimes,
  TRIAGE_RULES,
  type CaseRecord,
  type Party,
  type Vehicle,
} from '../../domain';
import type { Claim } from '../../contracts/claims';
import { Section } from '../../ui/Page';
import { claimsProgress } from './ClaimsPart';
import { formatTime } from '../../ui/format';
import { inLanguage } from './review-format';

/** A definition list of label → value; an empty value reads "not given". */
export function Facts({ rows }: { rows: readonly (readonly [label: string, value: ReactNode])[] }) {
  const { t } = useTranslation();
  return (
    <dl className="review-dl">
      {rows.map(([label, value]) => (
        <div key={label} className="review-dl-row">
          <dt>{label}</dt>
          <dd>{value === undefined || value === '' ? t('review.case.none') : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TriagePart({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const history = record.triage?.history ?? [];
  const question = (id: string) => {
    const rule = TRIAGE_RULES.rules.find((r) => r.id === id);
    return rule ? inLanguage(rule.question, i18n.language) : id;
  };
  return (
    <Section titleId="review-triage" title={t('review.case.triage')}>
      {history.length === 0 ? (
        <p>{t('review.case.triageNone')}</p>
      ) : (
        <ol>
          {history.map((a, i) => (
            <li key={`${a.ruleId}-${i}`}>
              {question(a.ruleId)}{' '}
              <strong>{t(a.answer ? 'review.case.answerYes' : 'review.case.answerNo')}</strong>{' '}
              <span className="muted">{formatTime(a.at, i18n.language)}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function VehicleFacts({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  // Stored as the vocabulary's ids (free text from older records as typed): shown in words.
  const damage = vehicle.damagedParts
    .map((p) => inLanguage(damagedPartLabel(p), i18n.language))
    .join(i18n.language === 'en' ? ', ' : '、');
  return (
    <>
      <h3>{t('review.case.vehicle', { label: vehicle.label })}</h3>
      <Facts
        rows={[
          [t('review.case.plate'), vehicle.plate],
          [t('review.case.vehicleType'), vehicle.vehicleType],
          [t('review.case.vin'), vehicle.vin],
          [t('review.case.owner'), vehicle.owner],
          [t('review.case.damage'), damage],
        ]}
      />
    </>
  );
}

function PartyFacts({ party, vehicles }: { party: Party; vehicles: readonly Vehicle[] }) {
  const { t } = useTranslation();
  const vehicle = vehicles.find((v) => v.id === party.vehicleId);
  const title =
    party.kind === 'fixed-object'
      ? t('review.case.fixedObject')
      : `${t('review.case.driver')}${vehicle ? ` · ${t('review.case.vehicle', { label: vehicle.label })}` : ''}`;
  const insurer = (i: Party['compulsoryInsurance']) =>
    i ? [i.insurer, i.policyNumber].filter(Boolean).join(' ') : undefined;
  return (
    <>
      <h3>{title}</h3>
      <Facts
        rows={[
          [t('review.case.name'), party.name],
          ...(party.kind === 'fixed-object'
            ? ([[t('review.case.fixedObject'), party.objectDescription]] as const)
            : ([
                [t('review.case.idNumber'), party.idNumber],
                [t('review.case.licence'), party.licenceNumber],
                [t('review.case.phone'), party.phone],
                [t('review.case.insurance'), insurer(party.compulsoryInsurance)],
                [t('review.case.commercial'), insurer(party.commercialInsurance)],
              ] as const)),
        ]}
      />
    </>
  );
}

export function PartiesPart({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  return (
    <Section titleId="review-parties" title={t('review.case.parties')}>
      {record.vehicles.map((v) => (
        <VehicleFacts key={v.id} vehicle={v} />
      ))}
      {record.parties.map((p) => (
        <PartyFacts key={p.id} party={p} vehicles={record.vehicles} />
      ))}
    </Section>
  );
}

export function FiveFastPart({ record, claims }: { record: CaseRecord; claims: readonly Claim[] }) {
  const { t, i18n } = useTranslation();
  const times = fiveFast({
    ...caseFiveFastTimestamps(record),
    ...insurerTimes(claimsProgress(claims)),
  });
  return (
    <Section titleId="review-five-fast" title={t('review.case.fiveFast')}>
      <Facts
        rows={FIVE_FASTS.map((k) => {
          const ms = times[k];
          return [
            inLanguage(FIVE_FAST_LABELS[k], i18n.language),
            ms === null
              ? t('review.case.notYet')
              : t('review.case.minutes', { count: Math.round(ms / 60_000) }),
          ] as const;
        })}
      />
    </Section>
  );
}
