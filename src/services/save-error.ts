/** Turns a failed write into words the officer can act on. */
import type { TFunction } from 'i18next';
import { countUnsent, type KuaichuDb } from '../storage';
import { isQuotaError, markWriteFailedForSpace } from './storage-pressure';

export { isQuotaError };

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
