/**
 * The queue's filters: the case groups with their counts (links, so each is
 * an address), "needs me", a signal, unit, officer, arrival dates and order.
 * Every change goes into the address; the page follows it.
 */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueBucket, ReviewSignal, type QueueResponse } from '../../contracts/review';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { Link } from '../../ui/router';
import { DEFAULT_FILTERS, searchFromFilters, withFilter, type QueueFilters } from './queue-filters';

export interface QueueFiltersProps {
  filters: QueueFilters;
  data: QueueResponse | undefined;
  onChange(next: QueueFilters): void;
}

const href = (f: QueueFilters) => `/review${searchFromFilters(f)}`;

/** A link to the queue under other filters (it goes through `onGo`, which keeps the address). */
function FilterLink({
  to,
  onGo,
  ...rest
}: { to: QueueFilters; onGo(next: QueueFilters): void } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href' | 'onClick'
>) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    onGo(to);
  };
  return <Link href={href(to)} onClick={follow} {...rest} />;
}

function BucketLinks({ filters, data, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  const counted = (label: string, count: number | undefined) =>
    count === undefined ? label : t('review.queue.withCount', { label, count });
  const needsMe = filters.signal === 'any';
  return (
    <nav aria-label={t('review.queue.buckets')} className="filter-links">
      <FilterLink
        onGo={onChange}
        to={withFilter(filters, { bucket: undefined })}
        aria-current={filters.bucket === undefined ? 'page' : undefined}
        className="filter-link"
      >
        {t('review.queue.all')}
      </FilterLink>
      {QueueBucket.options.map((b) => (
        <FilterLink
          key={b}
          onGo={onChange}
          to={withFilter(filters, { bucket: b })}
          aria-current={filters.bucket === b ? 'page' : undefined}
          className="filter-link"
          data-testid={`bucket-${b}`}
        >
          {counted(t(`review.bucket.${b}`), data?.counts.buckets[b])}
        </FilterLink>
      ))}
      <FilterLink
        onGo={onChange}
        to={withFilter(filters, { signal: needsMe ? undefined : 'any' })}
        aria-current={needsMe ? 'page' : undefined}
        className="filter-link needs-me"
        data-testid="needs-me"
      >
        {counted(t('review.queue.needsMe'), data?.counts.needsMe)}
      </FilterLink>
    </nav>
  );
}

export function QueueFiltersPanel({ filters, data, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  const set = (change: Partial<QueueFilters>) => onChange(withFilter(filters, change));
  const officers = (data?.officers ?? []).filter(
    (o) => filters.unit === undefined || o.unitId === filters.unit,
  );
  return (
    <section aria-labelledby="review-filters-title" className="review-filters">
      <h2 id="review-filters-title">{t('review.queue.filters')}</h2>
      <BucketLinks filters={filters} data={data} onChange={onChange} />
      <SelectField
        id="review-signal"
        label={t('review.queue.signal')}
        value={filters.signal ?? ''}
        none={t('review.queue.anySignal')}
        options={[
          {
            value: 'any',
            label: t('review.queue.withCount', {
              label: t('review.queue.needsMe'),
              count: data?.counts.needsMe ?? 0,
            }),
          },
          ...ReviewSignal.options.map((s) => ({
            value: s,
            label: t('review.queue.withCount', {
              label: t(`review.signal.${s}`),
              count: data?.counts.signals[s] ?? 0,
            }),
          })),
        ]}
        onValue={(v) => set({ signal: v === '' ? undefined : (v as ReviewSignal | 'any') })}
      />
      <SelectField
        id="review-unit"
        label={t('review.queue.unit')}
        value={filters.unit ?? ''}
        none={t('review.queue.anyUnit')}
        options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        onValue={(v) => set({ unit: v || undefined, officer: undefined })}
      />
      <SelectField
        id="review-officer"
        label={t('review.queue.officer')}
        value={filters.officer ?? ''}
        none={t('review.queue.anyOfficer')}
        options={officers.map((o) => ({ value: o.id, label: o.name }))}
        onValue={(v) => set({ officer: v || undefined })}
      />
      <div className="two-col">
        <TextField
          id="review-from"
          type="date"
          label={t('review.queue.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onValue={(v) => set({ from: v || undefined })}
        />
        <TextField
          id="review-to"
          type="date"
          label={t('review.queue.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onValue={(v) => set({ to: v || undefined })}
        />
      </div>
      <SelectField
        id="review-sort"
        label={t('review.queue.sort')}
        value={filters.sort}
        options={[
          { value: 'oldest', label: t('review.queue.oldest') },
          { value: 'newest', label: t('review.queue.newest') },
        ]}
        onValue={(v) => set({ sort: v === 'newest' ? 'newest' : 'oldest' })}
      />
      <Button onClick={() => onChange(DEFAULT_FILTERS)}>{t('review.queue.clear')}</Button>
    </section>
  );
}
