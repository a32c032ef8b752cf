/** Turns a failed write into words the officer can act on. */
import type { TFunction } from 'i18next';
import { countUnsent, type KuaichuDb } from '../storage';
import { markWriteFailedForSpace } from './storage-pressure';

/**
 * What a full disk looks like. Chromium reports it as `QuotaExceededError`
 * only when its own quota is hit; when the disk itself fills (a 64 MiB tmpfs,
 * tests/e2e/storage-full.e2e.ts) a photo's Blob write fails with
 * `DataError: Failed to write blobs (IOError)`, and LevelDB's own writes with
 * "IO error … No space left on device".
 */
const FULL_DISK_MESSAGE = /quota|disk is full|no space|failed to write blobs|\bIOError\b/i;

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

export async function describeSaveError(
  err: unknown,
  db: KuaichuDb,
  t: TFunction,
): Promise<string> {
  if (isQuotaError(err)) {
    markWriteFailedForSpace(true);
    const unsent = await countUnsent(db).catch(() => ({ cases: 0 }));
    return t('errors.storageFull', { cases: unsent.cases });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return t('errors.saveFailed', { reason });
}
