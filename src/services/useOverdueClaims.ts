/**
 * The brigade's overdue packets (a reviewer's brigade; an admin's, every
 * brigade), read from the server and asked again every 30 s while the page is
 * visible, like the insurer's list, so a packet that runs late meanwhile
 * appears without a reload. A failed poll keeps the list shown and says so.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OverdueList } from '../contracts/claims';
import { reviewApi, reviewCall, type ReviewFailure } from './review-client';
import { useVisiblePolling, type ServerLoaded } from './server-read';
import { useServices } from './ServicesContext';

/** How often the overdue list is asked again while visible. */
export const OVERDUE_POLL_MS = 30_000;

export interface OverdueView {
  list: ServerLoaded<OverdueList, ReviewFailure>;
  /** The last poll failed: the list shown is the one before. */
  staleBecause: ReviewFailure | undefined;
  reload(): void;
}

export function useOverdueClaims(): OverdueView {
  const { session } = useServices();
  const [list, setList] = useState<ServerLoaded<OverdueList, ReviewFailure>>({
    status: 'loading',
  });
  const [staleBecause, setStale] = useState<ReviewFailure>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void reviewCall(session, (token) => reviewApi().getOverdueClaims(token)).then((r) => {
      if (!live) return;
      setStale(r.ok ? undefined : r.failure);
      if (r.ok) setList({ status: 'ready', value: r.value });
      else
        setList((was) => (was.status === 'ready' ? was : { status: 'failed', failure: r.failure }));
    });
    return () => {
      live = false;
    };
  }, [round, session]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useVisiblePolling(reload, OVERDUE_POLL_MS);
  return { list, staleBecause, reload };
}
