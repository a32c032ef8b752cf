/**
 * A rural station's cases for the officer's phone: the brigade's cases the
 * stations handed over (read from the server, again while the page is
 * visible), and the officer's confirmation with his determination. Both need
 * the link: offline the screen says so and nothing is sent.
 */
import { useCallback, useEffect, useState } from 'react';
import { createStationApiClient, type ApiFailure, type StationApi } from '../api';
import { useLiveQuery } from 'dexie-react-hooks';
import { keptStationOfficers } from '../sync/station-officers';
import type {
  BrigadeOfficer,
  HandedOverCase,
  StationConfirmation,
  StationConfirmRequest,
} from '../contracts/station';
import { withToken } from './review-client';
import { loadedOf, useVisiblePolling, type ServerLoaded } from './server-read';
import { useServices } from './ServicesContext';

/** Why a call failed, as the screens word it (`handovers.failure.*`). */
export type StationFailure =
  'signed-out' | 'offline' | 'forbidden' | 'not-found' | 'taken' | 'invalid' | 'server';

export function stationFailure(failure: ApiFailure | { kind: 'signed-out' }): StationFailure {
  if (failure.kind === 'signed-out') return 'signed-out';
  if (failure.kind !== 'http') return 'offline';
  if (failure.code === 'not_awaiting_officer') return 'taken';
  if (failure.status === 401) return 'signed-out';
  if (failure.status === 403) return 'forbidden';
  if (failure.status === 404) return 'not-found';
  return failure.status < 500 ? 'invalid' : 'server';
}

let shared: StationApi | undefined;
const stationApi = () =>
  (shared ??= createStationApiClient({ baseUrl: globalThis.location.origin }));

export type StationResult<T> = { ok: true; value: T } | { ok: false; failure: StationFailure };

/** The brigade's handed-over cases waiting for an officer; read again every 30 s while visible. */
export function useHandovers(): ServerLoaded<HandedOverCase[], StationFailure> {
  const { session } = useServices();
  const [loaded, setLoaded] = useState<ServerLoaded<HandedOverCase[], StationFailure>>({
    status: 'loading',
  });
  const load = useCallback(() => {
    void withToken(session, (token) => stationApi().handovers(token)).then((r) =>
      setLoaded(
        loadedOf(
          r.ok
            ? { ok: true, value: r.value.items }
            : { ok: false, failure: stationFailure(r.failure) },
        ),
      ),
    );
  }, [session]);
  useEffect(load, [load]);
  useVisiblePolling(load, 30_000);
  return loaded;
}

/** The officer confirms (or corrects) a station's case and determines its liability. */
export function useConfirmStationCase() {
  const { session } = useServices();
  return useCallback(
    async (
      caseId: string,
      body: StationConfirmRequest,
    ): Promise<StationResult<StationConfirmation>> => {
      const r = await withToken(session, (token) => stationApi().confirm(token, caseId, body));
      return r.ok ? r : { ok: false, failure: stationFailure(r.failure) };
    },
    [session],
  );
}

/** The brigade's officers a station may name at hand-over, as its phone keeps them (offline too). */
export function useStationOfficers(userId: string | undefined): BrigadeOfficer[] {
  const { db } = useServices();
  return useLiveQuery(() => (userId ? keptStationOfficers(db, userId) : []), [db, userId]) ?? [];
}
