/**
 * Honest status (RELIABILITY.md G4), derived from storage — never from what
 * the UI remembers:
 *  - `sent` only when the server's receipt is complete and nothing of the case
 *    waits in the outbox;
 *  - `needs-attention` when the server refused a part (with the reason);
 *  - `sending` while the runner moves this case (with progress);
 *  - otherwise `saved-on-phone` (with when it will be tried again and why it failed last) —
 *    also while an edited case waits for its quiet period after the latest save
 *    (storage `CASE_QUIET_MS`): no error and no retry time then, just saved.
 * And the totals the officer must always see: unsent cases, unsent bytes, the
 * oldest unsent age.
 */
import { canonicalJson, utf8Bytes } from '../domain/manifest';
import {
  readCaseOutbox,
  readOutboxOverview,
  readUnsent,
  type KuaichuDb,
  type OutboxEntry,
  type OutboxError,
  type ReceiptRow,
} from '../storage';
import type { SyncProgress, SyncState } from './state';

export type CaseSyncStatus =
  | {
      kind: 'saved-on-phone';
      /** When the oldest unsent change was saved. */
      since?: string;
      /** When the runner tries again (after a failure). */
      retryAt?: string;
      lastError?: OutboxError;
      /** The session ended or the shift is over: sending waits for sign-in. */
      waitingForSignIn: boolean;
      /** The phone has no network: nothing moves until it comes back. */
      waitingForNetwork?: boolean;
    }
  | { kind: 'sending'; progress?: SyncProgress }
  | { kind: 'sent'; receivedAt: string; manifestVersion: number }
  | { kind: 'needs-attention'; reason: string; at: string };

export interface CaseStatusInput {
  caseId: string;
  entries: readonly OutboxEntry[];
  receipt?: ReceiptRow;
  sync?: SyncState;
  /**
   * Whether the phone has a network (`navigator.onLine`); false means surely
   * none. A drain started just before the link went (or one waiting out a
   * dead socket) is then not "sending": the case waits for a connection.
   */
  online?: boolean;
}

/** The status of one case from its outbox entries, its last receipt and the runner's state. Pure. */
export function deriveCaseStatus(input: CaseStatusInput): CaseSyncStatus {
  const { entries, receipt, sync } = input;
  if (entries.length === 0) {
    if (receipt?.receipt.complete) {
      return {
        kind: 'sent',
        receivedAt: receipt.receipt.receivedAt,
        manifestVersion: receipt.receipt.manifestVersion,
      };
    }
    return { kind: 'saved-on-phone', waitingForSignIn: false };
  }
  const refused = entries.find((e) => e.status === 'needs-attention');
  if (refused) {
    return {
      kind: 'needs-attention',
      reason: refused.lastError?.reason ?? 'needs-attention',
      at: refused.lastError?.at ?? refused.updatedAt,
    };
  }
  const offline = input.online === false;
  if (sync?.phase === 'sending' && sync.current?.caseId === input.caseId && !offline) {
    return { kind: 'sending', progress: sync.current };
  }
  const since = entries.map((e) => e.enqueuedAt).sort()[0];
  const failed = entries
    .filter((e) => e.lastError)
    .sort((a, b) => b.lastError!.at.localeCompare(a.lastError!.at))[0];
  const status: CaseSyncStatus = {
    kind: 'saved-on-phone',
    waitingForSignIn: entries.some((e) => e.status === 'held') || sync?.phase === 'held-auth',
  };
  if (offline) status.waitingForNetwork = true;
  if (since) status.since = since;
  if (failed?.lastError) {
    status.lastError = failed.lastError;
    status.retryAt = entries.map((e) => e.nextAttemptAt).sort()[0];
  }
  return status;
}

/** The status of one case, read from the database. */
export async function readCaseStatus(
  db: KuaichuDb,
  caseId: string,
  sync?: SyncState,
): Promise<CaseSyncStatus> {
  const { entries, receipt } = await readCaseOutbox(db, caseId);
  return deriveCaseStatus({ caseId, entries, receipt, sync });
}

/** The status of every case on the phone, by case id. */
export async function readCaseStatuses(
  db: KuaichuDb,
  sync?: SyncState,
  online?: boolean,
): Promise<Map<string, CaseSyncStatus>> {
  const { caseIds, entries, receipts } = await readOutboxOverview(db);
  const byCase = new Map<string, OutboxEntry[]>();
  for (const e of entries) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const receiptOf = new Map(receipts.map((r) => [r.caseId, r]));
  return new Map(
    caseIds.map((caseId) => {
      const input: CaseStatusInput = { caseId, entries: byCase.get(caseId) ?? [] };
      const receipt = receiptOf.get(caseId);
      if (receipt) input.receipt = receipt;
      if (sync) input.sync = sync;
      if (online !== undefined) input.online = online;
      return [caseId, deriveCaseStatus(input)];
    }),
  );
}

export interface OutboxTotals {
  /** Cases with anything unsent (waiting, held, or needing attention). */
  unsentCases: number;
  /** Of those, cases the officer must look at. */
  needsAttention: number;
  /** Bytes still to send: photo blobs not yet held by the server + the case JSON. */
  unsentBytes: number;
  oldestUnsentAt?: string;
  oldestUnsentAgeMs?: number;
}

/** What waits to be sent, for the status bar and the sign-out warning. */
export async function readOutboxTotals(db: KuaichuDb, now: number): Promise<OutboxTotals> {
  const { entries, photoBytes, caseRows } = await readUnsent(db);
  const cases = new Set(entries.map((e) => e.caseId));
  const attention = new Set(
    entries.filter((e) => e.status === 'needs-attention').map((e) => e.caseId),
  );
  let bytes = 0;
  for (const size of photoBytes.values()) bytes += size;
  for (const row of caseRows) bytes += utf8Bytes(canonicalJson(row)).byteLength;
  const oldest = entries.map((e) => e.enqueuedAt).sort()[0];
  const totals: OutboxTotals = {
    unsentCases: cases.size,
    needsAttention: attention.size,
    unsentBytes: bytes,
  };
  if (oldest) {
    totals.oldestUnsentAt = oldest;
    totals.oldestUnsentAgeMs = Math.max(0, now - Date.parse(oldest));
  }
  return totals;
}
