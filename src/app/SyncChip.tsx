/** The header's honest sending status: how many cases wait, and whether sending can happen. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services/ServicesContext';
import { useSyncState } from '../services/SyncContext';
import { countUnsent } from '../storage';
import { Link } from '../ui/router';
import { useOnline } from '../ui/useOnline';

export function SyncChip({ current }: { current: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const state = useSyncState();
  const unsent = useLiveQuery(() => countUnsent(db), [db]);
  const count = unsent?.cases ?? 0;
  // Offline, nothing is being sent, whatever a drain started before says.
  const online = useOnline();
  const sending = state.phase === 'sending' && online;
  const label = sending
    ? t('sync.sending')
    : state.phase === 'held-auth' && count > 0
      ? t('sync.signIn')
      : count > 0
        ? t('sync.unsent', { count })
        : t('sync.allSent');
  return (
    <Link
      href="/outbox"
      className={`sync-chip phase-${state.phase}${count > 0 ? ' has-unsent' : ''}`}
      aria-current={current ? 'page' : undefined}
      data-testid="sync-chip"
    >
      {label}
    </Link>
  );
}
