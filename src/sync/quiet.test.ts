/**
 * The quiet period: a case being filled is sent once the officer pauses, not
 * once per save — one signed manifest version per pause. Against the real
 * server behind the fault proxy; time is the manual clock, and every save is
 * followed by `drainNow('saved')`, as the app's save trigger does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { transitionCase, type CaseRecord, type CaseState } from '../domain';
import { CASE_QUIET_MS, savePhoto, updateCase } from '../storage';
import { aPhoto } from '../../tests/builders/photo.builder';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';
import { readCaseStatus } from './status';

let w: SyncWorld;

afterEach(async () => {
  await w.close();
});

const iso = () => new Date(w.clock.now()).toISOString();
const calls = (method: string, path: string) =>
  w.proxy.log.filter((r) => r.method === method && r.path.startsWith(path)).length;
const puts = () => calls('PUT', '/api/cases/');
const versions = async (caseId: string) => (await w.server.versions(caseId)).map((v) => v.version);

/** An edit as a form writes it, then the app's save trigger. */
async function save(caseId: string, change: (c: CaseRecord) => CaseRecord = note): Promise<void> {
  await updateCase(w.db, caseId, change, iso());
  await w.runner.drainNow('saved');
}
let typed = 0;
const note = (c: CaseRecord): CaseRecord => ({ ...c, notes: `${c.notes ?? ''}${++typed % 10}` });

/** A state change through the domain, as the triage and liability steps make it. */
const moveTo =
  (to: CaseState, reason?: string) =>
  (c: CaseRecord): CaseRecord => {
    const r = transitionCase(c, to, iso(), reason);
    if (!r.ok) throw new Error(`${c.state} → ${to}: ${r.reason}`);
    return r.value;
  };

/** Moves the clock `ms` on, firing the runner's timers as they fall due. */
async function pass(ms: number): Promise<void> {
  const until = w.clock.now() + ms;
  for (let i = 0; i < 1_000; i++) {
    const at = w.clock.nextTimerAt();
    if (at === undefined || at > until) break;
    w.clock.advance(at - w.clock.now());
    await w.runner.idle();
  }
  w.clock.advance(until - w.clock.now());
  await w.runner.idle();
}

/** A new case, saved as the new-case screen does, then given its quiet period: sent as version 1. */
async function sentCase(photos = 0) {
  const captured = await w.capture(photos);
  await w.runner.drainNow('saved');
  await pass(CASE_QUIET_MS);
  expect(await versions(captured.record.id)).toEqual([1]);
  return captured;
}

