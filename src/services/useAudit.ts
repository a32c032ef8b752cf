/**
 * The admin's audit viewer: the chain's verdict (walked again on `recheck`)
 * and a search of its events, newest first, one page at a time (`more`
 * appends the next, older page). Read from the server only.
 */
import { useCallback, useState } from 'react';
import type { AuditEvent, AuditQuery, AuditVerification } from '../contracts/audit';
import { useCall, useLoad, type AdminFailure, type Loaded } from './useWebhooks';

export function useAuditVerification(): { verdict: Loaded<AuditVerification>; recheck(): void } {
  const call = useCall();
  const load = useCallback(() => call((api, t) => api.verifyAudit(t)), [call]);
  const { value, reload } = useLoad(load);
  return { verdict: value, recheck: reload };
}

export type AuditResults =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; events: readonly AuditEvent[]; next: string | null; loadingMore: boolean }
  | { status: 'failed'; failure: AdminFailure };

export interface AuditSearch {
  results: AuditResults;
  search(query: AuditQuery): Promise<void>;
  more(): Promise<void>;
}

export function useAuditSearch(): AuditSearch {
  const call = useCall();
  const [query, setQuery] = useState<AuditQuery>({});
  const [results, setResults] = useState<AuditResults>({ status: 'idle' });
  const search = useCallback(
    async (q: AuditQuery) => {
      setQuery(q);
      setResults({ status: 'loading' });
      const r = await call((api, t) => api.listAudit(t, q));
      setResults(
        r.ok
          ? { status: 'ready', events: r.value.events, next: r.value.next, loadingMore: false }
          : { status: 'failed', failure: r.failure },
      );
    },
    [call],
  );
  const more = useCallback(async () => {
    if (results.status !== 'ready' || !results.next) return;
    const shown = results;
    setResults({ ...shown, loadingMore: true });
    const r = await call((api, t) =>
      api.listAudit(t, { ...query, before: shown.next ?? undefined }),
    );
    setResults(
      r.ok
        ? {
            status: 'ready',
            events: [...shown.events, ...r.value.events],
            next: r.value.next,
            loadingMore: false,
          }
        : { status: 'failed', failure: r.failure },
    );
  }, [call, query, results]);
  return { results, search, more };
}
