/**
 * The claim's progress as the server holds it: delivered, called back
 * (with the call-back clock while it runs), assessed and paid with their
 * amounts and notes, and a packet withdrawn or a case reopened in words.
 */
import { useTranslation } from 'react-i18next';
import type { ClaimPacket, PacketStatus, PacketSummary } from '../../contracts/packets';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { CallbackMark } from './CallbackMark';

const ORDER: readonly PacketStatus[] = ['new', 'acknowledged', 'assessed', 'paid'];
const reached = (status: PacketStatus, step: PacketStatus) =>
  ORDER.indexOf(status) >= ORDER.indexOf(step);

/** An amount in yuan in the screen's language. */
export function formatYuan(amount: number, lng: string): string {
  return new Intl.NumberFormat(lng, { style: 'currency', currency: 'CNY' }).format(amount);
}

function Step({ done, label, children }: { done: boolean; label: string; children?: string }) {
  const { t } = useTranslation();
  return (
    <li className={done ? 'insurer-step done' : 'insurer-step'}>
      <span className="insurer-step-mark" aria-hidden="true">
        {done ? '✓' : '○'}
      </span>
      <span>
        <strong>{label}</strong>{' '}
        <span className="muted">
          {done ? t('insurer.progress.done') : t('insurer.progress.pending')}
        </span>
        {children && <span className="insurer-step-detail">{children}</span>}
      </span>
    </li>
  );
}

export function PacketProgress({
  packet,
  status,
  summary,
  now,
}: {
  packet: ClaimPacket;
  status: PacketStatus;
  summary: PacketSummary | undefined;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { claim } = packet;
  const at = (iso: string) => formatTime(iso, lng);
  const stepText = (s: {
    at: string;
    amountYuan?: number | undefined;
    note?: string | undefined;
  }) =>
    [at(s.at), s.amountYuan === undefined ? '' : formatYuan(s.amountYuan, lng), s.note ?? '']
      .filter((x) => x !== '')
      .join(' · ');
  const acknowledgedAt = summary?.acknowledgedAt;
  return (
    <Section titleId="insurer-progress" title={t('insurer.progress.title')}>
      <p data-testid="packet-status">
        {t('insurer.progress.status', { status: t(`insurer.status.${status}`) })}
      </p>
      <p>
        <CallbackMark
          status={status}
          dueAt={packet.callbackDueAt}
          acknowledgedAt={acknowledgedAt}
          overdue={summary?.overdue}
          now={now}
        />
      </p>
      {status === 'withdrawn' && (
        <Notice tone="warn">
          {claim.supersededAt
            ? t('insurer.progress.withdrawnAt', { time: at(claim.supersededAt) })
            : t('insurer.progress.withdrawn')}
        </Notice>
      )}
      {claim.reopenedAt && (
        <Notice tone="warn">
          {t('insurer.progress.reopened', { time: at(claim.reopenedAt) })}
        </Notice>
      )}
      <ol className="insurer-steps">
        <Step done label={t('insurer.progress.delivered')}>
          {at(claim.deliveredAt)}
        </Step>
        <Step done={reached(status, 'acknowledged')} label={t('insurer.progress.acknowledged')}>
          {acknowledgedAt && at(acknowledgedAt)}
        </Step>
        <Step done={claim.assessment !== undefined} label={t('insurer.progress.assessed')}>
          {claim.assessment && stepText(claim.assessment)}
        </Step>
        <Step done={claim.payout !== undefined} label={t('insurer.progress.paid')}>
          {claim.payout && stepText(claim.payout)}
        </Step>
      </ol>
    </Section>
  );
}
