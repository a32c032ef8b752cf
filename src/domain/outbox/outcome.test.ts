import { describe, expect, it } from 'vitest';
import { T0, anEntry, at } from '../../../tests/builders/outbox.builder';
import {
  holdForSignIn,
  isTryNowTrigger,
  leftByClosedPage,
  releaseOnSignIn,
  retryNow,
  tryNow,
} from './due';
import type { OutboxStatus } from './entry';
import {
  attentionPatches,
  failureReason,
  parkPatches,
  planAfterFailure,
  receiptPatches,
  stoppedPatches,
  type ReportedFailure,
} from './outcome';

const half = () => 0.5;
/** When a case entry waits for its time in the parking cases. */
const CASE_WAIT = 7_000;

describe('planAfterFailure', () => {
  const entry = anEntry('case', 'c1').failed(1).revision(3).build();

  it.each<[string, ReportedFailure, boolean, number]>([
    ['network', { kind: 'network' }, true, 2_000],
    ['timeout', { kind: 'timeout' }, true, 2_000],
    ['not-a-receipt', { kind: 'not-a-receipt' }, true, 2_000],
    ['http-500', { kind: 'http', status: 500 }, false, 2_000],
    [
      'rate_limited',
      { kind: 'http', status: 429, code: 'rate_limited', retryAfter: '90' },
      false,
      90_000,
    ],
    ['stale', { kind: 'http', status: 409, code: 'stale' }, false, 2_000],
  ])('%s backs the part off (offline: %s), one attempt more', (reason, failure, offline, wait) => {
    const plan = planAfterFailure([entry], failure, T0, half);
    expect(plan).toMatchObject({ then: 'retry', offline, error: { reason, at: T0 } });
    expect(plan.then === 'retry' && plan.patches).toEqual([
      {
        key: 'case:c1',
        revision: 3,
        patch: {
          status: 'pending',
          attempts: 2,
          nextAttemptAt: at(wait),
          lastError: expect.objectContaining({ reason }),
        },
      },
    ]);
  });

  it('holds the queue on 401', () => {
    expect(planAfterFailure([entry], { kind: 'http', status: 401 }, T0, half)).toEqual({
      then: 'hold-auth',
    });
  });

  it('needs the officer on another 4xx, keeping what the server said', () => {
    const failure: ReportedFailure = { kind: 'http', status: 422, code: 'refused', message: 'no' };
    expect(planAfterFailure([entry], failure, T0, half)).toEqual({
      then: 'needs-attention',
      reason: 'refused',
      detail: { status: 422, message: 'no' },
    });
  });

  it('draws the jitter once per entry it backs off', () => {
    let draws = 0;
    planAfterFailure([entry, entry], { kind: 'network' }, T0, () => (draws++, 0.5));
    planAfterFailure([entry], { kind: 'http', status: 401 }, T0, () => (draws++, 0.5));
    expect(draws).toBe(2);
  });
});

describe('failureReason', () => {
  it.each<[ReportedFailure, string]>([
    [{ kind: 'network' }, 'network'],
    [{ kind: 'http', status: 503 }, 'http-503'],
    [{ kind: 'http', status: 422, code: 'case_hash_mismatch' }, 'case_hash_mismatch'],
  ])('%j is recorded as %s', (failure, reason) => {
    expect(failureReason(failure)).toBe(reason);
  });
});

describe('attentionPatches', () => {
  it('marks each entry with the reason', () => {
    const e = anEntry('photo', 'c1').build();
    expect(attentionPatches([e], 'too-large', T0, { status: 413 })).toEqual([
      {
        key: e.key,
        revision: 1,
        patch: {
          status: 'needs-attention',
          lastError: { reason: 'too-large', at: T0, status: 413 },
        },
      },
    ]);
  });
});

