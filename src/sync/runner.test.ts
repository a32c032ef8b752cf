/**
 * The sync runner against the real server (in-process, on a loopback port,
 * behind the fault proxy): real fetch, real tus-js-client, real SQLite.
 * Time is the manual clock: backoff timers fire when a test advances it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_QUIET_MS, readCase, retryCase, saveCase, savePhoto, updateCase } from '../storage';
import { aPhoto } from '../../tests/builders/photo.builder';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';

let w: SyncWorld;

afterEach(async () => {
  await w.close();
});

const count = (w: SyncWorld, method: string, path: string) =>
  w.proxy.log.filter((r) => r.method === method && r.path.startsWith(path)).length;

/** Fires the runner's timer (after the backoff it chose) and waits for the drain. */
async function wakeUp(w: SyncWorld): Promise<number> {
  const at = w.clock.nextTimerAt();
  if (at === undefined) throw new Error('the runner set no timer');
  const waited = at - w.clock.now();
  w.clock.advance(waited);
  await w.runner.idle();
  return waited;
}

async function expectDelivered(w: SyncWorld, caseId: string, versions = 1) {
  expect(await w.server.caseRows(caseId)).toBe(1);
  expect((await w.server.versions(caseId)).map((v) => v.version)).toEqual(
    Array.from({ length: versions }, (_, i) => i + 1),
  );
  expect(await w.db.outbox.where('caseId').equals(caseId).count()).toBe(0);
  expect((await w.db.receipts.get(caseId))?.receipt).toMatchObject({
    manifestVersion: versions,
    complete: true,
  });
}

describe('sync runner — delivery', () => {
  it('drains a case with 3 photos to one server case with a complete receipt and an empty outbox', async () => {
    w = await openSyncWorld();
    const { record, photos } = await w.capture(3);

    await w.runner.drainNow('send-now');

    await expectDelivered(w, record.id);
    for (const p of photos) expect(await w.server.holdsBlob(p.meta.sha256)).toBe(true);
    const stored = await w.db.receipts.get(record.id);
    expect(stored?.receipt.photos.held.sort()).toEqual(photos.map((p) => p.meta.sha256).sort());
    expect(count(w, 'PATCH', '/api/uploads/')).toBe(3);
    expect(w.runner.getState()).toMatchObject({ phase: 'idle' });
  });

  it('reports the case’s bytes across its photos: each goes on from the last, up to the case total', async () => {
    w = await openSyncWorld();
    const { photos } = await w.capture(3);
    const total = photos.reduce((n, p) => n + p.meta.byteLength, 0);
    const seen: { sent: number; total: number }[] = [];
    const stop = w.runner.subscribe((s) => {
      const c = s.current;
      if (c?.part === 'photo' && c.caseBytesSent !== undefined && c.caseBytesTotal !== undefined)
        seen.push({ sent: c.caseBytesSent, total: c.caseBytesTotal });
    });

    await w.runner.drainNow('send-now');
    stop();

    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((x) => x.total === total)).toBe(true);
    expect(seen.map((x) => x.sent)).toEqual([...seen.map((x) => x.sent)].sort((a, b) => a - b));
    expect(seen.at(-1)?.sent).toBe(total);
  });

  it('enqueued twice and drained twice (once concurrently) gives one server case', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    const at = new Date(w.clock.now()).toISOString();
    await saveCase(w.db, record, at);
    expect(await w.db.outbox.where('caseId').equals(record.id).count()).toBe(2);

    await Promise.all([w.runner.drainNow('online'), w.runner.drainNow('visible')]);
    await w.runner.drainNow('send-now');

    await expectDelivered(w, record.id);
    expect(count(w, 'PUT', '/api/cases/')).toBe(1);
  });

  it('keeps an entry edited while sending and sends it as version 2', async () => {
    let edited = false;
    w = await openSyncWorld({
      wrapApi: (api) => ({
        ...api,
        async putCase(token, caseId, body) {
          if (!edited) {
            edited = true;
            const at = new Date(w.clock.now()).toISOString();
            await updateCase(w.db, caseId, (c) => ({ ...c, notes: 'edited while sending' }), at);
          }
          return api.putCase(token, caseId, body);
        },
      }),
    });
    const { record } = await w.capture(2);

    await w.runner.drainNow('send-now');

    // The edit is an ordinary save: it goes after its quiet period, as version 2.
    expect((await w.server.versions(record.id)).map((v) => v.version)).toEqual([1]);
    expect(await wakeUp(w)).toBe(CASE_QUIET_MS);
    await expectDelivered(w, record.id, 2);
    const [v1, v2] = await w.server.versions(record.id);
    const { body } = (await w.db.submissions.get(record.id))!;
    expect(body.manifest.previousManifestHash).toBe(v1!.manifestHash);
    expect(body.case.notes).toBe('edited while sending');
    expect((await w.db.receipts.get(record.id))?.receipt.manifestHash).toBe(v2!.manifestHash);
  });
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
      { fault: { mode: 'lost-response' }, match: 'PATCH /api/uploads/', times: 1 },
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
      { fault: { mode: 'lost-response' }, match: 'PATCH /api/uploads/', times: 1 },
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
    expect(count(w, 'PATCH', '/api/uploads/')).toBe(1);
    expect(count(w, 'PUT', '/api/cases/')).toBe(2);
  });
});

