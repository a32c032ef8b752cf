/**
 * The brigade's overdue packets, as the reviewer and the admin read them:
 * each card red and saying how late it is in words (never by colour alone),
 * the insurer, its plates and the due time; the count in a polite status, so
 * a screen reader hears it change when a poll brings another. Words are the
 * `overdue.*` messages (src/services/overdue-messages.ts); data by props.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OverdueClaim, OverdueList } from '../contracts/claims';
import { Button } from './Button';
import { formatTime } from './format';
import { Notice } from './Notice';
import { Page } from './Page';
import { Link } from './router';

/** How late, in words: "超时 1 小时 5 分钟", "65 minutes" as "1 hour 5 minutes overdue". */
export function lateWords(t: TFunction, minutesOverdue: number): string {
  const hours = Math.floor(minutesOverdue / 60);
  const minutes = t('overdue.minutes', { count: minutesOverdue % 60 });
  const duration =
    hours === 0
      ? t('overdue.minutes', { count: minutesOverdue })
      : t('overdue.duration', { hours: t('overdue.hours', { count: hours }), minutes });
  return t('overdue.late', { duration });
}

export type OverdueLoaded =
  | { status: 'loading' }
  | { status: 'ready'; value: OverdueList }
  | { status: 'failed'; failure: string };

export interface OverdueClaimsProps {
  list: OverdueLoaded;
  /** Why the last poll failed, while the list shown is the one before. */
  staleBecause?: string | undefined;
  reload(): void;
  /** Where a case opens (the reviewer's case screen); no link when absent. */
  caseHref?: (claim: OverdueClaim) => string;
  /** Show each packet's brigade (the admin sees every brigade). */
  showBrigade?: boolean;
}

function OverdueCard({
  claim,
  caseHref,
  showBrigade,
}: { claim: OverdueClaim } & Pick<OverdueClaimsProps, 'caseHref' | 'showBrigade'>) {
  const { t, i18n } = useTranslation();
  const title = t('overdue.caseNumber', { number: claim.caseNumber });
  return (
    <li className="record-card overdue-card" data-testid="overdue-claim">
      <strong>{caseHref ? <Link href={caseHref(claim)}>{title}</Link> : title}</strong>
      <span className="overdue-late" data-testid="overdue-late">
        ⚠ {lateWords(t, claim.minutesOverdue)}
      </span>
      <dl className="overdue-facts">
        <dt>{t('overdue.insurer')}</dt>
        <dd>{claim.insurerName}</dd>
        <dt>{t('overdue.plates')}</dt>
        <dd>{claim.plates.length > 0 ? claim.plates.join('、') : t('overdue.noPlates')}</dd>
        <dt>{t('overdue.due')}</dt>
        <dd>
          <time dateTime={claim.callbackDueAt}>
            {formatTime(claim.callbackDueAt, i18n.language)}
          </time>
        </dd>
        {showBrigade && (
          <>
            <dt>{t('overdue.brigade')}</dt>
            <dd>{claim.brigadeName}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

function Ready({ value, ...rest }: { value: OverdueList } & OverdueClaimsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p role="status" data-testid="overdue-count">
        {value.total === 0 ? t('overdue.none') : t('overdue.count', { count: value.total })}
        {value.claims.length < value.total &&
          ` ${t('overdue.shown', { shown: value.claims.length })}`}
      </p>
      {value.claims.length > 0 && (
        <ol className="record-cards" aria-labelledby="overdue-title">
          {value.claims.map((c) => (
            <OverdueCard key={c.claimId} claim={c} {...rest} />
          ))}
        </ol>
      )}
      <p className="muted">{t('overdue.asOf', { time: formatTime(value.asOf, i18n.language) })}</p>
    </>
  );
}

/** The list with its states: loading, failed (with a retry), stale, ready. */
export function OverdueClaims(props: OverdueClaimsProps) {
  const { t } = useTranslation();
  const { list, staleBecause, reload } = props;
  return (
    <>
      <p>{t('overdue.intro')}</p>
      {list.status === 'loading' && <p role="status">{t('overdue.loading')}</p>}
      {list.status === 'failed' && (
        <Notice as="div" tone="warn" role="alert">
          <p>{t(`overdue.failure.${list.failure}`)}</p>
          <Button onClick={reload}>{t('overdue.retry')}</Button>
        </Notice>
      )}
      {list.status === 'ready' && staleBecause && (
        <Notice tone="warn" role="alert">
          {t('overdue.stale', { reason: t(`overdue.failure.${staleBecause}`) })}
        </Notice>
      )}
      {list.status === 'ready' && <Ready value={list.value} {...props} />}
      {list.status === 'ready' && <Button onClick={reload}>{t('overdue.refresh')}</Button>}
    </>
  );
}

/** The overdue list as a screen of its own, with the way back to the role's home. */
export function OverduePage({
  back,
  ...props
}: OverdueClaimsProps & { back: { href: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <Page
      titleId="overdue-title"
      title={t('overdue.title')}
      back={back}
      data-testid="overdue-screen"
    >
      <OverdueClaims {...props} />
    </Page>
  );
}
