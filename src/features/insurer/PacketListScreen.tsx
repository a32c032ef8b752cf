/**
 * The insurer's home (`/insurer`): the packets delivered to the company,
 * filtered by status or overdue (the filter in the address), counted, with
 * each packet's call-back clock; asked again every 30 s while visible, so a
 * new packet appears (and is announced) without a reload. Who is signed in,
 * the language and the settings are at the end.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PacketList } from '../../contracts/packets';
import { useAccountView } from '../../services/useAccount';
import { usePacketList } from '../../services/usePackets';
import { AccountSection } from '../../ui/AccountPanel';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Link, useAddressSearch } from '../../ui/router';
import {
  filterFromSearch,
  queryOf,
  sameFilter,
  searchOf,
  type PacketFilter,
} from './packet-filters';
import { STATUSES } from './packet-model';
import { PacketResults } from './PacketResults';
import { failureKey, useClock } from './insurer-time';
import './insurer.css';

function Filters({
  filter,
  data,
  onChange,
}: {
  filter: PacketFilter;
  data: PacketList | undefined;
  onChange(f: PacketFilter): void;
}) {
  const { t } = useTranslation();
  const choices: { filter: PacketFilter; label: string }[] = [
    { filter: { kind: 'all' }, label: t('insurer.list.all') },
    ...STATUSES.map((status) => ({
      filter: { kind: 'status', status } as const,
      label: t('insurer.list.withCount', {
        label: t(`insurer.status.${status}`),
        count: data?.counts[status] ?? 0,
      }),
    })),
    {
      filter: { kind: 'overdue' },
      label: t('insurer.list.withCount', {
        label: t('insurer.list.overdue'),
        count: data?.overdue ?? 0,
      }),
    },
  ];
  return (
    <nav aria-label={t('insurer.list.filters')}>
      <ul className="filter-links">
        {choices.map((c) => (
          <li key={searchOf(c.filter) || 'all'}>
            <Link
              href={`/insurer${searchOf(c.filter)}`}
              className={c.filter.kind === 'overdue' ? 'filter-link overdue' : 'filter-link'}
              aria-current={sameFilter(c.filter, filter) ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onChange(c.filter);
              }}
            >
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PacketListScreen() {
  const { t } = useTranslation();
  const [search, goTo] = useAddressSearch('/insurer');
  const account = useAccountView();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const query = useMemo(() => queryOf(filter), [filter]);
  const { list, refreshing, staleBecause, arrived, reload } = usePacketList(query);
  const now = useClock();
  const data = list.value;
  return (
    <section
      aria-labelledby="insurer-list-title"
      className="insurer-wide"
      data-testid="insurer-list"
    >
      <h1 id="insurer-list-title">{t('account.title.insurer')}</h1>
      <p role="status" className="insurer-news" data-testid="packet-news">
        {arrived > 0 ? t('insurer.list.arrived', { count: arrived }) : ''}
      </p>
      {data && (
        <p className="muted">{t('insurer.list.target', { minutes: data.callbackMinutes })}</p>
      )}
      <Filters filter={filter} data={data} onChange={(f) => goTo(searchOf(f))} />
      <section aria-labelledby="insurer-results-title" aria-busy={refreshing}>
        <h2 id="insurer-results-title">{t('insurer.list.results')}</h2>
        {staleBecause && data && (
          <Notice tone="warn" role="alert">
            {t('insurer.list.stale', { reason: t(failureKey(staleBecause)) })}
          </Notice>
        )}
        {list.status === 'loading' && <p role="status">{t('insurer.loading')}</p>}
        {list.status === 'failed' && (
          <Notice tone="error" as="div" role="alert">
            <p>{t(failureKey(list.failure))}</p>
            <Button onClick={reload}>{t('insurer.retry')}</Button>
          </Notice>
        )}
        {data && (
          <PacketResults
            packets={data.packets}
            now={now}
            caption={t('insurer.list.caption', { count: data.packets.length })}
          />
        )}
      </section>
      <AccountSection
        titleId="insurer-account-title"
        title={t('insurer.list.account')}
        account={account}
      />
    </section>
  );
}
