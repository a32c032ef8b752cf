/**
 * A brigade's settings form, checked with the contract's schema before
 * anything is sent: the call-back target in whole minutes from
 * {@link MIN_MINUTES} to {@link MAX_MINUTES} (the server holds the same
 * bounds), and when packets go out. A problem names its field (a message key
 * under `admin.brigades.error`); nothing is sent while one stands.
 */
import {
  BrigadeSettingsRequest,
  type BrigadeSettings,
  type BrigadeSettingsRequest as Body,
} from '../../contracts/admin';

export const MIN_MINUTES = 1;
export const MAX_MINUTES = 1440;

export interface BrigadeDraft {
  /** As typed. */
  minutes: string;
  packetsOn: BrigadeSettings['packetsOn'];
}

export type MinutesError = 'minutesRequired' | 'minutesWhole' | 'minutesRange';

export const draftOf = (b: BrigadeSettings): BrigadeDraft => ({
  minutes: String(b.callbackMinutes),
  packetsOn: b.packetsOn,
});

/**
 * A whole number from `min` ({@link MIN_MINUTES} unless given) to `max` as
 * typed, full-width digits (a Chinese keyboard) read as the digits they are;
 * or what is wrong.
 */
export function readMinutes(
  typed: string,
  max: number,
  min = MIN_MINUTES,
): { ok: true; minutes: number } | { ok: false; error: MinutesError } {
  const text = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (text === '') return { ok: false, error: 'minutesRequired' };
  if (!/^\d+$/.test(text)) return { ok: false, error: 'minutesWhole' };
  const n = Number(text);
  return n < min || n > max ? { ok: false, error: 'minutesRange' } : { ok: true, minutes: n };
}

/** The request the draft makes, or what is wrong with the call-back target. */
export function checkBrigadeDraft(
  draft: BrigadeDraft,
): { ok: true; value: Body } | { ok: false; error: MinutesError } {
  const read = readMinutes(draft.minutes, MAX_MINUTES);
  if (!read.ok) return read;
  const parsed = BrigadeSettingsRequest.safeParse({
    callbackMinutes: read.minutes,
    packetsOn: draft.packetsOn,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'minutesRange' };
}