describe('sync runner — resumable photos', () => {
  it('resumes a photo cut off mid-upload from the server’s offset, storing it once', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(0);
    const photo = await aPhoto(record.id, 'two-megabytes', { size: 2 * 1024 * 1024 });
    await savePhoto(w.db, photo, new Date(w.clock.now()).toISOString());
    w.proxy.set({
      fault: { mode: 'cut-request', bytes: 300 * 1024 },
      match: 'PATCH /api/uploads/',
      times: 1,
    });

    await w.runner.drainNow('send-now');
    expect(w.runner.getState()).toMatchObject({ phase: 'offline' });
    await wakeUp(w);

    await expectDelivered(w, record.id);
    expect(await w.server.blobVerifies(photo.meta.sha256)).toBe(true);
    const patches = w.proxy.log.filter((r) => r.method === 'PATCH');
    // One upload resource, resumed after a HEAD for the offset: 4 chunks of 512 KB plus the cut one.
    expect(count(w, 'POST', '/api/uploads')).toBe(1);
    expect(count(w, 'HEAD', '/api/uploads/')).toBe(1);
    expect(patches.map((p) => p.fault)).toEqual(['cut-request', 'pass', 'pass', 'pass', 'pass']);
  });
});

describe('sync runner — 409 reconcile', () => {
  it('chains the next version onto what the server holds when a lost answer was followed by an edit', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    w.proxy.set({ fault: { mode: 'lost-response' }, match: 'PUT /api/cases/', times: 1 });
    await w.runner.drainNow('send-now');
    const at = new Date(w.clock.now()).toISOString();
    await updateCase(w.db, record.id, (c) => ({ ...c, notes: 'edited offline' }), at);
    await w.runner.drainNow('saved'); // as the app does after every save

    expect(await wakeUp(w)).toBe(CASE_QUIET_MS);

    await expectDelivered(w, record.id, 2);
    expect(w.proxy.log.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([
      200, 409, 200,
    ]);
    expect(count(w, 'GET', `/api/cases/${record.id}`)).toBe(1);
  });

  it('takes the server’s receipt when it holds this exact content under another signing', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    w.proxy.set({ fault: { mode: 'lost-response' }, match: 'PUT /api/cases/', times: 1 });
    await w.runner.drainNow('send-now');
    // The kept body is gone (e.g. storage cleared): the rebuilt manifest is signed at another time.
    await w.db.submissions.clear();

    await wakeUp(w);

    await expectDelivered(w, record.id, 1);
    expect(w.proxy.log.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([200, 409]);
    const [v1] = await w.server.versions(record.id);
    expect((await w.db.submissions.get(record.id))?.manifestHash).toBe(v1!.manifestHash);
  });
});

