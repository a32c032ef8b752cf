/**
 * The planner's promises over generated outboxes: every part is either sent or
 * said to wait (once), nothing of another officer's case and nothing refused
 * or held goes, cases go the longest-waiting first, the wake-up time is the
 * earliest time anything waits for and never a busy loop, a later look never
 * sends less, and "try now" leaves nothing waiting for a time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, at } from '../../../tests/builders/outbox.builder';
import type { CaseOfficer } from '../case/case.schema';
import { tryNow } from './due';
import { isDue, type OutboxEntry } from './entry';
import { planAfterFailure, type ReportedFailure } from './outcome';
import { BACKOFF_FLOOR_MS, RETRY_AFTER_CAP_MS } from './backoff';
import { MIN_WAKE_MS, planSync, wakeAt, type PlanInput } from './plan';

const CASES = ['c1', 'c2', 'c3', 'c4'];
const OFFICERS: CaseOfficer[] = [
  { id: '0190a000-0000-7000-8000-00000000000a', name: '张伟' },
  { id: '0190a000-0000-7000-8000-00000000000b', name: '王强' },
];

const offset = fc.integer({ min: -120_000, max: 120_000 });

const entry: fc.Arbitrary<OutboxEntry> = fc
  .record({
    kind: fc.constantFrom('case' as const, 'photo' as const),
    caseId: fc.constantFrom(...CASES),
    photo: fc.constantFrom('a', 'b', 'c'),
    status: fc.constantFrom(
      'pending' as const,
      'sending' as const,
      'needs-attention' as const,
      'held' as const,
    ),
    attempts: fc.nat(6),
    enqueued: offset,
    next: offset,
  })
  .map((r) => {
    const entityId = r.kind === 'case' ? r.caseId : `${r.caseId}-${r.photo}`;
    return {
      key: `${r.kind}:${entityId}`,
      kind: r.kind,
      entityId,
      caseId: r.caseId,
      status: r.status,
      revision: 1,
      enqueuedAt: at(r.enqueued),
      updatedAt: at(r.enqueued),
      attempts: r.attempts,
      nextAttemptAt: at(r.next),
    };
  });

/** An outbox (one entry per key), who captured each case, and maybe who is signed in. */
const input: fc.Arbitrary<PlanInput> = fc
  .record({
    entries: fc.uniqueArray(entry, { selector: (e) => e.key, maxLength: 12 }),
    owners: fc.array(fc.option(fc.constantFrom(...OFFICERS), { nil: undefined }), {
      minLength: CASES.length,
      maxLength: CASES.length,
    }),
    signedIn: fc.option(fc.constantFrom(...OFFICERS), { nil: undefined }),
    now: offset,
  })
  .map(({ entries, owners, signedIn, now }) => {
    const officers = new Map<string, CaseOfficer>();
    owners.forEach((o, i) => o && officers.set(CASES[i]!, o));
    const plan: PlanInput = { entries, officers, now: at(now) };
    if (signedIn) plan.sendingFor = { officerId: signedIn.id };
    return plan;
  });

const othersCase = (p: PlanInput, caseId: string) => {
  const owner = p.officers?.get(caseId);
  return p.sendingFor !== undefined && owner !== undefined && owner.id !== p.sendingFor.officerId;
};

/** The keys a plan sends now: due photos, and case entries whose manifest goes. */
const sentKeys = (p: PlanInput) =>
  planSync(p).send.flatMap((c) => [
    ...c.photos.map((e) => e.key),
    ...(c.manifest ? p.entries.filter((e) => e.caseId === c.caseId && e.kind === 'case') : []).map(
      (e) => e.key,
    ),
  ]);

