import { describe, expect, it } from 'vitest';
import { T0, anEntry, at } from '../../../tests/builders/outbox.builder';
import type { CaseOfficer } from '../case/case.schema';
import { CASE_QUIET_MS } from './due';
import {
  MIN_WAKE_MS,
  blockedReason,
  planCase,
  planManifest,
  planSync,
  wakeAt,
  type ManifestStep,
} from './plan';

const ME = { id: '0190a000-0000-7000-8000-00000000000a', name: '张伟' } satisfies CaseOfficer;
const COLLEAGUE = {
  id: '0190a000-0000-7000-8000-00000000c0de',
  name: '王强',
} satisfies CaseOfficer;

describe('planSync — what goes now, what waits and why', () => {
  it('sends a photo at once while its case waits for the quiet period', () => {
    const photo = anEntry('photo', 'c1').build();
    const kase = anEntry('case', 'c1').due(at(CASE_QUIET_MS)).build();

    const plan = planSync({ entries: [kase, photo], now: T0 });

    expect(plan.send).toEqual([{ caseId: 'c1', photos: [photo], manifest: false }]);
    expect(plan.waiting).toEqual([
      {
        key: 'case:c1',
        caseId: 'c1',
        kind: 'case',
        reason: 'quiet-period',
        until: at(CASE_QUIET_MS),
      },
    ]);
    expect(plan.nextDueAt).toBe(T0);
  });

  it.each([
    ['a due case entry', [anEntry('case', 'c1').build()], true],
    ['photos with no case entry (for their receipt)', [anEntry('photo', 'c1').build()], true],
    [
      'a case entry that needs attention',
      [anEntry('case', 'c1').status('needs-attention').build(), anEntry('photo', 'c1').build()],
      false,
    ],
    [
      'a case entry backing off',
      [anEntry('case', 'c1').failed(1).due(at(2_000)).build(), anEntry('photo', 'c1').build()],
      false,
    ],
  ])('whether the manifest goes, with %s', (_, entries, manifest) => {
    expect(planSync({ entries, now: T0 }).send[0]?.manifest).toBe(manifest);
  });

  it.each([
    ['quiet-period', anEntry('case', 'c1').due(at(5_000)).build(), at(5_000)],
    ['backoff', anEntry('case', 'c1').failed(3).due(at(8_000)).build(), at(8_000)],
    ['backoff', anEntry('photo', 'c1').failed(1).due(at(1_500)).build(), at(1_500)],
    ['with-its-case', anEntry('photo', 'c1').due(at(9_000)).build(), at(9_000)],
    ['needs-attention', anEntry('photo', 'c1').status('needs-attention').build(), undefined],
    ['sign-in', anEntry('case', 'c1').status('held').build(), undefined],
  ])('a part waits for %s', (reason, entry, until) => {
    const [waiting] = planSync({ entries: [entry], now: T0 }).waiting;
    expect(waiting).toEqual({
      key: entry.key,
      caseId: 'c1',
      kind: entry.kind,
      reason,
      ...(until ? { until } : {}),
    });
  });

  it('says a case entry waits for its photos when a photo of it waits for a retry first', () => {
    const entries = [
      anEntry('case', 'c1').due(at(3_000)).build(),
      anEntry('photo', 'c1').failed(2).due(at(3_000)).build(),
    ];
    expect(planSync({ entries, now: T0 }).waiting.map((w) => w.reason)).toEqual([
      'photos-first',
      'backoff',
    ]);
  });

  it('takes a part a crash left `sending` again once its time has come', () => {
    const entry = anEntry('photo', 'c1').status('sending').due(at(-1)).build();
    expect(planSync({ entries: [entry], now: T0 }).send[0]?.photos).toEqual([entry]);
  });

  it('sends the longest-waiting case first, by its oldest due part', () => {
    const entries = [
      anEntry('case', 'new').enqueued(at(60_000)).build(),
      anEntry('photo', 'old').enqueued(at(-60_000)).build(),
      anEntry('case', 'old').enqueued(at(-120_000)).due(at(CASE_QUIET_MS)).build(),
      anEntry('case', 'mid').build(),
    ];
    expect(planSync({ entries, now: at(60_000) }).send.map((c) => c.caseId)).toEqual([
      'old',
      'mid',
      'new',
    ]);
  });

  it('on a shared phone sends the officer’s and unclaimed cases; another officer’s wait, untimed', () => {
    const entries = [
      anEntry('case', 'mine').build(),
      anEntry('case', 'unclaimed').build(),
      anEntry('case', 'theirs').build(),
      anEntry('photo', 'theirs').due(at(-5_000)).build(),
    ];
    const officers = new Map([
      ['mine', ME],
      ['theirs', COLLEAGUE],
    ]);

    const plan = planSync({ entries, officers, now: T0, sendingFor: { officerId: ME.id } });

    expect(plan.send.map((c) => c.caseId)).toEqual(['mine', 'unclaimed']);
    expect(plan.waiting).toEqual([
      { key: 'case:theirs', caseId: 'theirs', kind: 'case', reason: 'another-officer' },
      { key: 'photo:theirs-p', caseId: 'theirs', kind: 'photo', reason: 'another-officer' },
    ]);
    expect(plan.nextDueAt).toBe(T0);
    // Without a session to send for, every case is planned (the storage view for tests).
    expect(planSync({ entries, officers, now: T0 }).send).toHaveLength(3);
  });

  it('names no wake-up time when nothing waits for a time', () => {
    const entries = [
      anEntry('case', 'c1').status('held').build(),
      anEntry('case', 'c2').status('needs-attention').build(),
    ];
    const plan = planSync({ entries, now: T0 });
    expect(plan).toEqual({ send: [], waiting: expect.any(Array) });
    expect(wakeAt(plan, T0)).toBeUndefined();
  });
});

