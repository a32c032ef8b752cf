/**
 * A case's roadside video, as the officer's case screen and the reviewer's
 * case view both show it: the brigade's units near the case, nearest first,
 * each with its distance, facing and retention and the button that requests
 * its footage (offline the button says it needs a connection; a unit whose
 * retention has passed says it can no longer be requested), and the case's
 * requests with their state in words. Words are the `footage.*` messages
 * (src/services/footage-messages.ts); data and actions by props.
 */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest, VideoUnit } from '../contracts/video';
import { Button } from './Button';
import { formatTime } from './format';
import { ErrorNotice, Notice } from './Notice';

export interface NearbyUnitView {
  unit: VideoUnit;
  distanceM: number;
  /** The unit no longer keeps footage of the accident's window. */
  retentionPassed: boolean;
}

export type FootageUnits =
  | { kind: 'listed'; nearby: readonly NearbyUnitView[] }
  | { kind: 'no-point' }
  | { kind: 'no-pack' };

export type FootageListView =
  | { status: 'loading' }
  | { status: 'ready'; requests: readonly FootageRequest[] }
  | { status: 'failed'; failure: string };

export type FootageOutcome =
  { kind: 'requested'; name: string } | { kind: 'failed'; failure: string };

export interface FootagePartProps {
  units: FootageUnits | undefined;
  radiusM: number;
  window: { from: string; to: string };
  online: boolean;
  list: FootageListView;
  /** The unit whose request is on its way. */
  sending: string | undefined;
  outcome: FootageOutcome | undefined;
  onRequest(unit: VideoUnit): void;
  onRetry(): void;
  /** The reviewer's answer to a request still open (retrieved / unavailable). */
  answer?: ((request: FootageRequest) => ReactNode) | undefined;
}

export function distanceWords(t: TFunction, metres: number): string {
  return metres < 1000
    ? t('footage.metres', { count: Math.round(metres) })
    : t('footage.kilometres', { km: (metres / 1000).toFixed(1) });
}

const km = (radiusM: number) => String(Math.round(radiusM / 100) / 10);

export function FootagePart(props: FootagePartProps) {
  const { t, i18n } = useTranslation();
  const { window: w } = props;
  return (
    <section aria-labelledby="footage-title" className="footage" data-testid="footage">
      <h2 id="footage-title">{t('footage.title')}</h2>
      <p>{t('footage.intro', { km: km(props.radiusM) })}</p>
      <p>
        {t('footage.window', {
          from: formatTime(w.from, i18n.language),
          to: formatTime(w.to, i18n.language),
        })}
      </p>
      {!props.online && <Notice tone="warn">{t('footage.offlineNote')}</Notice>}
      <UnitList {...props} />
      <p role="status" data-testid="footage-requested">
        {props.outcome?.kind === 'requested' &&
          t('footage.requested', { name: props.outcome.name })}
      </p>
      <ErrorNotice
        error={
          props.outcome?.kind === 'failed' ? t(`footage.failure.${props.outcome.failure}`) : null
        }
      />
      <h3 id="footage-requests">{t('footage.requests')}</h3>
      <RequestList list={props.list} onRetry={props.onRetry} answer={props.answer} />
    </section>
  );
}

function UnitList({ units, radiusM, online, sending, onRequest }: FootagePartProps) {
  const { t } = useTranslation();
  if (!units) return null;
  if (units.kind === 'no-point') return <Notice>{t('footage.noPoint')}</Notice>;
  if (units.kind === 'no-pack') return <Notice>{t('footage.noPack')}</Notice>;
  if (units.nearby.length === 0) return <p>{t('footage.none', { km: km(radiusM) })}</p>;
  return (
    <ul className="footage-list" aria-label={t('footage.unitsLabel')} data-testid="footage-units">
      {units.nearby.map(({ unit, distanceM, retentionPassed }) => (
        <li key={unit.id} data-testid="footage-unit">
          <strong>
            {unit.name}（{unit.code}）
          </strong>
          <span>
            {[
              t('footage.distance', { distance: distanceWords(t, distanceM) }),
              t('footage.facing', { facing: t(`footage.facings.${unit.facing}`) }),
              t('footage.keeps', { days: unit.retentionDays }),
            ].join(' · ')}
          </span>
          {retentionPassed ? (
            <span className="badge missing" data-testid="footage-gone">
              {t('footage.retentionPassed', { days: unit.retentionDays })}
            </span>
          ) : (
            <Button
              disabled={!online || sending !== undefined}
              aria-label={online ? t('footage.requestFor', { name: unit.name }) : undefined}
              onClick={() => onRequest(unit)}
            >
              {!online
                ? t('footage.needsLink')
                : sending === unit.id
                  ? t('footage.sending')
                  : t('footage.request')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

function RequestList({
  list,
  onRetry,
  answer,
}: Pick<FootagePartProps, 'list' | 'onRetry' | 'answer'>) {
  const { t } = useTranslation();
  if (list.status === 'loading') return <p role="status">{t('footage.loading')}</p>;
  if (list.status === 'failed') {
    return (
      <Notice as="div" tone="warn">
        <p>{t(`footage.failure.${list.failure}`)}</p>
        <Button onClick={onRetry}>{t('footage.retry')}</Button>
      </Notice>
    );
  }
  if (list.requests.length === 0) return <p>{t('footage.noRequests')}</p>;
  return (
    <ul className="footage-list" aria-labelledby="footage-requests">
      {list.requests.map((r) => (
        <RequestItem key={r.id} r={r} answer={answer} />
      ))}
    </ul>
  );
}

function RequestItem({ r, answer }: { r: FootageRequest; answer: FootagePartProps['answer'] }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, i18n.language);
  const open = r.standing === 'requested' || r.standing === 'expired';
  return (
    <li data-testid="footage-request">
      <strong>
        {r.unit.name}（{r.unit.code}）
      </strong>
      <span className={`badge footage-${r.standing}`} data-testid="footage-standing">
        {t(`footage.standing.${r.standing}`)}
      </span>
      <span>{t('footage.window', { from: time(r.from), to: time(r.to) })}</span>
      <span>
        {t('footage.requestedBy', { name: r.requestedBy.name, time: time(r.requestedAt) })}
      </span>
      {open && <span>{t('footage.expiresAt', { time: time(r.expiresAt) })}</span>}
      {r.reference && <span>{t('footage.reference', { reference: r.reference })}</span>}
      {r.resolution && <span>{t('footage.reason', { reason: r.resolution })}</span>}
      {r.resolvedBy && r.resolvedAt && (
        <span>
          {t('footage.resolvedBy', { name: r.resolvedBy.name, time: time(r.resolvedAt) })}
        </span>
      )}
      {r.note && <span>{t('footage.reason', { reason: r.note })}</span>}
      {open && answer?.(r)}
    </li>
  );
}
