/**
 * One page of the queue: a table on a desk or tablet, stacked cards on a
 * phone (the same cases; CSS shows one of the two), and the paging.
 */
import { useTranslation } from 'react-i18next';
import type { QueueItem, QueueResponse } from '../../contracts/review';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { Link } from '../../ui/router';
import { pageCount } from './queue-filters';
import { ageOf, ageText } from './review-format';

function Signals({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  if (item.signals.length === 0 && !item.takenOver) return null;
  return (
    <ul className="review-signals">
      {item.signals.map((s) => (
        <li key={s} className="badge signal">
          {t(`review.signal.${s}`)}
        </li>
      ))}
      {item.takenOver && <li className="badge">{t('review.queue.takenOver')}</li>}
    </ul>
  );
}

const caseHref = (item: QueueItem) => `/review/${item.id}`;

function useColumns(now: number): Column<QueueItem>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'number',
      header: t('review.queue.column.number'),
      rowHeader: true,
      cell: (c) => <Link href={caseHref(c)}>{c.caseNumber}</Link>,
    },
    {
      key: 'age',
      header: t('review.queue.column.age'),
      cell: (c) => ageText(t, ageOf(c.arrivedAt, now)),
    },
    { key: 'unit', header: t('review.queue.column.unit'), cell: (c) => c.unit.name },
    { key: 'officer', header: t('review.queue.column.officer'), cell: (c) => c.officer.name },
    { key: 'address', header: t('review.queue.column.address'), cell: (c) => c.address },
    { key: 'plates', header: t('review.queue.column.plates'), cell: (c) => c.plates.join('、') },
    {
      key: 'signals',
      header: t('review.queue.column.signals'),
      cell: (c) => <Signals item={c} />,
    },
    { key: 'state', header: t('review.queue.column.state'), cell: (c) => t(`state.${c.state}`) },
  ];
}

function Cards({ items, now }: { items: readonly QueueItem[]; now: number }) {
  const { t } = useTranslation();
  return (
    <ul className="record-cards" aria-label={t('review.queue.results')}>
      {items.map((c) => (
        <li key={c.id}>
          <Link href={caseHref(c)} className="record-card">
            <span className="case-number">{c.caseNumber}</span>
            <span className="badge">{t(`state.${c.state}`)}</span>
            <span className="case-place">{c.address}</span>
            <span className="muted">
              {ageText(t, ageOf(c.arrivedAt, now))} · {c.unit.name} · {c.officer.name}
              {c.plates.length > 0 && ` · ${c.plates.join('、')}`}
            </span>
          </Link>
          <Signals item={c} />
        </li>
      ))}
    </ul>
  );
}

export interface QueueResultsProps {
  data: QueueResponse;
  now: number;
  onPage(page: number): void;
}

export function QueueResults({ data, now, onPage }: QueueResultsProps) {
  const { t } = useTranslation();
  const columns = useColumns(now);
  const pages = pageCount(data.total, data.pageSize);
  return (
    <>
      <div className="desk-only">
        <DataTable
          caption={t('review.queue.caption', { total: data.total })}
          columns={columns}
          rows={data.items}
          rowKey={(c) => c.id}
          empty={t('review.queue.empty')}
        />
      </div>
      <div className="phone-only">
        {data.items.length === 0 ? <p>{t('review.queue.empty')}</p> : null}
        <Cards items={data.items} now={now} />
      </div>
      <nav aria-label={t('review.queue.paging')} className="review-paging">
        <Button disabled={data.page <= 1} onClick={() => onPage(data.page - 1)}>
          {t('review.queue.prev')}
        </Button>
        <span data-testid="queue-page">
          {t('review.queue.page', { page: data.page, pages, total: data.total })}
        </span>
        <Button disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
          {t('review.queue.next')}
        </Button>
      </nav>
    </>
  );
}
