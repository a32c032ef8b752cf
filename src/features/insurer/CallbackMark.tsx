/**
 * The call-back clock in words: minutes left, or "overdue" (red, and said in
 * the text too — never by colour alone), or when the call-back was made.
 */
import { useTranslation } from 'react-i18next';
import type { PacketStatus } from '../../contracts/packets';
import { formatTime } from '../../ui/format';
import { callbackClock } from './packet-model';

export function CallbackMark({
  status,
  dueAt,
  acknowledgedAt,
  overdue,
  now,
}: {
  status: PacketStatus;
  dueAt: string;
  acknowledgedAt?: string | undefined;
  overdue?: boolean | undefined;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const clock = callbackClock(status, dueAt, now, overdue);
  if (clock.kind === 'overdue') {
    return (
      <span className="insurer-overdue" data-testid="callback-clock" data-clock="overdue">
        ⚠ {t('insurer.clock.overdue', { minutes: clock.minutes })}
      </span>
    );
  }
  if (clock.kind === 'left') {
    return (
      <span data-testid="callback-clock" data-clock="left">
        {t('insurer.clock.left', { minutes: clock.minutes })}
      </span>
    );
  }
  return (
    <span className="muted" data-testid="callback-clock" data-clock="stopped">
      {acknowledgedAt
        ? t('insurer.clock.acknowledged', { time: formatTime(acknowledgedAt, i18n.language) })
        : t('insurer.clock.stopped')}
    </span>
  );
}