describe('wakeAt', () => {
  it.each([
    [at(CASE_QUIET_MS), Date.parse(T0) + CASE_QUIET_MS],
    [at(200), Date.parse(T0) + MIN_WAKE_MS],
    [at(-60_000), Date.parse(T0) + MIN_WAKE_MS],
  ])('wakes for %s at the time or at least %i ms on', (nextDueAt, expected) => {
    expect(wakeAt({ nextDueAt }, T0)).toBe(expected);
  });
});

describe('planCase', () => {
  it('lists the due photos in the order given', () => {
    const a = anEntry('photo', 'c1', 'a').build();
    const b = anEntry('photo', 'c1', 'b').due(at(1)).build();
    const c = anEntry('photo', 'c1', 'c').build();
    expect(planCase([a, b, c], T0).photos).toEqual([a, c]);
  });
});

describe('planManifest — after the photos', () => {
  const none = new Set<string>();

  it('waits while the case entry is not due, unless told not to look (the try after a 409)', () => {
    const entries = [anEntry('case', 'c1').due(at(5_000)).build()];
    expect(planManifest({ entries, heldByServer: none, now: T0 })).toEqual({ step: 'wait' });
    expect(planManifest({ entries, heldByServer: none, now: T0, checkDue: false })).toMatchObject({
      step: 'put',
    });
  });

  it('sets the case entry to go with a photo that waits for its retry', () => {
    const kase = anEntry('case', 'c1').revision(4).build();
    const photo = anEntry('photo', 'c1').failed(1).due(at(2_000)).build();
    expect(planManifest({ entries: [kase, photo], heldByServer: none, now: T0 })).toEqual({
      step: 'wait-for-photos',
      caseEntry: {
        key: 'case:c1',
        revision: 4,
        patch: { status: 'pending', nextAttemptAt: at(2_000) },
      },
    });
  });

  it('never sets the case entry in the past: at least MIN_WAKE_MS on', () => {
    const kase = anEntry('case', 'c1').build();
    const photo = anEntry('photo', 'c1').status('sending').build();
    const step = planManifest({ entries: [kase, photo], heldByServer: none, now: T0 });
    expect(step).toMatchObject({ caseEntry: { patch: { nextAttemptAt: at(MIN_WAKE_MS) } } });
  });

  it('without a case entry waits for retrying photos with nothing to move', () => {
    const photo = anEntry('photo', 'c1').failed(1).due(at(2_000)).build();
    expect(planManifest({ entries: [photo], heldByServer: none, now: T0 })).toEqual({
      step: 'wait-for-photos',
    });
  });

  it('puts for the case entry; photos the server holds only wait for the receipt', () => {
    const kase = anEntry('case', 'c1').build();
    const held = anEntry('photo', 'c1', 'h').status('sending').build();
    expect(planManifest({ entries: [kase, held], heldByServer: new Set(['h']), now: T0 })).toEqual({
      step: 'put',
      targets: [kase],
    });
  });

  it('puts for every entry when there is no case entry', () => {
    const held = anEntry('photo', 'c1', 'h').status('sending').build();
    const step = planManifest({ entries: [held], heldByServer: new Set(['h']), now: T0 });
    expect(step).toEqual({ step: 'put', targets: [held] });
  });

  it('names a photo that needs attention, and refuses the manifest only when the server holds it', () => {
    const kase = anEntry('case', 'c1').build();
    const refused = anEntry('photo', 'c1')
      .status('needs-attention', { reason: 'too-large', at: T0, status: 413 })
      .build();
    const step = planManifest({ entries: [kase, refused], heldByServer: none, now: T0 });
    expect(step).toEqual({ step: 'put', targets: [kase], blockedBy: refused });
    const put = step as Extract<ManifestStep, { step: 'put' }>;
    expect(blockedReason(put, 'h1', 'h1')).toBe('photo:too-large');
    expect(blockedReason(put, 'h0', 'h1')).toBeUndefined();
    expect(blockedReason(put, undefined, 'h1')).toBeUndefined();
    expect(blockedReason({ step: 'put', targets: [kase] }, 'h1', 'h1')).toBeUndefined();
  });
});