describe('parkPatches — a photo the server holds waits with its case', () => {
  const held = new Set(['h']);
  const photo = anEntry('photo', 'c1', 'h').status('sending').failed(2).build();

  it('until the time the case waits for, its old failure over', () => {
    const kase = anEntry('case', 'c1').due(at(CASE_WAIT)).build();
    expect(parkPatches([kase, photo], held, T0, half)).toEqual([
      {
        key: photo.key,
        revision: 1,
        patch: { status: 'pending', nextAttemptAt: at(CASE_WAIT), lastError: undefined },
      },
    ]);
  });

  it.each<OutboxStatus>(['needs-attention', 'held'])(
    'in the status of a case entry %s',
    (status) => {
      const error = { reason: 'refused', at: T0 };
      const kase = anEntry('case', 'c1').status(status, error).build();
      expect(parkPatches([kase, photo], held, T0, half)[0]?.patch).toEqual({
        status,
        lastError: error,
      });
    },
  );

  it('with nothing of the case saying when, backed off: never a busy loop', () => {
    expect(parkPatches([photo], held, T0, half)[0]?.patch).toEqual({
      status: 'pending',
      attempts: 3,
      nextAttemptAt: at(4_000),
      lastError: undefined,
    });
  });

  it('leaves photos the server did not hold', () => {
    expect(parkPatches([photo], new Set(['other']), T0, half)).toEqual([]);
  });
});

describe('receiptPatches', () => {
  it('sets what the runner took afresh, due at once; leaves the rest', () => {
    const taken = anEntry('photo', 'c1', 'a').status('sending').failed(2).build();
    const refused = anEntry('photo', 'c1', 'b').status('needs-attention').build();
    expect(receiptPatches([taken, refused], T0)).toEqual([
      { key: taken.key, revision: 1, patch: { status: 'pending', attempts: 0, nextAttemptAt: T0 } },
    ]);
  });
});

describe('stoppedPatches — a pass cut off by the end of its session', () => {
  it('puts what it took back to waiting, untouched otherwise; leaves refused and held parts', () => {
    const taken = anEntry('case', 'c1').status('sending').failed(1).due(at(-5)).build();
    const refused = anEntry('photo', 'c1').status('needs-attention').build();
    const held = anEntry('photo', 'c1', 'h').status('held').build();
    expect(stoppedPatches([taken, refused, held])).toEqual([
      { key: taken.key, revision: 1, patch: { status: 'pending' } },
    ]);
  });
});

describe('the triggers’ rules', () => {
  it.each(['online', 'send-now', 'sign-in', 'signed-in'])('"%s" says try now', (t) => {
    expect(isTryNowTrigger(t)).toBe(true);
  });
  it.each(['saved', 'visible', 'timer', 'start', 'retry'])('"%s" does not', (t) => {
    expect(isTryNowTrigger(t)).toBe(false);
  });

  it.each<[OutboxStatus, object, object, object, object, object]>([
    [
      'pending',
      { nextAttemptAt: T0, attempts: 0 },
      { status: 'held' },
      {},
      { status: 'pending', nextAttemptAt: T0 },
      {},
    ],
    [
      'sending',
      { nextAttemptAt: T0, attempts: 0 },
      { status: 'held' },
      {},
      {},
      { status: 'pending' },
    ],
    ['needs-attention', {}, {}, {}, { status: 'pending', nextAttemptAt: T0 }, {}],
    ['held', {}, {}, { status: 'pending', nextAttemptAt: T0 }, {}, {}],
  ])(
    'a %s entry: try now %j, 401 %j, sign-in %j, "try again" %j, a new page %j',
    (status, now, hold, release, retry, resumed) => {
      const e = { status };
      expect(tryNow(e, T0)).toEqual(now);
      expect(holdForSignIn(e)).toEqual(hold);
      expect(releaseOnSignIn(e, T0)).toEqual(release);
      expect(retryNow(e, T0)).toEqual(retry);
      expect(leftByClosedPage(e)).toEqual(resumed);
    },
  );
});
