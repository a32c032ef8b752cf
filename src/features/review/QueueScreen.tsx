/**
 * The accident squad reviewer's home (`/review`): the brigade's cases, filtered,
 * counted and paged by the server (never all loaded), the filters in the
 * address, and news from the changes feed announced without a reload. Who is
 * signed in, the language and the settings are at the end.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import type { ReviewFailure } from '../../services/review-client';
import { useReviewQueue } from '../../services/useReview';
import { AccountPanel } from '../../ui/AccountPanel';
import { Button, ButtonLink } from '../../ui/Button';
import { LanguageChoice } from '../../ui/LanguageChoice';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
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

/**
 * The address's query string, read again after this screen navigates and on
 * back/forward (the router follows the path only).
 */
function useAddressSearch(): [search: string, go: (search: string) => void] {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const read = () => setSearch(window.location.search);
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, []);
  const go = useCallback((next: string) => {
    navigate(`/review${next}`);
    setSearch(window.location.search);
  }, []);
  return [search, go];
}

function AccountPart() {
  const { t } = useTranslation();
  const account = useAccountView();
  return (
    <section aria-labelledby="review-account-title" className="review-account">
      <h2 id="review-account-title">{t('review.queue.account')}</h2>
      {account && <AccountPanel account={account} />}
      <LanguageChoice />
      <ButtonLink href="/settings">{t('account.settings')}</ButtonLink>
    </section>
  );
}

/** The queue's failure in words: its address not found is the server's fault, not a case missing. */
const queueFailure = (f: ReviewFailure) => `review.failure.${f === 'not-found' ? 'server' : f}`;

export function QueueScreen() {
  const { t } = useTranslation();
  const [search, goTo] = useAddressSearch();
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
      <AccountPart />
    </section>
  );
}