describe('quiet period for case entries', () => {
  it('sends a new case once the quiet period after its first save has passed, not at once', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(0);
    await w.runner.drainNow('saved');

    expect(puts()).toBe(0);
    expect(await readCaseStatus(w.db, record.id, w.runner.getState())).toEqual({
      kind: 'saved-on-phone',
      since: iso(),
      waitingForSignIn: false,
    });
    expect(w.runner.getState()).toMatchObject({
      phase: 'waiting',
      nextWakeAt: new Date(w.clock.now() + CASE_QUIET_MS).toISOString(),
    });

    await pass(CASE_QUIET_MS);
    expect(await versions(record.id)).toEqual([1]);
  });

  it('N saves within the window: one PUT and one manifest version, after the last save', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();
    const before = puts();
    const requests = w.proxy.log.length;

    for (let i = 0; i < 12; i++) {
      await pass(CASE_QUIET_MS / 2);
      await save(record.id);
    }
    // Not a request while the officer types: no PUT, and no pull per save either.
    expect(w.proxy.log.length).toBe(requests);
    // Honest meanwhile: saved on the phone, no error, no retry time.
    const waiting = await readCaseStatus(w.db, record.id, w.runner.getState());
    expect(waiting).toMatchObject({ kind: 'saved-on-phone', waitingForSignIn: false });
    expect(waiting).not.toHaveProperty('lastError');
    expect(waiting).not.toHaveProperty('retryAt');

    await pass(CASE_QUIET_MS - 1);
    expect(puts()).toBe(before);
    await pass(1);

    expect(puts()).toBe(before + 1);
    expect(await versions(record.id)).toEqual([1, 2]);
    expect(await w.db.outbox.count()).toBe(0);
    // The one version carries the last save.
    const { body } = (await w.db.submissions.get(record.id))!;
    expect(body.case).toEqual(await w.db.cases.get(record.id));
    expect(await readCaseStatus(w.db, record.id, w.runner.getState())).toMatchObject({
      kind: 'sent',
      manifestVersion: 2,
    });
  });

  it('saves spread beyond the window: one version per pause', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();

    for (let burst = 0; burst < 3; burst++) {
      for (let i = 0; i < 4; i++) {
        await save(record.id);
        await pass(2_000);
      }
      await pass(CASE_QUIET_MS);
    }

    expect(await versions(record.id)).toEqual([1, 2, 3, 4]);
    expect(puts()).toBe(4);
  });

  it('"Send now", the link coming back and a fresh sign-in send a waiting case at once', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();

    await save(record.id);
    await w.runner.drainNow('send-now');
    expect(await versions(record.id)).toEqual([1, 2]);

    await save(record.id);
    await w.runner.drainNow('online');
    expect(await versions(record.id)).toEqual([1, 2, 3]);

    await save(record.id);
    await w.signInAgain();
    await w.runner.idle();
    expect(await versions(record.id)).toEqual([1, 2, 3, 4]);
    expect(w.clock.nextTimerAt()).toBeUndefined();
  });

  it('escalating to the accident squad goes at once, and so does an edit right after it', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();
    await save(record.id);
    const before = puts();

    // The escalation save, and an edit before the runner took it: both due at once.
    await updateCase(w.db, record.id, moveTo('escalated', 'injury'), iso());
    await updateCase(w.db, record.id, note, iso());
    await w.runner.drainNow('saved');

    expect(puts()).toBe(before + 1);
    expect(await versions(record.id)).toEqual([1, 2]);
    expect((await w.db.submissions.get(record.id))?.body.case.state).toBe('escalated');
    expect(await w.db.outbox.count()).toBe(0);

    // Once the escalation is sent, editing the escalated case waits for a pause again.
    await save(record.id);
    expect(puts()).toBe(before + 1);
    await pass(CASE_QUIET_MS);
    expect(await versions(record.id)).toEqual([1, 2, 3]);
  });

  it('signing and submitting go at once; so does the resubmission of a returned case', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();
    // Walk the scene states quietly (each save waits), then sign: due at once.
    for (const s of [
      'triaged',
      'evidence-complete',
      'scene-cleared',
      'liability-proposed',
    ] as const)
      await save(record.id, moveTo(s));
    expect(await versions(record.id)).toEqual([1]);
    await save(record.id, moveTo('signed'));
    expect(await versions(record.id)).toEqual([1, 2]);

    await save(record.id, moveTo('submitted'));
    expect(await versions(record.id)).toEqual([1, 2, 3]);

    // The reviewer returns it; the officer adds what was asked and resubmits.
    await w.server.review(record.id, 'return', 'Photograph the plate of B again');
    await w.runner.drainNow('visible');
    expect(await w.db.cases.get(record.id)).toMatchObject({ state: 'returned' });
    await save(record.id);
    expect(await versions(record.id)).toEqual([1, 2, 3]);
    await save(record.id, moveTo('submitted'));
    expect(await versions(record.id)).toEqual([1, 2, 3, 4]);
    expect((await w.db.submissions.get(record.id))?.body.case.state).toBe('submitted');
  });

  it('photos are not held back: they upload at once while the case entry waits', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();
    const photo = await aPhoto(record.id, 'quiet-photo', { slot: 'extra-9' });
    await savePhoto(w.db, { ...photo, changeCase: (c) => ({ ...c, updatedAt: iso() }) }, iso());
    await w.runner.drainNow('saved');

    expect(await w.server.holdsBlob(photo.meta.sha256)).toBe(true);
    expect(await w.db.outbox.get(`photo:${photo.meta.sha256}`)).toBeUndefined();
    expect(await versions(record.id)).toEqual([1]);

    await pass(CASE_QUIET_MS);
    expect(await versions(record.id)).toEqual([1, 2]);
    expect((await w.db.receipts.get(record.id))?.receipt).toMatchObject({
      complete: true,
      photos: { held: [photo.meta.sha256] },
    });
  });

  it('does not loop while a case waits with a photo the server already holds', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();
    // The final upload answer is lost: the server holds the bytes, the entry stays.
    w.proxy.set({ fault: { mode: 'lost-response' }, match: 'POST /api/uploads', times: 1 });
    const photo = await aPhoto(record.id, 'held-photo', { slot: 'extra-8' });
    await savePhoto(w.db, { ...photo, changeCase: (c) => ({ ...c, updatedAt: iso() }) }, iso());
    await w.runner.drainNow('saved');
    expect(await w.server.holdsBlob(photo.meta.sha256)).toBe(true);
    expect(await w.db.outbox.get(`photo:${photo.meta.sha256}`)).toBeDefined();
    const start = w.proxy.log.length;

    // Two simulated minutes: the officer saves every 20 s (each save starts a
    // new quiet period); the photo's retry and every wake-up come and go.
    for (let i = 0; i < 6; i++) {
      await save(record.id);
      await pass(20_000);
    }
    const during = w.proxy.log.slice(start);
    // Per pause: at most a HEAD for the held photo, the PUT, and the pull after it.
    expect(during.length).toBeLessThanOrEqual(6 * 3);
    expect(during.filter((r) => r.method === 'HEAD').length).toBeLessThanOrEqual(6);
    expect(during.filter((r) => r.method === 'PUT').length).toBe(6);
    expect(await versions(record.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await w.db.outbox.count()).toBe(0);

    // Nothing waits: no timer, and five quiet minutes cost no request at all.
    expect(w.clock.nextTimerAt()).toBeUndefined();
    const after = w.proxy.log.length;
    await pass(5 * 60_000);
    expect(w.proxy.log.length).toBe(after);
  });

  it('keeps a held photo waiting with its case through the quiet period, without a timer each second', async () => {
    w = await openSyncWorld();
    const { record } = await sentCase();
    w.proxy.set({ fault: { mode: 'lost-response' }, match: 'POST /api/uploads', times: 1 });
    const photo = await aPhoto(record.id, 'parked-photo', { slot: 'extra-7' });
    await savePhoto(w.db, { ...photo, changeCase: (c) => ({ ...c, updatedAt: iso() }) }, iso());
    await w.runner.drainNow('saved');
    await save(record.id);
    const caseDue = (await w.db.outbox.get(`case:${record.id}`))!.nextAttemptAt;
    const start = w.proxy.log.length;
    const wakes: number[] = [];
    const unsubscribe = w.runner.subscribe((s) => {
      if (s.phase === 'sending') wakes.push(w.clock.now());
    });

    await pass(CASE_QUIET_MS - 1);

    // The photo's retry came (HEAD: held; then the pull), then it waits for the case's time.
    expect(await w.db.outbox.get(`photo:${photo.meta.sha256}`)).toMatchObject({
      status: 'pending',
      nextAttemptAt: caseDue,
    });
    expect(w.proxy.log.slice(start).map((r) => r.method)).toEqual(['HEAD', 'GET']);
    // Its lost upload answer is over (the server holds it): shown saved, not failing.
    expect((await w.db.outbox.get(`photo:${photo.meta.sha256}`))?.lastError).toBeUndefined();
    expect(await readCaseStatus(w.db, record.id, w.runner.getState())).toMatchObject({
      kind: 'saved-on-phone',
      waitingForSignIn: false,
    });
    expect(await readCaseStatus(w.db, record.id, w.runner.getState())).not.toHaveProperty(
      'lastError',
    );
    expect(wakes.length).toBeLessThanOrEqual(2);
    expect(w.clock.nextTimerAt()).toBe(Date.parse(caseDue));

    await pass(1);
    unsubscribe();
    expect(await versions(record.id)).toEqual([1, 2]);
    expect((await w.db.receipts.get(record.id))?.receipt.photos.held).toContain(photo.meta.sha256);
    expect(await w.db.outbox.count()).toBe(0);
  });
});
