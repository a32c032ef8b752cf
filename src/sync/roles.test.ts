/**
 * Issue 10: a reviewer, insurer or admin signed in on a phone does none of
 * the officer's part — no device enrolment, no claiming of cases captured
 * signed out, no sending, no pull. The cases wait for an officer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDeviceKeys } from '../platform/device-keys/fake';
import { readCase } from '../storage';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';
import { signIn } from './device';

let w: SyncWorld;

afterEach(async () => {
  await w.close();
});

describe('a non-officer signed in on a phone', () => {
  it.each(['reviewerA', 'insurerX', 'admin'] as const)(
    '%s: signs in without enrolling; nothing is claimed, sent or pulled',
    async (actor) => {
      w = await openSyncWorld();
      await w.session.signOut(w.db);
      // A case captured while nobody was signed in.
      const { record } = await w.capture(1);
      const from = w.proxy.log.length;

      const user = w.server.world.users[actor];
      const signed = await signIn(
        { db: w.db, api: w.api, keys: fakeDeviceKeys(), session: w.session },
        // Every user of the test world has the same password.
        { username: user.username, password: w.server.officer.password },
      );
      expect(signed).toMatchObject({ ok: true, deviceId: null });
      await w.runner.drainNow('send-now');
      await w.runner.idle();

      const calls = w.proxy.log.slice(from).map((r) => `${r.method} ${r.path}`);
      expect(calls).toEqual(['POST /api/auth/login']);
      expect(await w.server.caseRows(record.id)).toBe(0);
      const kept = await readCase(w.db, record.id);
      expect(kept.found && kept.value.officer).toBeUndefined();
      expect(await w.db.outbox.where('caseId').equals(record.id).count()).toBe(2);

      // The next officer to sign in claims and sends it, as before.
      await w.signInAgain();
      await w.runner.idle();
      expect(await w.server.caseRows(record.id)).toBe(1);
    },
  );
});

describe('a rural station signed in on a phone', () => {
  it('does the officer’s part: enrols the phone, claims the case captured signed out and sends it', async () => {
    w = await openSyncWorld();
    await w.session.signOut(w.db);
    const { record } = await w.capture(1);
    const user = w.server.world.users.stationA;
    const signed = await signIn(
      // The phone's own keys: the runner signs with them.
      { db: w.db, api: w.api, keys: w.keys, session: w.session },
      { username: user.username, password: w.server.officer.password },
    );
    expect(signed.ok && signed.deviceId).toEqual(expect.any(String));
    const kept = await readCase(w.db, record.id);
    expect(kept.found && kept.value.officer?.id).toBe(user.id);
    await w.runner.drainNow('send-now');
    await w.runner.idle();
    expect(await w.server.caseRows(record.id)).toBe(1);
  });
});
