import { describe, expect, it } from 'vitest';
import {
  afterPinAttempt,
  checkPin,
  DEFAULT_LOCK_POLICY as P,
  DEFAULT_PHONE_LOCK,
  lockPolicyOf,
  pinRequiredOf,
  offlineStanding,
  shouldLock,
} from './lock';

describe('checkPin', () => {
  it.each([
    ['', 'pin_too_short'],
    ['12a456', 'pin_not_digits'],
    ['２４６８１３', 'pin_not_digits'],
    ['24681', 'pin_too_short'],
    ['2468135790246', 'pin_too_long'],
    ['000000', 'pin_guessable'],
    ['123456', 'pin_guessable'],
    ['654321', 'pin_guessable'],
    ['890123', 'pin_guessable'],
    ['121212', 'pin_guessable'],
    ['123123', 'pin_guessable'],
    ['13579135', null],
    ['135790', null],
  ])('%j → %s', (pin, reason) => {
    const result = checkPin(pin);
    if (reason === null) expect(result).toEqual({ ok: true, value: pin });
    else expect(result).toMatchObject({ ok: false, reason });
  });

  it.each(['246813', '580927', '314159265358'])('accepts %s', (pin) => {
    expect(checkPin(pin).ok).toBe(true);
  });
});

describe('shouldLock', () => {
  const at = (lastActivityAt: string, hidden = false) => ({
    now: '2026-12-07T10:05:00.000Z',
    lastActivityAt,
    hidden,
  });
  it('locks after the idle minutes, not before', () => {
    expect(shouldLock(P, at('2026-12-07T10:00:01.000Z'))).toBe(false);
    expect(shouldLock(P, at('2026-12-07T10:00:00.000Z'))).toBe(true);
    expect(shouldLock({ ...P, idleMinutes: 1 }, at('2026-12-07T10:04:00.000Z'))).toBe(true);
  });
  it('locks at once when the app is switched away', () => {
    expect(shouldLock(P, at('2026-12-07T10:04:59.000Z', true))).toBe(true);
  });
});

describe('afterPinAttempt', () => {
  it('counts wrong PINs down and resets on the right one', () => {
    let attempts = { failed: 0 };
    for (let i = 1; i < P.maxPinAttempts; i += 1) {
      const outcome = afterPinAttempt(P, attempts, false);
      expect(outcome).toEqual({ kind: 'wrong', attempts: { failed: i }, left: 10 - i });
      attempts = outcome.attempts;
    }
    expect(afterPinAttempt(P, attempts, true)).toEqual({
      kind: 'unlocked',
      attempts: { failed: 0 },
    });
  });
  it('the tenth wrong PIN leaves only an online sign-in, and the right one no longer helps', () => {
    const tenth = afterPinAttempt(P, { failed: 9 }, false);
    expect(tenth).toEqual({ kind: 'online_sign_in_required', attempts: { failed: 10 } });
    expect(afterPinAttempt(P, tenth.attempts, true).kind).toBe('online_sign_in_required');
  });
});

describe('offlineStanding', () => {
  const at = (lastServerContactAt: string) => ({
    now: '2026-12-10T10:00:00.000Z',
    lastServerContactAt,
  });
  it('counts the hours left within the limit', () => {
    expect(offlineStanding(P, at('2026-12-08T10:00:00.000Z'))).toEqual({
      kind: 'within',
      hoursLeft: 24,
    });
    expect(offlineStanding(P, at('2026-12-07T10:30:00.000Z'))).toEqual({
      kind: 'within',
      hoursLeft: 1,
    });
  });
  it('refuses new cases from the limit on', () => {
    expect(offlineStanding(P, at('2026-12-07T10:00:00.000Z'))).toEqual({
      kind: 'new_cases_refused',
      sinceHours: 72,
    });
    expect(offlineStanding({ ...P, offlineLimitHours: 8 }, at('2026-12-10T00:00:00.000Z'))).toEqual(
      { kind: 'new_cases_refused', sinceHours: 10 },
    );
  });
});

describe('lockPolicyOf', () => {
  it("takes the brigade's idle minutes and offline hours, keeping the PIN tries", () => {
    const policy = lockPolicyOf({ idleMinutes: 2, offlineLimitHours: 24, pinRequired: true });
    expect(policy).toEqual({ ...P, idleMinutes: 2, offlineLimitHours: 24 });
    const now = '2026-12-10T10:02:00.000Z';
    expect(
      shouldLock(policy, { now, lastActivityAt: '2026-12-10T10:00:00.000Z', hidden: false }),
    ).toBe(true);
    expect(shouldLock(P, { now, lastActivityAt: '2026-12-10T10:00:00.000Z', hidden: false })).toBe(
      false,
    );
  });
  it('keeps the defaults on a phone that has not learnt its brigade’s', () => {
    expect(lockPolicyOf(undefined)).toBe(P);
    expect(lockPolicyOf(DEFAULT_PHONE_LOCK)).toEqual(P);
  });
});

describe('pinRequiredOf', () => {
  const lock = { idleMinutes: 5, offlineLimitHours: 72, pinRequired: true };
  it.each([
    ['officer', lock, true],
    ['station', lock, true],
    ['reviewer', lock, false],
    ['insurer', lock, false],
    ['admin', lock, false],
    ['officer', { ...lock, pinRequired: false }, false],
    ['officer', undefined, false],
  ] as const)('a %s under %j: %s', (role, l, required) => {
    expect(pinRequiredOf(l, role)).toBe(required);
  });
});
