/**
 * A brigade's lock settings for its officers' phones as typed on its
 * settings screen, checked with the domain's bounds before anything is sent:
 * the idle minutes (1–60), the offline limit in hours (8–720) and whether a
 * PIN is required. A problem is reported on its own field (a key under
 * `phoneLockAdmin.error`); nothing is sent while one stands.
 */
import type { PhoneLock } from '../../contracts/auth';
import { IDLE_MINUTES_RANGE, OFFLINE_LIMIT_HOURS_RANGE } from '../../domain/device/lock';
import { readMinutes, type MinutesError } from './brigade-form';

/** As typed (the numbers), and the box. */
export interface PhoneLockDraft {
  idleMinutes: string;
  offlineLimitHours: string;
  pinRequired: boolean;
}

export type PhoneLockErrors = Partial<Record<'idleMinutes' | 'offlineLimitHours', MinutesError>>;

export const phoneLockDraftOf = (lock: PhoneLock): PhoneLockDraft => ({
  idleMinutes: String(lock.idleMinutes),
  offlineLimitHours: String(lock.offlineLimitHours),
  pinRequired: lock.pinRequired,
});

/** The lock the draft asks for, or the problem of each field at fault. */
export function checkPhoneLockDraft(
  draft: PhoneLockDraft,
): { ok: true; value: PhoneLock } | { ok: false; errors: PhoneLockErrors } {
  const idle = readMinutes(draft.idleMinutes, IDLE_MINUTES_RANGE.max, IDLE_MINUTES_RANGE.min);
  const hours = readMinutes(
    draft.offlineLimitHours,
    OFFLINE_LIMIT_HOURS_RANGE.max,
    OFFLINE_LIMIT_HOURS_RANGE.min,
  );
  if (idle.ok && hours.ok)
    return {
      ok: true,
      value: {
        idleMinutes: idle.minutes,
        offlineLimitHours: hours.minutes,
        pinRequired: draft.pinRequired,
      },
    };
  return {
    ok: false,
    errors: {
      ...(!idle.ok && { idleMinutes: idle.error }),
      ...(!hours.ok && { offlineLimitHours: hours.error }),
    },
  };
}
