// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChangesResponse } from '../contracts/changes';
import type { QueueQuery } from '../contracts/review';
import {
  queuePage,
  reviewerSession,
  servicesWith,
  TOKEN,
} from '../../tests/builders/review.builder';
import { readFeed, reviewCall } from './review-client';
import { QUEUE_POLL_MS, useReviewQueue } from './useReview';

const server = setupServer();
const at = (path: string) => `${location.origin}${path}`;
const CASE_ID = '0190a000-0000-7000-8000-0000000000c1';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.useRealTimers();
  setVisibility('visible');
});
afterAll(() => server.close());

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

function change(caseId: string, kind: 'received' | 'reviewed', cursor: string) {
  return {
    cursor,
    caseId,
    kind,
    state: 'synced' as const,
    at: '2026-11-27T03:00:00.000Z',
    actor: { id: '0190a000-0000-7000-8000-0000000000d1', role: 'officer' as const },
  };
}

/** A queue answering `queuePage` and a feed answering `feed` in turn; counts the calls. */
function serve(feed: ChangesResponse[]) {
  const calls = { queue: [] as URLSearchParams[], changes: [] as (string | null)[] };
  server.use(
    http.get(at('/api/review/queue'), ({ request }) => {
      calls.queue.push(new URL(request.url).searchParams);
      if (request.headers.get('authorization') !== `Bearer ${TOKEN}`) {
        return HttpResponse.json(
          { error: { code: 'unauthenticated', message: 'no' } },
          { status: 401 },
        );
      }
      return HttpResponse.json(queuePage('10', calls.queue.length));
    }),
    http.get(at('/api/changes'), ({ request }) => {
      calls.changes.push(new URL(request.url).searchParams.get('cursor'));
      return HttpResponse.json(feed.shift() ?? { changes: [], nextCursor: '99', more: false });
    }),
  );
  return calls;
}

const QUERY: QueueQuery = { bucket: 'new', sort: 'oldest', page: '1', pageSize: '25' };

describe('useReviewQueue', () => {
  it('asks for the filtered page with the reviewer’s token', async () => {
    const calls = serve([]);
    const { store } = reviewerSession();
    const { result } = renderHook(() => useReviewQueue(QUERY), { wrapper: servicesWith(store) });
    await vi.waitFor(() => expect(result.current.page.status).toBe('ready'));
    expect(Object.fromEntries(calls.queue[0]!)).toEqual({
      bucket: 'new',
      sort: 'oldest',
      page: '1',
      pageSize: '25',
    });
    expect(result.current.page.value?.items[0]?.id).toBe(CASE_ID);
    expect(result.current.refreshing).toBe(false);
  });

  it('polls the feed from the page’s cursor, refetches the page and counts the cases received', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const calls = serve([
      {
        changes: [
          change(CASE_ID, 'received', '11'),
          change('0190a000-0000-7000-8000-0000000000c2', 'received', '12'),
        ],
        nextCursor: '12',
        more: false,
      },
    ]);
    const { store } = reviewerSession();
    const { result } = renderHook(() => useReviewQueue(QUERY), { wrapper: servicesWith(store) });
    await vi.waitFor(() => expect(result.current.page.status).toBe('ready'));
    expect(result.current.arrived).toBe(0);

    await act(async () => vi.advanceTimersByTime(QUEUE_POLL_MS));
    await vi.waitFor(() => expect(calls.queue).toHaveLength(2));
    expect(calls.changes).toEqual(['10']);
    await vi.waitFor(() => expect(result.current.page.value?.total).toBe(2));
    expect(result.current.arrived).toBe(2);

    // Nothing new: the page is not fetched again; the next poll starts at the new cursor.
    await act(async () => vi.advanceTimersByTime(QUEUE_POLL_MS));
    await vi.waitFor(() => expect(calls.changes).toEqual(['10', '12']));
    expect(calls.queue).toHaveLength(2);
  });

  it('does not poll while the screen is hidden, and polls when it shows again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const calls = serve([]);
    const { store } = reviewerSession();
    const { result } = renderHook(() => useReviewQueue(QUERY), { wrapper: servicesWith(store) });
    await vi.waitFor(() => expect(result.current.page.status).toBe('ready'));
    setVisibility('hidden');
    await act(async () => vi.advanceTimersByTime(3 * QUEUE_POLL_MS));
    expect(calls.changes).toEqual([]);
    setVisibility('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await vi.waitFor(() => expect(calls.changes).toEqual(['10']));
  });

  it('keeps the last page when a reload fails, and says why', async () => {
    serve([]);
    const { store } = reviewerSession();
    const { result } = renderHook(() => useReviewQueue(QUERY), { wrapper: servicesWith(store) });
    await vi.waitFor(() => expect(result.current.page.status).toBe('ready'));
    server.use(http.get(at('/api/review/queue'), () => HttpResponse.error()));
    act(() => result.current.reload());
    await vi.waitFor(() => expect(result.current.staleBecause).toBe('offline'));
    expect(result.current.page.status).toBe('ready');
  });
});

describe('reviewCall', () => {
  it('ends the session when the server refuses the token (401 in our shape)', async () => {
    serve([]);
    const { store, rejected } = reviewerSession('some-other-token-that-is-refused');
    const { reviewApi } = await import('./review-client');
    const r = await reviewCall(store, (t) => reviewApi().getReviewQueue(t, {}));
    expect(r).toEqual({ ok: false, failure: 'signed-out' });
    expect(rejected).toEqual(['some-other-token-that-is-refused']);
  });
});

describe('readFeed', () => {
  it('reads on while the feed says more, counting each case received once', async () => {
    const pages: ChangesResponse[] = [
      { changes: [change(CASE_ID, 'received', '2')], nextCursor: '2', more: true },
      {
        changes: [change(CASE_ID, 'received', '3'), change(CASE_ID, 'reviewed', '4')],
        nextCursor: '4',
        more: false,
      },
    ];
    const asked: string[] = [];
    const r = await readFeed(async (c) => {
      asked.push(c);
      return { ok: true, value: pages.shift()! };
    }, '1');
    expect(asked).toEqual(['1', '2']);
    expect(r).toEqual({ ok: true, value: { cursor: '4', arrived: 1, changed: true } });
  });
});
