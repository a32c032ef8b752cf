/**
 * The sync runner's failures against the real server (in-process, behind the
 * fault proxy): backoff, Retry-After, 401, refusals, parking, captive portal,
 * lost answers. Time is the manual clock: backoff timers fire when a test
 * advances it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_QUIET_MS, retryCase } from '../storage';
import { count, expectDelivered, wakeUp } from '../../tests/faults/sync-checks';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';

let w: SyncWorld;

afterEach(async () => {
  await w.close();
});

describe('sync runner — failures', () => {
  it('retries a server 500 twice with backoff and delivers once', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    w.proxy.set({ fault: { mode: 'status', status: 500 }, match: 'PUT /api/cases/', times: 2 });

    await w.runner.drainNow('send-now');
    expect(w.runner.getState()).toMatchObject({
      phase: 'waiting',
      lastError: { reason: 'injected' },
    });
    expect(await w.db.outbox.get(`case:${record.id}`)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: { reason: 'injected', status: 500 },
    });
    const first = await wakeUp(w);
    const second = await wakeUp(w);

    // Full jitter with the draw 0.5: max(1 s floor, 0.5 × 2 s), then 0.5 × 4 s.
    expect([first, second]).toEqual([1_000, 2_000]);
    await expectDelivered(w, record.id);
    expect(w.proxy.log.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([
      500, 500, 200,
    ]);
    expect(w.clock.nextTimerAt()).toBeUndefined();
  });

  it('honours Retry-After on a 429', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(0);
    w.proxy.set({
      fault: { mode: 'status', status: 429, headers: { 'retry-after': '90' } },
      match: 'PUT /api/cases/',
      times: 1,
    });

    await w.runner.drainNow('send-now');

    expect(await wakeUp(w)).toBe(90_000);
    await expectDelivered(w, record.id);
  });

  it('keeps backing off on a mere visibility change, but stops when the link comes back', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(0);
    w.proxy.set({
      fault: { mode: 'status', status: 503, headers: { 'retry-after': '600' } },
      match: 'PUT /api/cases/',
      times: 1,
    });
    const puts = () => w.proxy.log.filter((e) => e.method === 'PUT').length;
    w.clock.advance(CASE_QUIET_MS); // the new case's quiet period

    await w.runner.drainNow('start');
    const afterFailure = puts();
    await w.runner.drainNow('visible');
    expect(puts()).toBe(afterFailure);
    expect(await w.server.caseRows(record.id)).toBe(0);

    await w.runner.drainNow('online');
    expect(puts()).toBe(afterFailure + 1);
    await expectDelivered(w, record.id);
  });

  it('holds everything on 401 until the officer signs in again, then resumes', async () => {
    w = await openSyncWorld();
    const a = await w.capture(2);
    const b = await w.capture(1);
    w.proxy.set({
      fault: {
        mode: 'status',
        status: 401,
        body: JSON.stringify({ error: { code: 'unauthenticated', message: 'session ended' } }),
      },
      match: 'PUT /api/cases/',
      times: 1,
    });

    await w.runner.drainNow('send-now');

    expect(w.runner.getState()).toMatchObject({ phase: 'held-auth' });
    expect(await w.session.state()).toMatchObject({ kind: 'expired', why: 'rejected' });
    const statuses = (await w.db.outbox.toArray()).map((e) => e.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['held']));
    expect(await w.server.caseIds()).toEqual([]);
    expect(w.clock.nextTimerAt()).toBeUndefined();

    await w.runner.drainNow('send-now'); // still held: nothing is sent without a session
    expect(count(w, 'PUT', '/api/cases/')).toBe(1);

    await w.signInAgain();
    await w.runner.idle();

    await expectDelivered(w, a.record.id);
    await expectDelivered(w, b.record.id);
  });

  it('waits for sign-in when the shift is over, keeping capture going', async () => {
    w = await openSyncWorld({ shiftMs: 60 * 60_000 });
    w.clock.advance(60 * 60_000);
    const { record } = await w.capture(1);

    await w.runner.drainNow('send-now');

    expect(w.runner.getState()).toMatchObject({ phase: 'held-auth' });
    expect(await w.db.outbox.where('caseId').equals(record.id).count()).toBe(2);
    await w.signInAgain();
    await w.runner.idle();
    await expectDelivered(w, record.id);
  });

  it('marks a 413 photo as needing attention with the reason, and still delivers other cases', async () => {
    w = await openSyncWorld();
    const big = await w.capture(2);
    w.clock.advance(60_000);
    const other = await w.capture(1);
    w.proxy.set({
      fault: {
        mode: 'status',
        status: 413,
        body: '<h1>413 Request Entity Too Large</h1>',
        headers: { 'content-type': 'text/html' },
      },
      match: 'POST /api/uploads',
      times: 1,
    });

    await w.runner.drainNow('send-now');

    await expectDelivered(w, other.record.id);
    const entries = await w.db.outbox.where('caseId').equals(big.record.id).toArray();
    expect(entries.map((e) => [e.kind, e.status, e.lastError?.reason]).sort()).toEqual([
      ['case', 'needs-attention', 'photo:too-large'],
      ['photo', 'needs-attention', 'too-large'],
    ]);
    // The server has the case and the other photo; nothing local was dropped.
    expect((await w.db.receipts.get(big.record.id))?.receipt).toMatchObject({ complete: false });
    expect(await w.db.photos.where('caseId').equals(big.record.id).count()).toBe(2);
  });

  it('marks a 422 refusal as needing attention with the server’s code, and delivers other cases', async () => {
    w = await openSyncWorld();
    const refused = await w.capture(1);
    w.clock.advance(60_000);
    const other = await w.capture(1);
    w.proxy.set({
      fault: {
        mode: 'status',
        status: 422,
        body: JSON.stringify({ error: { code: 'case_hash_mismatch', message: 'no' } }),
      },
      match: `PUT /api/cases/${refused.record.id}`,
      times: 1,
    });

    await w.runner.drainNow('send-now');

    await expectDelivered(w, other.record.id);
    expect(await w.db.outbox.get(`case:${refused.record.id}`)).toMatchObject({
      status: 'needs-attention',
      lastError: { reason: 'case_hash_mismatch', status: 422 },
    });
    expect(await w.server.caseRows(refused.record.id)).toBe(0);
    expect(w.runner.getState()).toMatchObject({ phase: 'idle' });
  });

  it('parks a photo the server holds with its refused case, without a timer, until "try again"', async () => {
    w = await openSyncWorld();
    const { record, photos } = await w.capture(1);
    const sha256 = photos[0]!.meta.sha256;
    w.proxy.set(
      { fault: { mode: 'lost-response' }, match: 'POST /api/uploads', times: 1 },
      {
        fault: {
          mode: 'status',
          status: 422,
          body: JSON.stringify({ error: { code: 'case_hash_mismatch', message: 'no' } }),
        },
        match: 'PUT /api/cases/',
        times: 1,
      },
    );

    await w.runner.drainNow('send-now');
    await wakeUp(w); // the photo's retry: HEAD says held; the PUT is refused

    expect(await w.server.holdsBlob(sha256)).toBe(true);
    const entries = await w.db.outbox.where('caseId').equals(record.id).toArray();
    expect(entries.map((e) => [e.kind, e.status, e.lastError?.reason]).sort()).toEqual([
      ['case', 'needs-attention', 'case_hash_mismatch'],
      ['photo', 'needs-attention', 'case_hash_mismatch'],
    ]);
    expect(w.clock.nextTimerAt()).toBeUndefined();
    const requests = w.proxy.log.length;
    w.clock.advance(10 * 60_000);
    await w.runner.drainNow('visible');
    expect(w.proxy.log.slice(requests).map((r) => r.method)).toEqual(['GET']);

    await retryCase(w.db, record.id, new Date(w.clock.now()).toISOString());
    await w.runner.drainNow('retry');
    await expectDelivered(w, record.id);
  });

  it('marks nothing sent behind a captive portal, and delivers once the link is real', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(2);
    w.proxy.set({ fault: { mode: 'captive-portal' } });

    await w.runner.drainNow('send-now');

    expect(w.runner.getState()).toMatchObject({
      phase: 'offline',
      lastError: { reason: 'not-a-receipt' },
    });
    expect(await w.db.outbox.where('caseId').equals(record.id).count()).toBe(3);
    expect(await w.db.receipts.count()).toBe(0);
    expect(await w.server.caseIds()).toEqual([]);

    w.proxy.set();
    await wakeUp(w);
    await expectDelivered(w, record.id);
  });

  it('gets the same receipt after a response lost once the server committed (case and photo)', async () => {
    w = await openSyncWorld();
    const { record, photos } = await w.capture(1);
    w.proxy.set(
      { fault: { mode: 'lost-response' }, match: 'POST /api/uploads', times: 1 },
      { fault: { mode: 'lost-response' }, match: 'PUT /api/cases/', times: 1 },
    );

    await w.runner.drainNow('send-now');
    expect(w.runner.getState()).toMatchObject({
      phase: 'offline',
      lastError: { reason: 'network' },
    });
    expect(await w.server.holdsBlob(photos[0]!.meta.sha256)).toBe(true);
    expect(await w.db.outbox.where('caseId').equals(record.id).count()).toBe(2);
    await wakeUp(w);
    expect(await w.server.caseRows(record.id)).toBe(1);
    expect(await w.db.receipts.count()).toBe(0);
    await wakeUp(w);

    await expectDelivered(w, record.id);
    const [version] = await w.server.versions(record.id);
    expect((await w.db.receipts.get(record.id))?.receipt.manifestHash).toBe(version!.manifestHash);
    // The photo went in its creation POST, once: the retry found it held.
    expect(count(w, 'POST', '/api/uploads')).toBe(1);
    expect(count(w, 'PATCH', '/api/uploads/')).toBe(0);
    expect(count(w, 'PUT', '/api/cases/')).toBe(2);
  });
});
