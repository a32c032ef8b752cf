/**
 * The insurer's packets: a table on a desk or tablet, stacked cards on a
 * phone (the same packets; CSS shows one of the two). Each names its case,
 * the insured plates, the place, when it was delivered and its call-back clock.
 */
import { useTranslation } from 'react-i18next';
import type { PacketSummary } from '../../contracts/packets';
import { DataTable, type Column } from '../../ui/DataTable';
import { formatTime } from '../../ui/format';
import { Link } from '../../ui/router';
import { CallbackMark } from './CallbackMark';

const packetHref = (p: PacketSummary) => `/insurer/packets/${p.id}`;

function Clock({ p, now }: { p: PacketSummary; now: number }) {
  return (
    <CallbackMark
      status={p.status}
      dueAt={p.callbackDueAt}
      acknowledgedAt={p.acknowledgedAt}
      overdue={p.overdue}
      now={now}
    />
  );
}

function useColumns(now: number): Column<PacketSummary>[] {
  const { t, i18n } = useTranslation();
  return [
    {
      key: 'number',
      header: t('insurer.list.column.number'),
      rowHeader: true,
      cell: (p) => <Link href={packetHref(p)}>{p.caseNumber}</Link>,
    },
    {
      key: 'status',
      header: t('insurer.list.column.status'),
      cell: (p) => t(`insurer.status.${p.status}`),
    },
    {
      key: 'clock',
      header: t('insurer.list.column.clock'),
      cell: (p) => <Clock p={p} now={now} />,
    },
    {
      key: 'plates',
      header: t('insurer.list.column.plates'),
      cell: (p) => p.insuredPlates.join('、'),
    },
    { key: 'address', header: t('insurer.list.column.address'), cell: (p) => p.address },
    {
      key: 'delivered',
      header: t('insurer.list.column.delivered'),
      cell: (p) => formatTime(p.deliveredAt, i18n.language),
    },
  ];
}

function Cards({ packets, now }: { packets: readonly PacketSummary[]; now: number }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="record-cards" aria-label={t('insurer.list.results')}>
      {packets.map((p) => (
        <li key={p.id}>
          <Link href={packetHref(p)} className="record-card">
            <span className="case-number">{p.caseNumber}</span>
            <span className="badge">{t(`insurer.status.${p.status}`)}</span>
            <span className="record-card-line">
              {p.insuredPlates.join('、')} · {p.address}
            </span>
            <span className="record-card-line muted">
              {t('insurer.list.deliveredAt', { time: formatTime(p.deliveredAt, i18n.language) })}
            </span>
            <span className="record-card-line">
              <Clock p={p} now={now} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function PacketResults({
  packets,
  caption,
  now,
}: {
  packets: readonly PacketSummary[];
  caption: string;
  now: number;
}) {
  const { t } = useTranslation();
  const columns = useColumns(now);
  return (
    <>
      <div className="desk-only">
        <DataTable
          caption={caption}
          columns={columns}
          rows={packets}
          rowKey={(p) => p.id}
          empty={t('insurer.list.empty')}
        />
      </div>
      <div className="phone-only">
        {packets.length === 0 && <p>{t('insurer.list.empty')}</p>}
        {packets.length > 0 && <Cards packets={packets} now={now} />}
      </div>
    </>
  );
}
