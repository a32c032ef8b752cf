import { createStore, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../contracts/auth';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { listCases, saveCase } from './cases-repo';
import { createDb } from './db';
import { createSessionStore, DEFAULT_SHIFT_MS } from './session';

const T0 = Date.parse('2026-11-27T02:00:00.000Z');
const HOUR = 3_600_000;
const LOGIN: LoginResponse = {
  token: 'token-1',
  expiresAt: '2026-11-28T02:00:00.000Z',
  user: {
    id: '0190a000-0000-7000-8000-0000000000a1',
    username: 'officer',
    displayName: 'Officer',
    role: 'officer',
    unit: null,
    insurer: null,
  },
};

let now = T0;
const store = (shiftMs?: number) =>
  createSessionStore({ now: () => now, shiftMs, store: createStore('session-test', 'kv') });

beforeEach(() => {
  useFreshIndexedDb();
  now = T0;
});

describe('session store', () => {
  it('stays signed in offline for a 12-hour shift, then holds sending until sign-in', async () => {
    const s = store();
    expect(s.shiftMs).toBe(DEFAULT_SHIFT_MS);
    expect(await s.state()).toEqual({ kind: 'signed-out' });
    await s.signIn(LOGIN);

    now = T0 + 12 * HOUR - 1;
    expect(await s.active()).toMatchObject({ token: 'token-1' });
    now = T0 + 12 * HOUR;
    expect(await s.active()).toBeUndefined();
    expect(await s.state()).toMatchObject({ kind: 'expired', why: 'shift-over' });

    await s.signIn({ ...LOGIN, token: 'token-2' });
    expect(await s.active()).toMatchObject({ token: 'token-2' });
  });

  it('keeps the state last read for the first render, and forgets it at every change', async () => {
    const s = store();
    expect(s.peek?.()).toBeUndefined();
    await s.state();
    expect(s.peek?.()).toEqual({ kind: 'signed-out' });

    const before = s.state(); // began before the sign-in: does not bring the old state back
    await s.signIn(LOGIN);
    await before;
    expect(s.peek?.()).toBeUndefined();
    await s.state();
    expect(s.peek?.()).toMatchObject({ kind: 'active', session: { token: 'token-1' } });
  });

  it('takes a configurable shift and the token’s own expiry, whichever ends first', async () => {
    const s = store(2 * HOUR);
    await s.signIn({ ...LOGIN, expiresAt: '2026-11-27T03:00:00.000Z' });
    now = T0 + HOUR;
    expect(await s.state()).toMatchObject({ kind: 'expired', why: 'token-expired' });
  });

  it('holds after a 401 for its token, but not for an older token, and tells listeners', async () => {
    const s = store();
    let told = 0;
    s.subscribe(() => (told += 1));
    await s.signIn(LOGIN);
    await s.reject('some-older-token');
    expect(await s.active()).toBeDefined();

    await s.reject('token-1');
    expect(await s.state()).toMatchObject({ kind: 'expired', why: 'rejected' });
    expect(told).toBe(2);
  });

  it('keeps a phone lock changed mid-shift with its session, telling listeners only of a change', async () => {
    const s = store();
    let told = 0;
    s.subscribe(() => (told += 1));
    const lock = { idleMinutes: 5, offlineLimitHours: 72, pinRequired: false };
    await s.signIn({ ...LOGIN, phoneLock: lock });
    await s.updatePhoneLock('token-1', lock);
    expect(told).toBe(1);

    const required = { ...lock, pinRequired: true };
    await s.updatePhoneLock('some-older-token', required);
    expect((await s.active())?.phoneLock).toEqual(lock);
    await s.updatePhoneLock('token-1', required);
    expect((await s.active())?.phoneLock).toEqual(required);
    expect(told).toBe(2);

    await s.signOut(createDb());
    await s.updatePhoneLock('token-1', lock);
    expect(await s.state()).toEqual({ kind: 'signed-out' });
  });

  it('signs out keeping every unsent case, and says how many there are', async () => {
    const db = createDb();
    const s = store();
    await s.signIn(LOGIN);
    await saveCase(db, aCase().build(), '2026-11-27T02:00:00.000Z');
    await saveCase(db, aCase().build(), '2026-11-27T02:00:00.000Z');

    expect(await s.signOut(db)).toEqual({ unsentCases: 2 });

    expect(await s.state()).toEqual({ kind: 'signed-out' });
    expect((await listCases(db)).cases).toHaveLength(2);
    expect(await db.outbox.count()).toBe(2);
  });

  it('stays signed out when a 401 for the token answers while the officer signs out', async () => {
    // The rejection read the session before the sign-out deleted it, and
    // writes after: it must not bring the signed-out session back.
    const base = createStore('session-test', 'kv');
    let release: () => void = () => undefined;
    const readAnswered = new Promise<void>((resolve) => (release = resolve));
    let holdReads = false;
    const slowReads: UseStore = (mode, callback) =>
      base(mode, callback).then(async (result) => {
        if (mode === 'readonly' && holdReads) await readAnswered;
        return result;
      });
    const s = createSessionStore({ now: () => now, store: slowReads });
    await s.signIn(LOGIN);

    holdReads = true;
    const rejecting = s.reject('token-1');
    await s.signOut(createDb());
    holdReads = false;
    release();
    await rejecting;

    expect(await s.state()).toEqual({ kind: 'signed-out' });
  });
});
