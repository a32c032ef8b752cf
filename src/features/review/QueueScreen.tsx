/**
 * The accident squad reviewer's home (`/review`): the brigade's cases, filtered,
 * counted and paged by the server (never all loaded), the filters in the
 * address, and news from the changes feed announced without a reload. Who is
 * signed in, the language and the settings are at the end.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import type { ReviewFailure } from '../../services/review-client';
import { useReviewQueue } from '../../services/useReview';
import { AccountSection } from '../../ui/AccountPanel';
import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useAddressSearch } from '../../ui/router';
import {
  filtersFromSearch,
  queueQueryOf,
  searchFromFilters,
  withFilter,
  type QueueFilters,
} from './queue-filters';
import { QueueFiltersPanel } from './QueueFilters';
import { QueueResults } from './QueueResults';
import './review.css';

/** The time now, moving on each minute (the cases' waiting times). */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The queue's failure in words: its address not found is the server's fault, not a case missing. */
const queueFailure = (f: ReviewFailure) => `review.failure.${f === 'not-found' ? 'server' : f}`;

export function QueueScreen() {
  const { t } = useTranslation();
  const [search, goTo] = useAddressSearch('/review');
  const account = useAccountView();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => queueQueryOf(filters), [filters]);
  const { page, refreshing, staleBecause, arrived, reload } = useReviewQueue(query);
  const now = useMinuteClock();
  const go = (f: QueueFilters) => goTo(searchFromFilters(f));
  const data = page.value;
  return (
    <section
      aria-labelledby="review-queue-title"
      className="review-wide"
      data-testid="review-queue"
    >
      <h1 id="review-queue-title">{t('account.title.reviewer')}</h1>
      <p role="status" className="review-news" data-testid="queue-news">
        {arrived > 0 ? t('review.queue.arrived', { count: arrived }) : ''}
      </p>
      <p>
        <ButtonLink href="/review/overdue">{t('overdue.open')}</ButtonLink>
      </p>
      <p>
        <ButtonLink href="/handovers" data-testid="review-handovers-link">
          {t('review.queue.handovers')}
        </ButtonLink>
      </p>
      <div className="review-queue-layout">
        <QueueFiltersPanel filters={filters} data={data} onChange={go} />
        <section aria-labelledby="review-results-title" aria-busy={refreshing}>
          <h2 id="review-results-title">{t('review.queue.results')}</h2>
          {refreshing && <p className="muted">{t('review.queue.refreshing')}</p>}
          {staleBecause && data && (
            <Notice tone="warn" role="alert">
              {t('review.queue.stale', { reason: t(queueFailure(staleBecause)) })}
            </Notice>
          )}
          {page.status === 'loading' && <p role="status">{t('review.loading')}</p>}
          {page.status === 'failed' && (
            <Notice tone="error" as="div" role="alert">
              <p>{t(queueFailure(page.failure))}</p>
              <Button onClick={reload}>{t('review.retry')}</Button>
            </Notice>
          )}
          {data && (
            <QueueResults
              data={data}
              now={now}
              onPage={(p) => go(withFilter(filters, { page: p }))}
            />
          )}
        </section>
      </div>
      <AccountSection
        titleId="review-account-title"
        title={t('review.queue.account')}
        account={account}
      />
    </section>
  );
}
