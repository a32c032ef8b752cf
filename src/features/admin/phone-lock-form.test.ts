import { describe, expect, it } from 'vitest';
import { checkPhoneLockDraft, phoneLockDraftOf } from './phone-lock-form';

const draft = (idleMinutes: string, offlineLimitHours: string, pinRequired = true) => ({
  idleMinutes,
  offlineLimitHours,
  pinRequired,
});

describe('checkPhoneLockDraft', () => {
  it.each([
    ['5', '72', { idleMinutes: 5, offlineLimitHours: 72, pinRequired: true }],
    ['1', '8', { idleMinutes: 1, offlineLimitHours: 8, pinRequired: true }],
    [' ６０ ', '720', { idleMinutes: 60, offlineLimitHours: 720, pinRequired: true }],
  ])('takes %s minutes and %s hours', (idle, hours, value) => {
    expect(checkPhoneLockDraft(draft(idle, hours))).toEqual({ ok: true, value });
  });

  it.each([
    ['', '72', { idleMinutes: 'minutesRequired' }],
    ['0', '72', { idleMinutes: 'minutesRange' }],
    ['61', '72', { idleMinutes: 'minutesRange' }],
    ['2.5', '72', { idleMinutes: 'minutesWhole' }],
    ['5', '7', { offlineLimitHours: 'minutesRange' }],
    ['5', '721', { offlineLimitHours: 'minutesRange' }],
    ['x', '', { idleMinutes: 'minutesWhole', offlineLimitHours: 'minutesRequired' }],
  ])('refuses %s minutes / %s hours on the field at fault', (idle, hours, errors) => {
    expect(checkPhoneLockDraft(draft(idle, hours))).toEqual({ ok: false, errors });
  });

  it('round-trips a saved lock, the PIN box included', () => {
    const lock = { idleMinutes: 3, offlineLimitHours: 24, pinRequired: false };
    expect(checkPhoneLockDraft(phoneLockDraftOf(lock))).toEqual({ ok: true, value: lock });
  });
});
