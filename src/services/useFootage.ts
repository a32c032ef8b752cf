/**
 * Roadside video for a case's screens: the brigade's units near the case
 * (from the field pack this phone keeps, so it works offline; a reviewer's
 * desk fetches its brigade's pack), and the case's footage requests, read,
 * made and answered through the server with the session's token. A request
 * needs the link: offline nothing is sent and the screen says so.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { createFootageApiClient, type ApiFailure, type ApiResult, type FootageApi } from '../api';
import { DEFAULT_VIDEO_RADIUS_M } from '../contracts/field-pack';
import type { FootageRequest, FootageRequestInput, FootageResolution } from '../contracts/video';
import { keptVideoPack, type VideoPack } from '../sync/field-pack';
import { useOnline } from '../ui/useOnline';
import { withToken } from './review-client';
import { useServices } from './ServicesContext';

export type { VideoPack };

/** Why a footage call failed, as the screens word it (`footage.failure.*`). */
export type FootageFailure =
  | 'signed-out'
  | 'offline'
  | 'forbidden'
  /** The case is not on the server yet (an officer's case not yet sent). */
  | 'not-found'
  | 'retention-passed'
  | 'unit-unavailable'
  | 'already-resolved'
  | 'invalid'
  | 'server';

export type FootageResult<T> = { ok: true; value: T } | { ok: false; failure: FootageFailure };

const CODES: Readonly<Record<string, FootageFailure>> = {
  retention_passed: 'retention-passed',
  unit_unavailable: 'unit-unavailable',
  already_resolved: 'already-resolved',
};

export function footageFailure(failure: ApiFailure | { kind: 'signed-out' }): FootageFailure {
  if (failure.kind === 'signed-out') return 'signed-out';
  if (failure.kind !== 'http') return 'offline';
  const named = failure.code ? CODES[failure.code] : undefined;
  if (named) return named;
  if (failure.status === 401) return 'signed-out';
  if (failure.status === 403) return 'forbidden';
  if (failure.status === 404) return 'not-found';
  return failure.status < 500 ? 'invalid' : 'server';
}

let shared: FootageApi | undefined;
const footageApi = () =>
  (shared ??= createFootageApiClient({ baseUrl: globalThis.location.origin }));

function useFootageCall() {
  const { session } = useServices();
  return useCallback(
    async <T>(
      call: (api: FootageApi, token: string) => Promise<ApiResult<T>>,
    ): Promise<FootageResult<T>> => {
      const r = await withToken(session, (token) => call(footageApi(), token));
      return r.ok ? r : { ok: false, failure: footageFailure(r.failure) };
    },
    [session],
  );
}

const NO_UNITS: VideoPack = { videoUnits: [], radiusM: DEFAULT_VIDEO_RADIUS_M, known: false };

/** The units and radius this phone keeps for the officer (offline too). */
export function useKeptVideoPack(officerId: string | undefined): VideoPack | undefined {
  const { db } = useServices();
  return useLiveQuery(() => (officerId ? keptVideoPack(db, officerId) : NO_UNITS), [db, officerId]);
}

/** The reviewer's brigade's units and radius, fetched from the server. */
export function useDeskVideoPack(): VideoPack | undefined {
  const call = useFootageCall();
  const [pack, setPack] = useState<VideoPack>();
  useEffect(() => {
    let live = true;
    void call((api, token) => api.fieldPack(token)).then((r) => {
      if (!live) return;
      setPack(
        r.ok
          ? {
              videoUnits: r.value.videoUnits ?? [],
              radiusM: r.value.videoRadiusM ?? DEFAULT_VIDEO_RADIUS_M,
              known: true,
            }
          : NO_UNITS,
      );
    });
    return () => {
      live = false;
    };
  }, [call]);
  return pack;
}

export type FootageList =
  | { status: 'loading' }
  | { status: 'ready'; requests: readonly FootageRequest[] }
  | { status: 'failed'; failure: FootageFailure };

export interface FootageView {
  list: FootageList;
  online: boolean;
  /** The unit whose request is on its way, if any. */
  sending: string | undefined;
  reload(): void;
  request(input: FootageRequestInput): Promise<FootageResult<FootageRequest>>;
  resolve(requestId: string, answer: FootageResolution): Promise<FootageResult<FootageRequest>>;
}

/** A case's footage requests: read when online (again when the link returns), made and answered. */
export function useFootage(caseId: string): FootageView {
  const call = useFootageCall();
  const online = useOnline();
  const [list, setList] = useState<FootageList>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const [sending, setSending] = useState<string>();
  useEffect(() => {
    if (!online) return;
    let live = true;
    void call((api, token) => api.listFootage(token, caseId)).then((r) => {
      if (live)
        setList(
          r.ok
            ? { status: 'ready', requests: r.value.requests }
            : { status: 'failed', failure: r.failure },
        );
    });
    return () => {
      live = false;
    };
  }, [call, caseId, online, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const request = async (input: FootageRequestInput) => {
    if (!online) return { ok: false, failure: 'offline' } as const;
    setSending(input.unitId);
    const r = await call((api, token) => api.requestFootage(token, caseId, input));
    setSending(undefined);
    if (r.ok) reload();
    return r;
  };
  const resolve = async (requestId: string, answer: FootageResolution) => {
    const r = await call((api, token) => api.resolveFootage(token, caseId, requestId, answer));
    if (r.ok || r.failure === 'already-resolved') reload();
    return r;
  };
  // Offline the requests cannot be read: say so rather than show an old answer as today's.
  const shown: FootageList = online ? list : { status: 'failed', failure: 'offline' };
  return { list: shown, online, sending, reload, request, resolve };
}
