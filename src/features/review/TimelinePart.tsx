/**
 * The case's timeline, opened on demand: every event on one line of time
 * (steps and photos on scene, versions received, the squad's actions, the
 * packets and the insurers' steps), each with when, who and where.
 */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../contracts/timeline';
import { requiredShots, type CaseRecord } from '../../domain';
import { useCaseTimeline } from '../../services/useReview';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { inLanguage } from './review-format';

const WHERE: Partial<Record<TimelineEvent['kind'], 'scene' | 'phone' | 'insurer'>> = {
  step: 'scene',
  received: 'phone',
  'packet-delivered': 'insurer',
  'webhook-delivered': 'insurer',
  acknowledged: 'insurer',
  assessed: 'insurer',
  paid: 'insurer',
};

/** What happened, in words. */
function useEventText(record: CaseRecord) {
  const { t, i18n } = useTranslation();
  const shots = requiredShots(record);
  const slot = (s: string) => {
    const shot = shots.find((x) => x.slot === s);
    return shot ? inLanguage(shot.title, i18n.language) : t('review.case.extraPhoto');
  };
  return (e: TimelineEvent): string => eventText(t, e, slot);
}

function eventText(t: TFunction, e: TimelineEvent, slot: (s: string) => string): string {
  const d = e.detail ?? '';
  switch (e.kind) {
    case 'step':
      if (d === 'station-handover') return t('timeline.stationHandover');
      return d === 'arrived' ? t('timeline.arrived') : t(`state.${d}`, d);
    case 'photo':
      return t('timeline.photo', { slot: slot(d) });
    case 'received':
      return t('timeline.received', { version: d });
    case 'review':
      // An officer's confirmation of a rural station's case.
      if (d.startsWith('station-')) return t(`timeline.${d}`, d);
      return t(`review.history.kind.${d}`, d);
    case 'packet-delivered':
      return t('timeline.delivered', { version: d });
    case 'webhook-delivered':
      return t('timeline.webhook', { event: t(`timeline.event.${d}`, d) });
    case 'party-confirmed':
      return t('timeline.partyConfirmed', { vehicle: d });
    default:
      return t(`timeline.${e.kind}`);
  }
}

function TimelineList({ id, record }: { id: string; record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const timeline = useCaseTimeline(id);
  const text = useEventText(record);
  if (timeline.status === 'loading') return <p role="status">{t('timeline.loading')}</p>;
  if (timeline.status === 'failed') {
    return (
      <Notice tone="error" role="alert">
        {t('timeline.failed', { reason: t(`review.failure.${timeline.failure}`) })}
      </Notice>
    );
  }
  const { events } = timeline.value;
  if (events.length === 0) return <p>{t('timeline.none')}</p>;
  return (
    <ol className="review-timeline" data-testid="timeline">
      {events.map((e, i) => {
        const where = WHERE[e.kind];
        return (
          <li key={`${e.at}-${e.kind}-${i}`}>
            <time dateTime={e.at}>{formatTime(e.at, i18n.language)}</time>{' '}
            <strong>{text(e)}</strong>
            {e.by && <span className="muted"> · {t('timeline.by', { name: e.by.name })}</span>}
            {e.where && where && (
              <span className="muted"> · {t(`timeline.where.${where}`, { where: e.where })}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function TimelinePart({ id, record }: { id: string; record: CaseRecord }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Section titleId="review-timeline-title" title={t('timeline.title')}>
      <details
        className="review-timeline-details"
        onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      >
        <summary>{t('timeline.open')}</summary>
        {open && <TimelineList id={id} record={record} />}
      </details>
    </Section>
  );
}
