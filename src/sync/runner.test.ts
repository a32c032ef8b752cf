/**
 * The sync runner against the real server (in-process, on a loopback port,
 * behind the fault proxy): real fetch, real tus-js-client, real SQLite.
 * Time is the manual clock: backoff timers fire when a test advances it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CASE_QUIET_MS,
  readCase,
  readReview,
  readRevocation,
  readSyncValue,
  saveCase,
  savePhoto,
  updateCase,
} from '../storage';
import { deviceKey } from './device';
import { aPhoto } from '../../tests/builders/photo.builder';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';

let w: SyncWorld;

afterEach(async () => {
  await w.close();
});

import { count, expectDelivered, wakeUp } from '../../tests/faults/sync-checks';

describe('sync runner — delivery', () => {
  it('drains a case with 3 photos to one server case with a complete receipt and an empty outbox', async () => {
    w = await openSyncWorld();
    const { record, photos } = await w.capture(3);

    await w.runner.drainNow('send-now');

    await expectDelivered(w, record.id);
    for (const p of photos) expect(await w.server.holdsBlob(p.meta.sha256)).toBe(true);
    const stored = await w.db.receipts.get(record.id);
    expect(stored?.receipt.photos.held.sort()).toEqual(photos.map((p) => p.meta.sha256).sort());
    // Each photo in one request: its bytes in the creation POST (tus creation-with-upload).
    expect(count(w, 'POST', '/api/uploads')).toBe(3);
    expect(count(w, 'PATCH', '/api/uploads/')).toBe(0);
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
    // One upload resource: its first 512 KB in the creation POST, the next
    // chunk cut, then resumed after a HEAD for the offset, 3 chunks to the end.
    expect(count(w, 'POST', '/api/uploads')).toBe(1);
    expect(count(w, 'HEAD', '/api/uploads/')).toBe(1);
    expect(patches.map((p) => p.fault)).toEqual(['cut-request', 'pass', 'pass', 'pass']);
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
  it('dates the contact when the pull was asked, not when a late answer came', async () => {
    const HOURS_2 = 2 * 3_600_000;
    let askedAt = '';
    w = await openSyncWorld({
      wrapApi: (api) => ({
        ...api,
        async getChanges(...args: Parameters<typeof api.getChanges>) {
          askedAt = new Date(w.clock.now()).toISOString();
          const answer = await api.getChanges(...args);
          w.clock.advance(HOURS_2); // the answer arrives two hours on
          return answer;
        },
      }),
    });
    await w.runner.drainNow('visible');
    const contacts = await w.db.syncState.where('key').startsWith('lastContact:').toArray();
    expect(askedAt).not.toBe('');
    expect(contacts.map((c) => c.value)).toEqual([askedAt]);
  });

  it('applies a reviewer’s return to the local case', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    await w.runner.drainNow('send-now');

    await w.server.review(record.id, 'return', 'Photograph the plate of B again');
    await w.runner.drainNow('visible');
    // An answered pull is the officer's last contact with the server (the offline limit).
    const contacts = await w.db.syncState.where('key').startsWith('lastContact:').toArray();
    expect(contacts.map((c) => c.value)).toEqual([new Date(w.clock.now()).toISOString()]);

    const local = await readCase(w.db, record.id);
    expect(local).toMatchObject({ found: true, value: { state: 'returned' } });
    expect(local.found && local.value.transitions.at(-1)).toMatchObject({
      to: 'returned',
      reason: 'Photograph the plate of B again',
    });
    expect(await w.db.outbox.count()).toBe(0);
    // The squad's word is kept beside the case, stamped with the device's time of the pull.
    expect(await readReview(w.db, record.id)).toMatchObject({
      verdict: {
        kind: 'returned',
        note: 'Photograph the plate of B again',
        receivedAt: new Date(w.clock.now()).toISOString(),
        missing: [],
      },
    });
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

describe('sync runner — a revoked phone with nothing unsent (issue 18)', () => {
  it('learns of it on the pull and wipes its sent cases, saying when the phone was revoked', async () => {
    w = await openSyncWorld();
    const { record } = await w.capture(1);
    await w.runner.drainNow('send-now');
    expect(await w.db.outbox.count()).toBe(0);
    const session = await w.session.active();
    const deviceId = await readSyncValue(w.db, deviceKey(session?.user.id ?? ''));
    const revoked = await fetch(`${w.server.url}/api/devices/${deviceId ?? ''}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session?.token ?? ''}` },
    });
    expect(revoked.status).toBe(200);
    const { revokedAt } = (await revoked.json()) as { revokedAt: string };

    await w.runner.drainNow('visible');

    expect(await w.db.cases.get(record.id)).toBeUndefined();
    expect(await w.db.photos.count()).toBe(0);
    expect(await readRevocation(w.db, session?.user.id ?? '')).toEqual({
      at: revokedAt,
      wiped: 1,
      kept: 0,
    });
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