describe('sync runner — a server behind the phone (restored from a backup)', () => {
  /** The case sent once, then its content edited on the phone. */
  async function sentThenEdited() {
    const { record } = await w.capture(1);
    await w.runner.drainNow('send-now');
    return {
      record,
      edit: () =>
        updateCase(
          w.db,
          record.id,
          (c) => ({ ...c, notes: 'edited after the restore' }),
          new Date(w.clock.now()).toISOString(),
        ),
    };
  }
  const puts = () => w.proxy.log.filter((r) => r.method === 'PUT').map((r) => r.status);

  it('sends its content as the version after the server’s latest when its receipt is ahead', async () => {
    w = await openSyncWorld();
    const { record, edit } = await sentThenEdited();
    // The phone holds the receipt of version 5; the server lost versions 2–5.
    const kept = (await w.db.receipts.get(record.id))!;
    await w.db.receipts.put({
      ...kept,
      receipt: { ...kept.receipt, manifestVersion: 5, manifestHash: 'f'.repeat(64) },
    });
    await edit();

    await w.runner.drainNow('send-now');

    await expectDelivered(w, record.id, 2);
    expect(puts()).toEqual([200, 409, 200]);
  });

  it('sends its content as version 1 when the server holds no version of the case', async () => {
    w = await openSyncWorld();
    const { record, edit } = await sentThenEdited();
    const db = w.server.world.fx.db;
    for (const table of ['changes', 'case_vehicles_insurers', 'case_versions'] as const) {
      await db.deleteFrom(table).where('case_id', '=', record.id).execute();
    }
    await db.deleteFrom('cases').where('id', '=', record.id).execute();
    await edit();

    await w.runner.drainNow('send-now');

    await expectDelivered(w, record.id, 1);
    expect(puts()).toEqual([200, 409, 200]);
  });
});

describe('sync runner — pull', () => {
  it('applies a reviewer’s return to the local case', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    await w.runner.drainNow('send-now');

    await w.server.review(record.id, 'return', 'Photograph the plate of B again');
    await w.runner.drainNow('visible');

    const local = await readCase(w.db, record.id);
    expect(local).toMatchObject({ found: true, value: { state: 'returned' } });
    expect(local.found && local.value.transitions.at(-1)).toMatchObject({
      to: 'returned',
      reason: 'Photograph the plate of B again',
    });
    expect(await w.db.outbox.count()).toBe(0);
  });

  it('keeps an unsent local edit and applies the server’s change after it is sent', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    await w.runner.drainNow('send-now');
    await w.server.review(record.id, 'return', 'More photos');
    const at = new Date(w.clock.now()).toISOString();
    await updateCase(w.db, record.id, (c) => ({ ...c, notes: 'officer’s edit' }), at);
    w.proxy.set({ fault: { mode: 'status', status: 503 }, match: 'PUT /api/cases/', times: 1 });

    await w.runner.drainNow('online');

    expect(await readCase(w.db, record.id)).toMatchObject({
      value: { state: 'opened', notes: 'officer’s edit' },
    });
    expect(await w.db.serverChanges.count()).toBe(1);
    await wakeUp(w);
    await expectDelivered(w, record.id, 2);
    expect(await readCase(w.db, record.id)).toMatchObject({
      value: { state: 'returned', notes: 'officer’s edit' },
    });
    expect(await w.db.serverChanges.count()).toBe(0);
  });
});

describe('sync runner — a shared phone (D8)', () => {
  it('sends only the signed-in officer’s cases; another officer’s wait, without a timer spinning for them', async () => {
    w = await openSyncWorld();
    const me = (await w.session.active())!.user;
    const { record: unclaimed } = await w.capture(1);
    const { record: mine } = await w.capture(1);
    const { record: theirs } = await w.capture(1);
    const at = new Date(w.clock.now()).toISOString();
    await saveCase(w.db, { ...mine, officer: { id: me.id, name: me.displayName } }, at);
    const colleague = { id: '0190a000-0000-7000-8000-00000000c0de', name: '同事' };
    await saveCase(w.db, { ...theirs, officer: colleague }, at);

    await w.runner.drainNow('send-now');

    await expectDelivered(w, mine.id);
    await expectDelivered(w, unclaimed.id);
    expect(await w.server.caseRows(theirs.id)).toBe(0);
    expect(w.proxy.log.some((r) => r.path.includes(theirs.id))).toBe(false);
    const waiting = await w.db.outbox.where('caseId').equals(theirs.id).toArray();
    expect(waiting.map((e) => e.kind).sort()).toEqual(['case', 'photo']);
    expect(waiting.every((e) => e.status === 'pending' && e.attempts === 0)).toBe(true);
    expect(w.clock.nextTimerAt()).toBeUndefined();
    expect(w.runner.getState()).toMatchObject({ phase: 'idle' });
  });
});
