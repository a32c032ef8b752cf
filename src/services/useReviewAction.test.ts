// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseActionRequest } from '../contracts/cases';
import type { ReviewConflict } from '../contracts/review';
import { reviewerSession, servicesWith } from '../../tests/builders/review.builder';
import { requestIds, useReviewAction, type ReviewActionInput } from './useReviewAction';

const server = setupServer();
const CASE_ID = '0190a000-0000-7000-8000-0000000000c1';
const PATH = `${location.origin}/api/cases/${CASE_ID}/actions`;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const APPROVE: ReviewActionInput = {
  action: 'review',
  expected: { state: 'synced', manifestVersion: 2 },
};

const CONFLICT: ReviewConflict = {
  by: { id: '0190a000-0000-7000-8000-0000000000e1', name: '赵敏', role: 'reviewer' },
  kind: 'returned',
  at: '2026-11-27T03:10:00.000Z',
  state: 'returned',
  manifestVersion: 2,
};

function ids() {
  let n = 0;
  return () => `0190a000-0000-7000-8000-00000000f00${++n}`;
}

/** Records each body; answers with `answer(i)` for the i-th request. */
function record(answer: (i: number) => Response | Promise<Response>) {
  const bodies: CaseActionRequest[] = [];
  server.use(
    http.post(PATH, async ({ request }) => {
      bodies.push((await request.json()) as CaseActionRequest);
      return answer(bodies.length - 1);
    }),
  );
  return bodies;
}

const done = () => HttpResponse.json({ caseId: CASE_ID, state: 'reviewed', cursor: '20' });

function mount(newId = ids()) {
  const { store } = reviewerSession();
  return renderHook(() => useReviewAction(CASE_ID, newId), { wrapper: servicesWith(store) });
}

describe('requestIds', () => {
  it('keeps the id for the same submission until the server answers', () => {
    const keeper = requestIds(ids());
    const first = keeper.idFor(APPROVE);
    expect(keeper.idFor({ ...APPROVE })).toBe(first);
    expect(keeper.idFor({ ...APPROVE, note: 'x' })).not.toBe(first);
    keeper.settled();
    expect(keeper.idFor(APPROVE)).not.toBe(first);
  });
});

describe('useReviewAction', () => {
  it('sends the action with a request id and the case as seen', async () => {
    const bodies = record(done);
    const { result } = mount();
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.send(APPROVE);
    });
    expect(outcome).toMatchObject({ kind: 'done', response: { state: 'reviewed' } });
    expect(bodies).toEqual([{ ...APPROVE, requestId: '0190a000-0000-7000-8000-00000000f001' }]);
  });

  it('sends a double click once', async () => {
    const bodies = record(async () => {
      await delay(30);
      return done();
    });
    const { result } = mount();
    let outcomes: unknown[] = [];
    await act(async () => {
      outcomes = await Promise.all([result.current.send(APPROVE), result.current.send(APPROVE)]);
    });
    expect(bodies).toHaveLength(1);
    expect(outcomes).toMatchObject([{ kind: 'done' }, { kind: 'busy' }]);
    expect(result.current.sending).toBe(false);
  });

  it('retries an unanswered submission with the same request id, and a new one after an answer', async () => {
    const bodies = record((i) => (i === 0 ? HttpResponse.error() : done()));
    const { result } = mount();
    const outcomes: unknown[] = [];
    await act(async () => {
      outcomes.push(await result.current.send(APPROVE));
      outcomes.push(await result.current.send(APPROVE));
      outcomes.push(await result.current.send(APPROVE));
    });
    expect(outcomes[0]).toEqual({ kind: 'failed', failure: 'offline' });
    expect(bodies[1]?.requestId).toBe(bodies[0]?.requestId);
    expect(bodies[2]?.requestId).not.toBe(bodies[0]?.requestId);
  });

  it('names who acted first on a review conflict', async () => {
    record(() =>
      HttpResponse.json(
        { error: { code: 'review_conflict', message: 'returned first', details: CONFLICT } },
        { status: 409 },
      ),
    );
    const { result } = mount();
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.send(APPROVE);
    });
    expect(outcome).toEqual({ kind: 'conflict', conflict: CONFLICT });
  });

  it('names any other refusal in the reviewer’s terms, with the server’s code beside it', async () => {
    record(() =>
      HttpResponse.json({ error: { code: 'invalid_transition', message: 'no' } }, { status: 409 }),
    );
    const { result } = mount();
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.send(APPROVE);
    });
    expect(outcome).toEqual({
      kind: 'failed',
      failure: 'invalid-transition',
      code: 'invalid_transition',
    });
  });
});
