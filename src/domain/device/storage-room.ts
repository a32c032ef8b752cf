/**
 * Whether the phone has room for a new case. Browsers' estimates are
 * optimistic (a 64 MiB disk reported a 1 GiB quota, RELIABILITY.md A3), so a
 * write that already failed for want of space counts more than any estimate.
 */

/** A case with its ~20 photos takes 20–40 MB; keep room for one and a margin. */
export const MIN_FREE_BYTES_FOR_NEW_CASE = 64 * 1024 * 1024;

export interface StorageEstimate {
  usageBytes: number | null;
  quotaBytes: number | null;
}

export type RoomVerdict =
  | { ok: true; freeBytes: number | null }
  | { ok: false; reason: 'write-failed' | 'low-space'; freeBytes: number | null };

/** Decides whether a new case may start. Existing cases stay editable whatever it says. */
export function roomForNewCase(
  estimate: StorageEstimate | null,
  writeFailedForSpace: boolean,
  minFreeBytes = MIN_FREE_BYTES_FOR_NEW_CASE,
): RoomVerdict {
  const freeBytes =
    estimate?.usageBytes != null && estimate.quotaBytes != null
      ? Math.max(0, estimate.quotaBytes - estimate.usageBytes)
      : null;
  if (writeFailedForSpace) return { ok: false, reason: 'write-failed', freeBytes };
  if (freeBytes !== null && freeBytes < minFreeBytes)
    return { ok: false, reason: 'low-space', freeBytes };
  return { ok: true, freeBytes };
}
