/**
 * Signing out while the runner sends (the shared-phone race): the server
 * answers the old session's requests 401 once its logout went through. That
 * is the sign-out, not the server ending the session of whoever is signed in
 * now: nothing is held, no session is marked rejected, and what waits goes
 * under the next officer's session (his own cases) or the first officer's
 * when he signs in again. Against the real server behind the fault proxy.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../api';
import { saveCase, updateEntry } from '../storage';
import { expectDelivered } from '../../tests/faults/sync-checks';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';
import { signIn, signOut } from './device';
import { createSyncRunner } from './runner';

let w: SyncWorld;

afterEach(async () => {
  await w.close();
});

/** An API whose first case PUT is preceded by `meanwhile` (the officer acting on the phone). */
const beforeFirstPut =
  (meanwhile: (api: Api) => Promise<void>) =>
  (api: Api): Api => {
    let first = true;
    return {
      ...api,
      async putCase(token, caseId, body) {
        if (first) {
          first = false;
          await meanwhile(api);
        }
        return api.putCase(token, caseId, body);
      },
    };
  };

/** The case, captured by the officer signed in now (not left for whoever signs in next). */
async function captureAsOfficer(photos: number) {
  const me = (await w.session.active())!.user;
  const { record } = await w.capture(photos);
  const at = new Date(w.clock.now()).toISOString();
  await saveCase(w.db, { ...record, officer: { id: me.id, name: me.displayName } }, at);
  return record;
}

describe('signing out while a case is being sent', () => {
  it('holds nothing and keeps the phone signed out; the case goes when the officer signs in again', async () => {
    w = await openSyncWorld({
      wrapApi: beforeFirstPut((api) => signOut({ db: w.db, api, session: w.session }).then()),
    });
    const record = await captureAsOfficer(1);

    await w.runner.drainNow('send-now');

    expect(await w.session.state()).toEqual({ kind: 'signed-out' });
    const statuses = (await w.db.outbox.where('caseId').equals(record.id).toArray()).map(
      (e) => e.status,
    );
    expect(statuses).toContain('pending');
    expect(statuses).not.toContain('held');
    expect(w.runner.getState()).toMatchObject({ phase: 'held-auth' });
    expect(w.runner.getState().lastError?.reason).not.toBe('unauthenticated');

    await w.signInAgain();
    await w.runner.idle();
    await expectDelivered(w, record.id);
  });

  it('takes the 401 of a request the logout overtook for the sign-out, not for the server ending the session', async () => {
    let drain: Promise<void> = Promise.resolve();
    let logoutAnswered = () => undefined as void;
    const overtaken = new Promise<void>((resolve) => (logoutAnswered = resolve));
    let putStarted = () => undefined as void;
    const putWaiting = new Promise<void>((resolve) => (putStarted = resolve));
    w = await openSyncWorld({
      // The case PUT is in flight when the officer signs out; the server answers it after the logout.
      wrapApi: (api) => ({
        ...beforeFirstPut(async () => {
          putStarted();
          await overtaken;
        })(api),
        // The 401 is handled before the sign-out goes on after the server's answer.
        async logout(token) {
          const answered = await api.logout(token);
          logoutAnswered();
          await drain;
          return answered;
        },
      }),
    });
    const record = await captureAsOfficer(1);

    drain = w.runner.drainNow('send-now');
    await putWaiting;
    await signOut({ db: w.db, api: w.api, session: w.session });
    await drain;

    expect(await w.session.state()).toEqual({ kind: 'signed-out' });
    const statuses = (await w.db.outbox.where('caseId').equals(record.id).toArray()).map(
      (e) => e.status,
    );
    expect(statuses).toContain('pending');
    expect(statuses).not.toContain('held');
    expect(w.runner.getState().lastError?.reason).not.toBe('unauthenticated');

    await w.signInAgain();
    await w.runner.idle();
    await expectDelivered(w, record.id);
  });

  it('does not hold the next officer’s queue: what he captures goes under his session', async () => {
    let colleagueCase = '';
    w = await openSyncWorld({
      wrapApi: beforeFirstPut(async (api) => {
        await signOut({ db: w.db, api, session: w.session });
        const colleague = w.server.world.users.officerB;
        const signed = await signIn(
          { db: w.db, api, keys: w.keys, session: w.session },
          { username: colleague.username, password: w.server.officer.password },
        );
        if (!signed.ok) throw new Error(`sign-in failed at ${signed.stage}`);
        colleagueCase = (await captureAsOfficer(1)).id;
      }),
    });
    const first = await captureAsOfficer(1);

    await w.runner.drainNow('send-now');
    await w.runner.idle();

    expect(await w.session.state()).toMatchObject({
      kind: 'active',
      session: { user: { id: w.server.world.users.officerB.id } },
    });
    await expectDelivered(w, colleagueCase);
    const waiting = await w.db.outbox.where('caseId').equals(first.id).toArray();
    expect(waiting.map((e) => e.status)).not.toContain('held');
    expect(await w.server.caseRows(first.id)).toBe(0);
    expect(w.runner.getState().phase).not.toBe('held-auth');
  });

  it('a page reloaded mid-send and then signed out leaves nothing `sending`: the next page’s runner puts it back to waiting', async () => {
    w = await openSyncWorld();
    const record = await captureAsOfficer(1);
    // The page that was sending is gone (a reload, a closed tab): its entries stay `sending`.
    w.runner.stop();
    await w.runner.idle();
    for (const e of await w.db.outbox.where('caseId').equals(record.id).toArray())
      await updateEntry(w.db, e.key, e.revision, { status: 'sending' });
    await signOut({ db: w.db, api: w.api, session: w.session });

    // The next page's runner, with nobody signed in.
    const next = createSyncRunner({
      db: w.db,
      api: w.api,
      clock: w.clock,
      random: () => 0.5,
      keys: w.keys,
      session: w.session,
    });
    next.start();
    await next.idle();
    await vi.waitFor(async () => {
      const statuses = (await w.db.outbox.where('caseId').equals(record.id).toArray()).map(
        (e) => e.status,
      );
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses).toEqual(statuses.map(() => 'pending'));
    });
    expect(await w.server.caseRows(record.id)).toBe(0);

    await w.signInAgain();
    await next.idle();
    await expectDelivered(w, record.id);
    next.stop();
    await next.idle();
  });
});
