/**
 * The five-fast dashboard reads the server, never the phone's database (the
 * reviewer's and the admin's): the figures of the filters, the same by week
 * for the trends, the cases behind one figure, and either as a CSV file the
 * browser saves. Each read keeps what it showed while the next one loads.
 */
import { useCallback, useEffect, useState } from 'react';
import { createDashboardApiClient, type ApiResult, type DashboardApi } from '../api';
import type { DashboardCsv } from '../api';
import type {
  DashboardCasesPage,
  DashboardCasesQuery,
  FiveFastQuery,
  FiveFastResponse,
} from '../contracts/dashboard';
import { saveFile } from '../ui/save-file';
import { reviewCall, type ReviewFailure } from './review-client';
import type { ServerLoaded } from './server-read';
import { useServices } from './ServicesContext';

export type DashboardLoaded<T> = ServerLoaded<T, ReviewFailure>;

export interface DashboardRead<T> {
  /** The last answer; kept while a newer one loads, so nothing flashes. */
  read: DashboardLoaded<T>;
  refreshing: boolean;
  reload(): void;
}

let shared: DashboardApi | undefined;
const dashboardApi = () =>
  (shared ??= createDashboardApiClient({ baseUrl: globalThis.location.origin }));

/** Reads `load(query)` whenever the query changes (nothing while it is undefined). */
function useDashboardRead<Q, T>(
  query: Q | undefined,
  load: (api: DashboardApi, token: string, query: Q) => Promise<ApiResult<T>>,
): DashboardRead<T> {
  const { session } = useServices();
  const key = query === undefined ? undefined : JSON.stringify(query);
  const [read, setRead] = useState<DashboardLoaded<T>>({ status: 'loading' });
  const [answered, setAnswered] = useState<string>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    void reviewCall(session, (t) => load(dashboardApi(), t, JSON.parse(key) as Q)).then((r) => {
      if (!live) return;
      setAnswered(`${key}#${round}`);
      setRead((was) =>
        r.ok
          ? { status: 'ready', value: r.value }
          : was.status === 'ready' && r.failure === 'offline'
            ? was
            : { status: 'failed', failure: r.failure },
      );
    });
    return () => {
      live = false;
    };
  }, [key, round, session, load]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { read, refreshing: key !== undefined && answered !== `${key}#${round}`, reload };
}

const loadFiveFast = (api: DashboardApi, t: string, q: FiveFastQuery) => api.fiveFast(t, q);
const loadCases = (api: DashboardApi, t: string, q: DashboardCasesQuery) => api.cases(t, q);

/** The five-fast figures for the filters, grouped as they ask (nothing read while undefined). */
export const useFiveFast = (query: FiveFastQuery | undefined): DashboardRead<FiveFastResponse> =>
  useDashboardRead(query, loadFiveFast);

/** The cases behind one figure (nothing read while `query` is undefined). */
export const useDashboardCases = (
  query: DashboardCasesQuery | undefined,
): DashboardRead<DashboardCasesPage> => useDashboardRead(query, loadCases);

export type CsvState = { status: 'idle' | 'busy' } | { status: 'failed'; failure: ReviewFailure };

/** Downloads a dashboard CSV (the API takes a bearer token, so it is fetched, then saved). */
export function useDashboardCsv(): {
  state: CsvState;
  download(which: DashboardCsv, query: FiveFastQuery | DashboardCasesQuery, filename: string): void;
} {
  const { session } = useServices();
  const [state, setState] = useState<CsvState>({ status: 'idle' });
  const download = useCallback(
    (which: DashboardCsv, query: FiveFastQuery | DashboardCasesQuery, filename: string) => {
      setState({ status: 'busy' });
      void reviewCall(session, (t) => dashboardApi().csv(t, which, query)).then((r) => {
        if (r.ok) saveFile(r.value, filename);
        setState(r.ok ? { status: 'idle' } : { status: 'failed', failure: r.failure });
      });
    },
    [session],
  );
  return { state, download };
}
