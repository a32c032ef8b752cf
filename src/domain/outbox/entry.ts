/**
 * An outbox entry: one part of a case waiting to be sent (the case document,
 * or a photo by its hash), with its sending state. Storage keeps them in the
 * `outbox` table; the planner (plan.ts) reads them and says what goes when.
 */
import type { Instant } from '../ids';

export type OutboxKind = 'case' | 'photo';

/**
 * - `pending`: waits to be sent (at `nextAttemptAt`);
 * - `sending`: the runner is on it (a page closed mid-send leaves it so: it is still due, and
 *   the next page's runner puts it back to `pending` when it starts);
 * - `needs-attention`: the server refused it (`lastError.reason` says why); kept, never dropped,
 *   sent again after a local change or "retry";
 * - `held`: the server said the session ended (401): waits for the officer to sign in again.
 */
export type OutboxStatus = 'pending' | 'sending' | 'needs-attention' | 'held';

export interface OutboxError {
  /** A stable slug: the server's error code, or `network`, `timeout`, `not-a-receipt` … */
  reason: string;
  at: string;
  /** The HTTP status, when there was one. */
  status?: number;
  message?: string;
}

export interface OutboxEntry {
  /** `${kind}:${entityId}` — device-made, so enqueueing twice changes nothing. */
  key: string;
  kind: OutboxKind;
  entityId: string;
  caseId: string;
  status: OutboxStatus;
  /** Bumped by every local change; the sync runner sends what it read. */
  revision: number;
  enqueuedAt: Instant;
  updatedAt: Instant;
  /** Failed attempts since the last success (drives the backoff). */
  attempts: number;
  nextAttemptAt: Instant;
  lastError?: OutboxError;
}

/** A change to an entry's sending state. */
export interface EntryPatch {
  status: OutboxStatus;
  attempts?: number;
  nextAttemptAt?: Instant;
  /** Given as `undefined`, clears the last error (the part no longer fails). */
  lastError?: OutboxError | undefined;
}

/**
 * A patch for the entry as it was read: storage applies it only while the
 * entry still has `revision` (a save since then keeps its own timing).
 */
export interface KeyedPatch {
  key: string;
  revision: number;
  patch: EntryPatch;
}

/** Entries the runner may take now: pending or left `sending` by a crash, and due. */
export function isDue(entry: Pick<OutboxEntry, 'status' | 'nextAttemptAt'>, now: Instant): boolean {
  return (entry.status === 'pending' || entry.status === 'sending') && entry.nextAttemptAt <= now;
}

/** `at` moved on by `ms`. */
export function plusMs(at: Instant, ms: number): Instant {
  return new Date(Date.parse(at) + ms).toISOString();
}