describe('planSync over generated outboxes', () => {
  it('accounts for every part once: sent now, or waiting with a reason', () => {
    fc.assert(
      fc.property(input, (p) => {
        const plan = planSync(p);
        const due = plan.send.flatMap((c) => p.entries.filter((e) => e.caseId === c.caseId));
        const dueNow = due.filter((e) => isDue(e, p.now));
        const waiting = plan.waiting.map((w) => w.key);
        expect(new Set(waiting).size).toBe(waiting.length);
        expect([...dueNow.map((e) => e.key), ...waiting].sort()).toEqual(
          p.entries.map((e) => e.key).sort(),
        );
      }),
    );
  });

  it('sends nothing refused, held, not yet due or another officer’s', () => {
    fc.assert(
      fc.property(input, (p) => {
        const byKey = new Map(p.entries.map((e) => [e.key, e]));
        for (const key of sentKeys(p)) {
          const e = byKey.get(key)!;
          expect(isDue(e, p.now)).toBe(true);
          expect(othersCase(p, e.caseId)).toBe(false);
        }
        for (const w of planSync(p).waiting) {
          if (othersCase(p, w.caseId)) expect(w).toMatchObject({ reason: 'another-officer' });
          if (w.until !== undefined) expect(w.until > p.now).toBe(true);
        }
      }),
    );
  });

  it('sends each case once, the longest-waiting first', () => {
    fc.assert(
      fc.property(input, (p) => {
        const oldest = planSync(p).send.map(
          (c) =>
            p.entries
              .filter((e) => e.caseId === c.caseId && isDue(e, p.now))
              .map((e) => e.enqueuedAt)
              .sort()[0]!,
        );
        expect(new Set(planSync(p).send.map((c) => c.caseId)).size).toBe(oldest.length);
        expect(oldest).toEqual([...oldest].sort());
      }),
    );
  });

  it('wakes at the earliest time a sendable part waits for, and never sooner than MIN_WAKE_MS', () => {
    fc.assert(
      fc.property(input, (p) => {
        const timed = p.entries
          .filter((e) => e.status === 'pending' || e.status === 'sending')
          .filter((e) => !othersCase(p, e.caseId))
          .map((e) => e.nextAttemptAt)
          .sort();
        const plan = planSync(p);
        expect(plan.nextDueAt).toBe(timed[0]);
        const wake = wakeAt(plan, p.now);
        if (wake !== undefined)
          expect(wake).toBeGreaterThanOrEqual(Date.parse(p.now) + MIN_WAKE_MS);
      }),
    );
  });

  it('never sends less at a later time, and leaves its input as it was', () => {
    fc.assert(
      fc.property(input, fc.nat(300_000), (p, later) => {
        const frozen = structuredClone(p.entries);
        const before = sentKeys(p);
        const after = new Set(sentKeys({ ...p, now: at(later, p.now) }));
        for (const k of before) expect(after.has(k)).toBe(true);
        expect(p.entries).toEqual(frozen);
      }),
    );
  });

  it('after "try now" nothing waits for a time: only for a person or a session', () => {
    fc.assert(
      fc.property(input, (p) => {
        const entries = p.entries.map((e) => ({ ...e, ...tryNow(e, p.now) }));
        for (const w of planSync({ ...p, entries }).waiting) {
          expect(['needs-attention', 'sign-in', 'another-officer']).toContain(w.reason);
        }
      }),
    );
  });
});

describe('planAfterFailure over generated failures', () => {
  const failure: fc.Arbitrary<ReportedFailure> = fc.oneof(
    fc.constantFrom<ReportedFailure>(
      { kind: 'network' },
      { kind: 'timeout' },
      { kind: 'not-a-receipt' },
    ),
    fc.record({
      kind: fc.constant('http' as const),
      status: fc.integer({ min: 100, max: 599 }),
      retryAfter: fc.option(fc.nat(100_000).map(String), { nil: undefined }),
    }),
  );

  it('never discards: a part is backed off (later, one attempt more), held or needs attention', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => e.key, maxLength: 4 }),
        failure,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (entries, f, draw) => {
          const plan = planAfterFailure(entries, f, T0, () => draw);
          if (plan.then !== 'retry') return;
          expect(plan.patches.map((x) => x.key)).toEqual(entries.map((e) => e.key));
          plan.patches.forEach((x, i) => {
            const wait = Date.parse(x.patch.nextAttemptAt!) - Date.parse(T0);
            expect(x.patch.attempts).toBe(entries[i]!.attempts + 1);
            expect(wait).toBeGreaterThanOrEqual(BACKOFF_FLOOR_MS);
            expect(wait).toBeLessThanOrEqual(RETRY_AFTER_CAP_MS);
          });
        },
      ),
    );
  });
});
