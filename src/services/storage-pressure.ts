/**
 * Remembers that a write failed for want of space; until a later write
 * succeeds, no new case starts (existing ones stay editable). A photo that
 * would leave less than the headroom free counts as such a failure
 * (storage/headroom.ts), and so does a start on a phone where the headroom
 * cannot be written (checkHeadroomAtStart).
 *
 * The memory survives a reload (localStorage): browsers' estimates are no
 * help here — on a 64 MiB disk with 1 MB left, Chromium still reported a
 * 1 GiB quota (tests/e2e/storage-full.e2e.ts) — and cheap phones discard
 * tabs often. So that freeing space is noticed, a remembered failure is
 * checked again by a trial write (PROBE_BYTES, deleted at once) when the app
 * starts and whenever it comes back to the foreground. The trial write is the
 * headroom probe (storage/headroom.ts): a lone Blob in the `scratch` table,
 * queued with the photo writes — no database is created or deleted for it,
 * since those are the small LevelDB writes a nearly full disk punishes by
 * wiping the origin's IndexedDB.
 */
import { useEffect, useState } from 'react';
import { roomForNewCase, type RoomVerdict } from '../domain';
import { probeHeadroom, type KuaichuDb } from '../storage';
import { useServices } from './ServicesContext';

/**
 * What a full disk looks like. Chromium reports it as `QuotaExceededError`
 * only when its own quota is hit; when the disk itself fills (a 64 MiB tmpfs,
 * tests/e2e/storage-full.e2e.ts) a photo's Blob write fails with
 * `DataError: Failed to write blobs (IOError)`, and LevelDB's own writes with
 * "IO error … No space left on device", "IO error: …/000004.log:
 * FILE_ERROR_NO_SPACE" or "Encountered disk full while committing transaction".
 */
const FULL_DISK_MESSAGE = /quota|disk (is )?full|no[ _]space|failed to write blobs|\bIOError\b/i;

export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const inner = (err as Error & { inner?: unknown }).inner;
  return (
    err.name === 'QuotaExceededError' ||
    (inner instanceof Error &&
      (inner.name === 'QuotaExceededError' || FULL_DISK_MESSAGE.test(inner.message))) ||
    FULL_DISK_MESSAGE.test(err.message)
  );
}

const FLAG_KEY = 'kuaichu.storage.writeFailedForSpace';
/** Room for a few photos: a trial write this big must succeed to lift the block. */
export const PROBE_BYTES = 8 * 1024 * 1024;

function remembered(): boolean {
  try {
    return globalThis.localStorage?.getItem(FLAG_KEY) === '1';
  } catch {
    return false;
  }
}

let writeFailedForSpace = remembered();
/** Whether the remembered failure should be checked again by a trial write. */
let probeDue = writeFailedForSpace;
const listeners = new Set<() => void>();

/** Whether a write failed for want of space, and no later one succeeded. */
export const hasWriteFailedForSpace = (): boolean => writeFailedForSpace;

export function markWriteFailedForSpace(failed: boolean): void {
  probeDue = false;
  if (writeFailedForSpace === failed) return;
  writeFailedForSpace = failed;
  try {
    if (failed) globalThis.localStorage?.setItem(FLAG_KEY, '1');
    else globalThis.localStorage?.removeItem(FLAG_KEY);
  } catch {
    // Kept for this session only.
  }
  listeners.forEach((l) => l());
}

/**
 * At start, unless a failure is remembered already: whether the headroom
 * (HEADROOM_BYTES) can be written — a scratch Blob, deleted at once
 * (storage/headroom.ts). A phone that other apps have nearly filled is then
 * guarded before a new case is started, whatever the estimate says.
 */
export async function checkHeadroomAtStart(db: KuaichuDb): Promise<void> {
  if (writeFailedForSpace) return;
  const probe = await probeHeadroom(db);
  if (!probe.ok && isQuotaError(probe.error)) markWriteFailedForSpace(true);
}

/** Checks a remembered failure again with a trial write of PROBE_BYTES; lifts it when that fits. */
export async function recheckRemembered(db: KuaichuDb): Promise<void> {
  if (!writeFailedForSpace || !probeDue) return;
  probeDue = false;
  if ((await probeHeadroom(db, PROBE_BYTES)).ok) markWriteFailedForSpace(false);
}

/** The verdict for starting a new case, refreshed when a write fails or succeeds. */
export function useRoomForNewCase(): RoomVerdict | undefined {
  const { platform, db } = useServices();
  // A remembered failure blocks at once, while it is checked again.
  const [verdict, setVerdict] = useState<RoomVerdict | undefined>(() =>
    writeFailedForSpace ? roomForNewCase(null, true) : undefined,
  );
  useEffect(() => {
    let live = true;
    const check = () =>
      void recheckRemembered(db)
        .catch(() => undefined)
        .then(() => platform.storage.report())
        .catch(() => null)
        .then((report) => live && setVerdict(roomForNewCase(report, writeFailedForSpace)));
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !writeFailedForSpace) return;
      probeDue = true;
      check();
    };
    check();
    listeners.add(check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      listeners.delete(check);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [platform, db]);
  return verdict;
}
