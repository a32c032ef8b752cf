/** The on-scene steps of a case, each with where it stands, and the five-fast clock. */
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseFiveFastTimestamps,
  enteredAt,
  evidenceStatus,
  fiveFast,
  insurerTimes,
  type CaseRecord,
  type CaseReview,
  type EvidenceStatus,
} from '../../domain';
import { useCaseReview, usePhotos } from '../../services/useCase';
import { useViewerRole } from '../../services/useSession';
import { ButtonLink } from '../../ui/Button';
import { Link } from '../../ui/router';
import { InsurerSteps } from './InsurerSteps';

const minutes = (ms: number | null) => (ms === null ? null : Math.max(0, Math.round(ms / 60_000)));

/** Steps the way on never points at: the officer takes them when the case needs them. */
const OPTIONAL = ['location', 'sketch'];

interface Step {
  key: string;
  href: string;
  label: string;
  status: string;
  done: boolean;
}

/** Triage to clearance: what the officer does at the roadside. */
function sceneSteps(
  c: CaseRecord,
  evidence: EvidenceStatus<{ slot: string }>,
  t: TFunction,
): Step[] {
  const triaged = c.state !== 'opened';
  const cleared = enteredAt(c, 'scene-cleared') !== undefined;
  const { point, kmPost } = c.location;
  return [
    {
      key: 'triage',
      href: `/cases/${c.id}/triage`,
      label: t('steps.triage'),
      status:
        c.state === 'escalated'
          ? t('state.escalated')
          : triaged
            ? t('steps.done')
            : t('steps.todo'),
      done: triaged,
    },
    {
      key: 'location',
      href: `/cases/${c.id}/location`,
      label: t('steps.location'),
      status: point
        ? `${point.latitude.toFixed(4)}, ${point.longitude.toFixed(4)}`
        : (kmPost ?? t('steps.todo')),
      done: point !== undefined || kmPost !== undefined,
    },
    {
      key: 'parties',
      href: `/cases/${c.id}/parties`,
      label: t('steps.parties'),
      status: t('steps.vehicles', { count: c.vehicles.length }),
      done: c.vehicles.length > 0,
    },
    {
      key: 'sketch',
      href: `/cases/${c.id}/sketch`,
      label: t('sketch.step'),
      status: (c.sketch?.vehicles.length ?? 0) > 0 ? t('sketch.stepDrawn') : t('steps.todo'),
      done: (c.sketch?.vehicles.length ?? 0) > 0,
    },
    {
      key: 'evidence',
      href: `/cases/${c.id}/evidence`,
      label: t('steps.evidence'),
      status: `${evidence.required.length - evidence.missing.length} / ${evidence.required.length}`,
      done: evidence.complete,
    },
    {
      key: 'clearance',
      href: `/cases/${c.id}/evidence`,
      label: t('steps.clearance'),
      status: cleared ? t('steps.done') : t('steps.todo'),
      done: cleared,
    },
  ];
}

/** Liability to the document: after the scene is cleared. */
function signingSteps(c: CaseRecord, t: TFunction): Step[] {
  const signedAt = enteredAt(c, 'signed');
  return [
    {
      key: 'liability',
      href: `/cases/${c.id}/liability`,
      label: t('steps.liability'),
      status: c.liability?.proposal ? t('steps.done') : t('steps.todo'),
      done: c.liability?.proposal !== undefined,
    },
    {
      key: 'signing',
      href: `/cases/${c.id}/notices`,
      label: t('steps.signing'),
      status: signedAt ? t('steps.done') : t('steps.todo'),
      done: signedAt !== undefined,
    },
    {
      key: 'document',
      href: `/cases/${c.id}/document`,
      label: t('steps.document'),
      status: signedAt ? t('steps.ready') : '—',
      done: signedAt !== undefined,
    },
  ];
}

/**
 * A rural station's last steps: it hands the cleared case over to an officer,
 * who determines liability remotely; then the station reads his determination
 * to the parties and they sign (the signing steps, without liability).
 */
function handoverSteps(c: CaseRecord, t: TFunction): Step[] {
  const determined = c.liability?.remote !== undefined;
  return [
    {
      key: 'handover',
      href: `/cases/${c.id}/liability`,
      label: t('stationSteps.handover'),
      status: determined
        ? t('stationSteps.determined')
        : c.handover
          ? t('stationSteps.handedOver')
          : t('steps.todo'),
      done: c.handover !== undefined,
    },
    ...(determined ? signingSteps(c, t).filter((s) => s.key !== 'liability') : []),
  ];
}

export function CaseSteps({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const photos = usePhotos(c.id) ?? [];
  const review = useCaseReview(c.id);
  const station = useViewerRole() === 'station';
  const steps = [
    ...sceneSteps(c, evidenceStatus(c, photos), t),
    ...(station ? handoverSteps(c, t) : signingSteps(c, t)),
  ];
  // The way on: the first step of the quick path not done yet (the map and the sketch are optional).
  const next =
    c.state === 'escalated' ? undefined : steps.find((s) => !OPTIONAL.includes(s.key) && !s.done);
  return (
    <>
      {next && (
        <ButtonLink href={next.href} variant="primary" block data-testid="next-step">
          {next.key === 'handover' ? t('stationSteps.next') : t(`nextStep.${next.key}`)}
        </ButtonLink>
      )}
      <ol className="steps" aria-label={t('steps.title')}>
        {steps.map((s) => (
          <li key={s.label} className={s.done ? 'step done' : 'step'}>
            <Link href={s.href} className="step-link">
              <span className="step-label">{s.label}</span>
              <span className="step-status">{s.status}</span>
            </Link>
          </li>
        ))}
      </ol>
      <InsurerSteps review={review} />
      <FiveFast c={c} review={review} />
    </>
  );
}

/** The five-fast record: minutes to evidence, clearance and liability, then the insurers' assessment and payout. */
function FiveFast({ c, review }: { c: CaseRecord; review: CaseReview | null | undefined }) {
  const { t } = useTranslation();
  const fast = fiveFast({ ...caseFiveFastTimestamps(c), ...insurerTimes(review?.insurers) });
  const shown = (ms: number | null) => {
    const m = minutes(ms);
    return m === null ? '—' : t('steps.minutes', { count: m });
  };
  const rows = [
    ['evidence', t('steps.evidenceFast')],
    ['clearance', t('steps.clearanceFast')],
    ['liability', t('insurerSteps.liabilityFast')],
    ['assessment', t('insurerSteps.assessmentFast')],
    ['payout', t('insurerSteps.payoutFast')],
  ] as const;
  return (
    <dl className="facts five-fast" data-testid="five-fast">
      {rows.map(([key, label]) => (
        <Fragment key={key}>
          <dt>{label}</dt>
          <dd data-testid={`${key}-fast`}>{shown(fast[key])}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
