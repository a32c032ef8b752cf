import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_POLICY as P } from './lock';
import {
  afterRecoveryAttempt,
  checkRecoveryCode,
  formatRecoveryCode,
  recoveryCodeFrom,
  recoveryTriesLeft,
} from './recovery-code';

// 4539 1488 0343 6467 passes the Luhn check; changing any one digit breaks it.
const GOOD = '4539148803436467';

describe('checkRecoveryCode', () => {
  it.each([
    [GOOD, null],
    ['4539 1488 0343 6467', null],
    ['4539-1488-0343-6467', null],
    [' 4539 14880343 6467 ', null],
    ['', 'code_too_short'],
    ['4539 1488 0343 646', 'code_too_short'],
    ['4539 1488 0343 64670', 'code_too_long'],
    ['4539 1488 0343 646a', 'code_not_digits'],
    ['４５３９148803436467', 'code_not_digits'],
    ['4539148803436468', 'code_mistyped'],
    ['5439148803436467', 'code_mistyped'],
  ])('%j → %s', (typed, reason) => {
    const result = checkRecoveryCode(typed);
    if (reason === null) expect(result).toEqual({ ok: true, value: GOOD });
    else expect(result).toMatchObject({ ok: false, reason });
  });

  it('counts the digits typed in a length refusal', () => {
    expect(checkRecoveryCode('1234 5678')).toEqual({
      ok: false,
      reason: 'code_too_short',
      detail: '8',
    });
  });

  it('catches every single wrong digit of a code', () => {
    for (let i = 0; i < GOOD.length; i++)
      for (const d of '0123456789') {
        if (d === GOOD[i]) continue;
        const typed = GOOD.slice(0, i) + d + GOOD.slice(i + 1);
        expect(checkRecoveryCode(typed)).toMatchObject({ ok: false, reason: 'code_mistyped' });
      }
  });
});

describe('recoveryCodeFrom and formatRecoveryCode', () => {
  it.each(['453914880343646', '000000000000000', '999999999999999', '123456789012345'])(
    '%s gets a check digit the phone accepts',
    (random) => {
      const code = recoveryCodeFrom(random);
      expect(code).toHaveLength(16);
      expect(code.startsWith(random)).toBe(true);
      expect(checkRecoveryCode(code)).toEqual({ ok: true, value: code });
    },
  );

  it('refuses anything but 15 digits', () => {
    expect(() => recoveryCodeFrom('12345')).toThrow(RangeError);
  });

  it('reads out in four groups of four', () => {
    expect(formatRecoveryCode(GOOD)).toBe('4539 1488 0343 6467');
  });
});

describe('afterRecoveryAttempt', () => {
  it.each([
    // failed so far, right?, outcome kind, failed after, left
    [0, true, 'recovered', 0, undefined],
    [10, true, 'recovered', 0, undefined],
    [14, true, 'recovered', 0, undefined],
    [0, false, 'wrong', 1, 14],
    [10, false, 'wrong', 11, 4],
    [13, false, 'wrong', 14, 1],
    [14, false, 'online_sign_in_required', 15, undefined],
    [15, true, 'online_sign_in_required', 15, undefined],
    [15, false, 'online_sign_in_required', 15, undefined],
  ] as const)('%i failed, right=%s → %s', (failed, right, kind, after, left) => {
    const outcome = afterRecoveryAttempt(P, { failed }, right);
    expect(outcome.kind).toBe(kind);
    expect(outcome.attempts.failed).toBe(after);
    if (left !== undefined) expect(outcome).toMatchObject({ left });
  });

  it('takes codes after the tenth wrong PIN, five wrong ones more', () => {
    expect(recoveryTriesLeft(P, { failed: 10 })).toBe(5);
    expect(recoveryTriesLeft(P, { failed: 20 })).toBe(0);
  });
});
