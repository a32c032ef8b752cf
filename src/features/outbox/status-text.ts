/** The outbox's words for a case's sending status and a failure reason. */
import type { TFunction } from 'i18next';
import { reasonText } from '../../services/failure-reasons';
import type { CaseSyncStatus, SyncProgress } from '../../sync';
import { formatBytes, formatTime } from '../../ui/format';

export function age(t: TFunction, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 120) return t('outbox.ago', { minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48
    ? t('outbox.agoHours', { hours })
    : t('outbox.agoDays', { days: Math.floor(hours / 24) });
}

/** Bytes of the case moved so far: the case's photos when the runner counts them, else this part's. */
const moved = (p: SyncProgress | undefined) => p?.caseBytesSent ?? p?.bytesSent ?? 0;

export function statusText(t: TFunction, s: CaseSyncStatus, lng: string): string {
  switch (s.kind) {
    case 'sent':
      return t('outbox.status.sent', { time: formatTime(s.receivedAt, lng) });
    case 'needs-attention':
      return t('outbox.status.needs-attention', { reason: reasonText(t, s.reason) });
    case 'sending':
      // Bytes only once some have moved: "0 B / 40.8 KB" reads as stuck.
      return moved(s.progress) > 0
        ? `${t('outbox.status.sending')} ${t('outbox.progress', {
            sent: formatBytes(moved(s.progress)),
            total: formatBytes(s.progress?.caseBytesTotal ?? s.progress?.bytesTotal ?? 0),
          })}`
        : t('outbox.status.sendingStarted');
    default:
      return s.waitingForSignIn
        ? t('outbox.status.waitingForSignIn')
        : s.waitingForNetwork
          ? t('outbox.status.waitingForNetwork')
          : t('outbox.status.saved-on-phone');
  }
}
