/** Turns a failed write into words the officer can act on. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { countUnsent, type KuaichuDb } from '../storage';
import { useServices } from './ServicesContext';
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

/** `describeSaveError` for a screen: the failure of a write in words. */
export function useSaveErrorText(): (err: unknown) => Promise<string> {
  const { t } = useTranslation();
  const { db } = useServices();
  return (err) => describeSaveError(err, db, t);
}
