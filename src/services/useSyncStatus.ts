/**
 * What the screens show of sending, read live from the phone: each case's
 * sending status, what waits to be sent, and "try again" for a case that
 * needs attention.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { countUnsent, readRevocation, retryCase, type RevocationRecord } from '../storage';
import { readCaseStatuses, readOutboxTotals } from '../sync/status';
import { useOnline } from '../ui/useOnline';
import { useServices } from './ServicesContext';
import { useSync, useSyncState } from './SyncContext';

export type { CaseSyncStatus, OutboxTotals } from '../sync/status';

/** Each case's sending status by case id (undefined while reading). */
export function useCaseStatuses() {
  const { db } = useServices();
  const sync = useSyncState();
  const online = useOnline();
  return useLiveQuery(() => readCaseStatuses(db, sync, online), [db, sync, online]);
}

/** Cases and bytes waiting to be sent, the oldest and how many need attention. */
export function useOutboxTotals() {
  const { db, platform } = useServices();
  const sync = useSyncState();
  return useLiveQuery(
    () => readOutboxTotals(db, Date.parse(platform.clock.now())),
    [db, platform, sync],
  );
}

/** How many cases and photos wait to be sent (undefined while reading). */
export function useUnsentCount() {
  const { db } = useServices();
  return useLiveQuery(() => countUnsent(db), [db]);
}

/** Puts a case that needs attention back in the queue and sends at once. */
export function useRetryCase(): (caseId: string) => Promise<void> {
  const { db, platform } = useServices();
  const sync = useSync();
  return async (caseId) => {
    await retryCase(db, caseId, platform.clock.now());
    await sync?.runner.drainNow('retry');
  };
}

/**
 * What the wipe after a revocation did for the signed-in officer (issue 18),
 * undefined while reading or when the phone was not revoked.
 */
export function useRevocation(officerId: string | undefined): RevocationRecord | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (officerId ? readRevocation(db, officerId) : undefined),
    [db, officerId],
  );
}
