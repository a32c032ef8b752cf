/** Turns a failed write into words the officer can act on. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TEXT_MESSAGES } from '../domain/text';
import { countUnsent, VaultLockedError, type KuaichuDb } from '../storage';
import { OfflineLimitError } from './offline-limit';
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
  if (err instanceof OfflineLimitError) return t('errors.offlineLimit', { hours: err.sinceHours });
  // A phone that seals, with no officer's key open (signed out): nothing was written.
  if (err instanceof VaultLockedError) return t('errors.vaultLocked');
  const issues = schemaIssues(err);
  const reason = issues
    ? issues.map((issue) => issueText(issue, t)).join('; ')
    : err instanceof Error
      ? err.message
      : String(err);
  return t('errors.saveFailed', { reason });
}

/** `describeSaveError` for a screen: the failure of a write in words. */
export function useSaveErrorText(): (err: unknown) => Promise<string> {
  const { t } = useTranslation();
  const { db } = useServices();
  return (err) => describeSaveError(err, db, t);
}

interface SchemaIssue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
  maximum?: unknown;
}

/** The issues of a record the schema refused (zod's error), or undefined for any other failure. */
function schemaIssues(err: unknown): SchemaIssue[] | undefined {
  const issues: unknown =
    typeof err === 'object' && err !== null && 'issues' in err ? err.issues : undefined;
  return Array.isArray(issues) && issues.length > 0 ? (issues as SchemaIssue[]) : undefined;
}

const FIELD_KEYS = new Set([
  'notes',
  'address',
  'road',
  'kmPost',
  'name',
  'idNumber',
  'licenceNumber',
  'phone',
  'insurer',
  'policyNumber',
  'objectDescription',
  'plate',
  'vin',
  'owner',
  'reason',
]);

/** `情况说明：最多 10000 个字符`: the field as the screens name it, and what is wrong. */
function issueText(issue: SchemaIssue, t: TFunction): string {
  const key = issue.path.findLast((p): p is string => typeof p === 'string');
  const field =
    key && FIELD_KEYS.has(key) ? t(`errors.fields.${key}`) : issue.path.map(String).join('.');
  const problem =
    issue.code === 'too_big'
      ? t('errors.tooLong', { max: issue.maximum })
      : issue.message === TEXT_MESSAGES.control ||
          issue.message === TEXT_MESSAGES.controlButLineBreaks
        ? t('errors.controlCharacter')
        : issue.message === TEXT_MESSAGES.illFormed
          ? t('errors.illFormed')
          : t('errors.invalid');
  return t('errors.field', { field, problem });
}
