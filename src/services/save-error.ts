/** Turns a failed write into words the officer can act on. */
import type { TFunction } from 'i18next';
import { countUnsent, type KuaichuDb } from '../storage';

export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const inner = (err as Error & { inner?: unknown }).inner;
  return (
    err.name === 'QuotaExceededError' ||
    (inner instanceof Error && inner.name === 'QuotaExceededError')
  );
}

export async function describeSaveError(
  err: unknown,
  db: KuaichuDb,
  t: TFunction,
): Promise<string> {
  if (isQuotaError(err)) {
    const unsent = await countUnsent(db).catch(() => ({ cases: 0 }));
    return t('errors.storageFull', { cases: unsent.cases });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return t('errors.saveFailed', { reason });
}
