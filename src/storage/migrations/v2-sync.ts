/**
 * Version 2: what the sync runner needs. New tables for receipts, the last
 * built submission per case, server changes waiting for local edits to be
 * sent, and small sync settings; outbox entries get the runner's fields
 * (status, attempts, nextAttemptAt, lastError as `{ reason, at }`). Every
 * existing row is kept: rows written by version 1 are completed, never dropped.
 */
import type { Transaction } from 'dexie';

export const V2_STORES = {
  receipts: 'caseId',
  submissions: 'caseId',
  serverChanges: 'id, caseId',
  syncState: 'key',
} as const;

const STATUSES = new Set(['pending', 'sending', 'needs-attention', 'held']);
const EPOCH = '1970-01-01T00:00:00.000Z';

type Row = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Completes a version-1 outbox row to the version-2 shape, keeping what it has. */
export function upgradeOutboxRow(row: Row, caseUpdatedAt: string | undefined): Row {
  const key = String(row['key']);
  const [kindFromKey, ...rest] = key.split(':');
  const kind = row['kind'] === 'photo' || row['kind'] === 'case' ? row['kind'] : kindFromKey;
  const since = text(row['enqueuedAt']) ?? caseUpdatedAt ?? EPOCH;
  const lastError = row['lastError'];
  return {
    ...row,
    kind,
    entityId: text(row['entityId']) ?? rest.join(':'),
    caseId: text(row['caseId']) ?? rest.join(':'),
    status: STATUSES.has(String(row['status'])) ? row['status'] : 'pending',
    revision: typeof row['revision'] === 'number' && row['revision'] >= 1 ? row['revision'] : 1,
    enqueuedAt: since,
    updatedAt: text(row['updatedAt']) ?? since,
    attempts: typeof row['attempts'] === 'number' ? row['attempts'] : 0,
    // Due at once: a phone that upgrades should try to send what waits.
    nextAttemptAt: text(row['nextAttemptAt']) ?? EPOCH,
    lastError:
      typeof lastError === 'string'
        ? { reason: lastError, at: text(row['updatedAt']) ?? since }
        : lastError === null
          ? undefined
          : lastError,
  };
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const outbox = tx.table('outbox');
  const cases = tx.table('cases');
  const rows = (await outbox.toArray()) as Row[];
  for (const row of rows) {
    const caseRow = (await cases.get(String(row['caseId']))) as Row | undefined;
    await outbox.put(upgradeOutboxRow(row, text(caseRow?.['updatedAt'])));
  }
}
