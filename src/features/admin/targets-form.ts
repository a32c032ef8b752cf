/**
 * A brigade's five-fast targets as typed on its settings screen, checked
 * with the contract's bounds before anything is sent: each a whole number of
 * minutes from 1 to its fast's maximum (src/domain/metrics/targets.ts). A
 * problem is reported on its own field (a key under `targetsAdmin.error`);
 * nothing is sent while one stands.
 */
import type { FiveFastTargets } from '../../contracts/admin';
import { FIVE_FASTS, type FastKey } from '../../domain/metrics/five-fast';
import { FIVE_FAST_TARGET_MAX } from '../../domain/metrics/targets';
import { readMinutes, type MinutesError } from './brigade-form';

/** As typed, per fast. */
export type TargetsDraft = Record<FastKey, string>;
export type TargetsErrors = Partial<Record<FastKey, MinutesError>>;

export const targetsDraftOf = (t: FiveFastTargets): TargetsDraft =>
  Object.fromEntries(FIVE_FASTS.map((k) => [k, String(t[k])])) as TargetsDraft;

/** The targets the draft asks for, or the problem of each field at fault. */
export function checkTargetsDraft(
  draft: TargetsDraft,
): { ok: true; value: FiveFastTargets } | { ok: false; errors: TargetsErrors } {
  const value: Partial<Record<FastKey, number>> = {};
  const errors: TargetsErrors = {};
  for (const k of FIVE_FASTS) {
    const read = readMinutes(draft[k], FIVE_FAST_TARGET_MAX[k]);
    if (read.ok) value[k] = read.minutes;
    else errors[k] = read.error;
  }
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : { ok: true, value: value as FiveFastTargets };
}
