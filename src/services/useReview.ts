/**
 * The reviewer's screens read the server, never the phone's database: the
 * queue (one page, with its counts, kept up to date from the changes feed
 * while the screen is visible), a case with its history and verification,
 * and a photo's bytes. Each hook answers what it has and why it has nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../contracts/cases';
import type { CaseHistory, CaseVerification, QueueQuery, QueueResponse } from '../contracts/review';
import type { CaseTimeline } from '../contracts/timeline';
import { readFeed, reviewApi, reviewCall, type ReviewFailure } from './review-client';
import { loadedOf, useVerifiedBlob, useVisiblePolling, type ServerLoaded } from './server-read';
import { useServices } from './ServicesContext';

export type Loaded<T> = ServerLoaded<T, ReviewFailure>;

/** How often the queue asks the changes feed for news while visible. */
export const QUEUE_POLL_MS = 30_000;

export interface QueueView {
  /** The page; kept while a newer one loads, so the table does not flash. */
  page: Loaded<QueueResponse>;
  /** Loading again (a filter changed, or news arrived). */
  refreshing: boolean;
  /** The last reload failed: the page shown is the one before. */
  staleBecause: ReviewFailure | undefined;
  /** Cases received since the screen opened, announced politely; 0 before any. */
  arrived: number;
  reload(): void;
}

/** One page of the queue for `query`, refetched when the changes feed has news. */
export function useReviewQueue(query: QueueQuery): QueueView {
  const { session } = useServices();
  const key = JSON.stringify(query);
  const [page, setPage] = useState<Loaded<QueueResponse>>({ status: 'loading' });
  const [answered, setAnswered] = useState<string>();
  const [staleBecause, setStale] = useState<ReviewFailure>();
  const [arrived, setArrived] = useState(0);
  const [round, setRound] = useState(0);
  const cursor = useRef<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void reviewCall(session, (t) =>
      reviewApi().getReviewQueue(t, JSON.parse(key) as QueueQuery),
    ).then((r) => {
      if (!live) return;
      setAnswered(`${key}#${round}`);
      setStale(r.ok ? undefined : r.failure);
      if (r.ok) {
        cursor.current ??= r.value.feedCursor;
        setPage({ status: 'ready', value: r.value });
      } else
        setPage((was) => (was.status === 'ready' ? was : { status: 'failed', failure: r.failure }));
    });
    return () => {
      live = false;
    };
  }, [key, round, session]);

  const poll = useCallback(async () => {
    const from = cursor.current;
    if (from === undefined || globalThis.document?.visibilityState === 'hidden') return;
    const news = await readFeed(
      (at) => reviewCall(session, (t) => reviewApi().getChanges(t, at)),
      from,
    );
    if (!news.ok || cursor.current !== from) return;
    cursor.current = news.value.cursor;
    if (news.value.arrived > 0) setArrived((n) => n + news.value.arrived);
    if (news.value.changed) setRound((n) => n + 1);
  }, [session]);

  const tick = useCallback(() => void poll(), [poll]);
  useVisiblePolling(tick, QUEUE_POLL_MS);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { page, refreshing: answered !== `${key}#${round}`, staleBecause, arrived, reload };
}

export interface ReviewCaseView {
  detail: Loaded<CaseDetail>;
  history: Loaded<CaseHistory>;
  verification: Loaded<CaseVerification>;
  /** Reads all three again (after an action, or a conflict). */
  reload(): Promise<void>;
}

/** A case as the server holds it, its history and the check of its evidence. */
export function useReviewCase(id: string): ReviewCaseView {
  const { session } = useServices();
  const [detail, setDetail] = useState<Loaded<CaseDetail>>({ status: 'loading' });
  const [history, setHistory] = useState<Loaded<CaseHistory>>({ status: 'loading' });
  const [verification, setVerification] = useState<Loaded<CaseVerification>>({
    status: 'loading',
  });
  const live = useRef(true);

  const reload = useCallback(async () => {
    const api = reviewApi();
    const [d, h, v] = await Promise.all([
      reviewCall(session, (t) => api.getCase(t, id)),
      reviewCall(session, (t) => api.getCaseHistory(t, id)),
      reviewCall(session, (t) => api.getCaseVerification(t, id)),
    ]);
    if (!live.current) return;
    setDetail(loadedOf(d));
    setHistory(loadedOf(h));
    setVerification(loadedOf(v));
  }, [id, session]);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  return { detail, history, verification, reload };
}

/** A case's events on one line of time, read when asked for (the screen opens it on demand). */
export function useCaseTimeline(id: string): Loaded<CaseTimeline> {
  const { session } = useServices();
  const [timeline, setTimeline] = useState<Loaded<CaseTimeline>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void reviewCall(session, (t) => reviewApi().getCaseTimeline(t, id)).then((r) => {
      if (live) setTimeline(loadedOf(r));
    });
    return () => {
      live = false;
    };
  }, [id, session]);
  return timeline;
}

/**
 * A photo of a case as an object URL (the API needs the bearer token, so an
 * `<img>` cannot fetch it itself); 'failed' when it cannot be had, or when
 * its bytes do not hash to the SHA-256 the case names (the reviewer never
 * sees other bytes than those the officer's device signed for). The URL is
 * revoked when the screen lets the photo go.
 */
export function useServerPhoto(
  caseId: string,
  sha256: string | undefined,
): string | 'failed' | undefined {
  const { session } = useServices();
  const fetchBlob = useCallback(
    () =>
      sha256 === undefined
        ? Promise.resolve(undefined)
        : reviewCall(session, (t) => reviewApi().getCasePhoto(t, caseId, sha256)).then((r) =>
            r.ok ? r.value : undefined,
          ),
    [caseId, sha256, session],
  );
  return useVerifiedBlob(sha256, fetchBlob);
}
