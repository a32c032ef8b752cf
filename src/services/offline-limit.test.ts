import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, recordContact, type SessionState, type StoredSession } from '../storage';
import { checkOfflineLimit, OfflineLimitError, offlineStandingOf } from './offline-limit';

beforeEach(useFreshIndexedDb);

const USER = '0190a0b0-0000-7000-8000-000000000001';
const session: StoredSession = {
  token: 't',
  expiresAt: '2026-12-01T20:00:00.000Z',
  signedInAt: '2026-12-01T08:00:00.000Z',
  user: {
    id: USER,
    username: 'officer',
    displayName: '李娜',
    role: 'officer',
    unit: null,
    insurer: null,
  },
};
const expired: SessionState = { kind: 'expired', session, why: 'shift-over' };

describe('the offline limit', () => {
  it('counts from the sign-in, then from the last answered pull', async () => {
    const db = createDb('offline-limit-test');
    expect(await offlineStandingOf(db, expired, '2026-12-04T07:00:00.000Z')).toEqual({
      kind: 'within',
      hoursLeft: 1,
    });
    expect(await offlineStandingOf(db, expired, '2026-12-04T08:00:00.000Z')).toEqual({
      kind: 'new_cases_refused',
      sinceHours: 72,
    });
    await recordContact(db, USER, '2026-12-03T08:00:00.000Z');
    expect(await offlineStandingOf(db, expired, '2026-12-04T08:00:00.000Z')).toEqual({
      kind: 'within',
      hoursLeft: 48,
    });
    db.close();
  });

  it("takes the brigade's limit the sign-in gave the phone", async () => {
    const db = createDb('offline-limit-test');
    const strict: SessionState = {
      kind: 'expired',
      session: {
        ...session,
        phoneLock: { idleMinutes: 2, offlineLimitHours: 24, pinRequired: true },
      },
      why: 'shift-over',
    };
    expect(await offlineStandingOf(db, strict, '2026-12-02T07:00:00.000Z')).toEqual({
      kind: 'within',
      hoursLeft: 1,
    });
    expect(await offlineStandingOf(db, strict, '2026-12-02T09:00:00.000Z')).toEqual({
      kind: 'new_cases_refused',
      sinceHours: 25,
    });
    // The same hours are well within the default 72.
    expect(await offlineStandingOf(db, expired, '2026-12-02T09:00:00.000Z')).toEqual({
      kind: 'within',
      hoursLeft: 47,
    });
    db.close();
  });

  it('a pull older than the sign-in does not count against it', async () => {
    const db = createDb('offline-limit-test');
    await recordContact(db, USER, '2026-11-20T08:00:00.000Z');
    expect(await offlineStandingOf(db, expired, '2026-12-02T08:00:00.000Z')).toEqual({
      kind: 'within',
      hoursLeft: 48,
    });
    db.close();
  });

  it('refuses a new case past the limit with the hours, and measures nobody when signed out', async () => {
    const db = createDb('offline-limit-test');
    const error = await checkOfflineLimit(db, expired, '2026-12-05T09:30:00.000Z').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OfflineLimitError);
    expect((error as OfflineLimitError).sinceHours).toBe(97);
    await expect(
      checkOfflineLimit(db, expired, '2026-12-02T09:30:00.000Z'),
    ).resolves.toBeUndefined();
    expect(
      await offlineStandingOf(db, { kind: 'signed-out' }, '2026-12-09T00:00:00.000Z'),
    ).toBeUndefined();
    db.close();
  });
});
