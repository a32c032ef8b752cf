/** Turns a failed write into words the officer can act on. */
import type { TFunction } from 'i18next';
import { countUnsent, type KuaichuDb } from '../storage';
import { markWriteFailedForSpace } from './storage-pressure';

export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const inner = (err as Error & { inner?: unknown }).inner;
  return (
    err.name === 'QuotaExceededError' ||
    (inner instanceof Error && inner.name === 'QuotaExceededError') ||
    // Chromium reports a full disk on a Blob write as an unknown/IO error.
    /quota|disk is full|no space/i.test(err.message)
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
