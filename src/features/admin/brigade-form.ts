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

function minutesError(text: string): MinutesError | undefined {
  if (text === '') return 'minutesRequired';
  if (!/^\d+$/.test(text)) return 'minutesWhole';
  const n = Number(text);
  return n < MIN_MINUTES || n > MAX_MINUTES ? 'minutesRange' : undefined;
}

/** The request the draft makes, or what is wrong with the call-back target. */
export function checkBrigadeDraft(
  draft: BrigadeDraft,
): { ok: true; value: Body } | { ok: false; error: MinutesError } {
  // Full-width digits (a Chinese keyboard) are read as the digits they are.
  const text = draft.minutes
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const error = minutesError(text);
  if (error) return { ok: false, error };
  const parsed = BrigadeSettingsRequest.safeParse({
    callbackMinutes: Number(text),
    packetsOn: draft.packetsOn,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'minutesRange' };
}
