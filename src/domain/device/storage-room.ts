/**
 * Whether the phone has room for a new case. Browsers' estimates are
 * optimistic (a 64 MiB disk reported a 1 GiB quota, RELIABILITY.md A3), so a
 * write that already failed for want of space counts more than any estimate.
 */

/**
 * Free space a photo save must leave behind: the photo is written only after a
 * probe of its size plus this much fitted (storage/headroom.ts).
 *
 * Why: when the disk is (almost) full, Chromium's IndexedDB fails any small
 * write that does not fit — an outbox update, a receipt — with
 * "FILE_ERROR_NO_SPACE" / "Encountered disk full while committing
 * transaction", and then wipes the origin's IndexedDB: every case, photo and
 * the session (tests/e2e/storage-full.e2e.ts; electron/electron#41877). A
 * Blob that does not fit, by contrast, fails harmlessly: Blob files are
 * written before the LevelDB commit. On a 64 MiB tmpfs, 64 KiB or less left
 * ended in the wipe, 256 KiB and more did not.
 *
 * Why 4 MiB: LevelDB's own files grow with every small write — its log grows
 * until the memtable reaches `write_buffer_size` (4 MiB in Chromium on any
 * disk over 40 MiB), then a table of about that size is written before the log
 * is dropped — so a full write buffer, 16 times the least that sufficed, keeps
 * the notes edits, sign-in and sending that follow a full disk clear of the
 * cliff. The price: the probe makes a save about 20–25 ms slower (measured
 * the same for 2 and 4 MiB), and a full phone keeps this much unused.
 */
export const HEADROOM_BYTES = 4 * 1024 * 1024;

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
