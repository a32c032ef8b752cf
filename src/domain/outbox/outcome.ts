/**
 * What a result of sending does to the outbox entries it concerns: a failure
 * (through `classifyFailure`), a photo the server already held, a receipt.
 * Pure: the runner records the patches through storage, which applies each
 * only while its entry still has the revision the runner read.
 */
import type { Instant } from '../ids';
import { nextAttemptAt } from './backoff';
import { classifyFailure, type SendFailure } from './classify-failure';
import { afterReceipt } from './due';
import type { EntryPatch, KeyedPatch, OutboxEntry, OutboxError } from './entry';

/** A failure as the API reports it: the classifier's input, with the server's message if any. */
export type ReportedFailure = SendFailure & { message?: string };

/** The slug a failure is recorded under: the server's code, or `http-<status>`, or the kind. */
export function failureReason(failure: SendFailure): string {
  if (failure.kind !== 'http') return failure.kind;
  return failure.code ?? `http-${failure.status}`;
}

/** Whether the server was not reached at all (network, timeout, captive portal): the phone is offline. */
export function isConnectivityFailure(failure: SendFailure): boolean {
  return (
    failure.kind === 'network' || failure.kind === 'timeout' || failure.kind === 'not-a-receipt'
  );
}

/**
 * - `hold-auth`: the session ended: the whole queue waits for sign-in;
 * - `needs-attention`: the entries need the officer, for `reason`;
 * - `retry`: `patches` back the entries off (`error` recorded), and
 *   `offline` says whether the server was reached at all.
 */
export type FailurePlan =
  | { then: 'hold-auth' }
  | { then: 'needs-attention'; reason: string; detail: Omit<OutboxError, 'reason' | 'at'> }
  | { then: 'retry'; error: OutboxError; patches: KeyedPatch[]; offline: boolean };

/** What a failure of the part made of `entries` does to them; `random` draws the jitter, one per entry. */
export function planAfterFailure(
  entries: readonly OutboxEntry[],
  failure: ReportedFailure,
  now: Instant,
  random: () => number,
): FailurePlan {
  const action = classifyFailure(failure);
  const detail: Omit<OutboxError, 'reason' | 'at'> = {
    ...(failure.kind === 'http' ? { status: failure.status } : {}),
    ...(failure.message ? { message: failure.message } : {}),
  };
  switch (action.action) {
    case 'hold-auth':
      return { then: 'hold-auth' };
    case 'needs-attention':
      return { then: 'needs-attention', reason: action.reason, detail };
    case 'retry':
    case 'reconcile': {
      const error: OutboxError = { reason: failureReason(failure), at: now, ...detail };
      const retryAfter = failure.kind === 'http' ? failure.retryAfter : undefined;
      const ms = Date.parse(now);
      const patches = entries.map((e) => {
        const attempts = e.attempts + 1;
        const at = nextAttemptAt(attempts, ms, random(), retryAfter);
        const patch: EntryPatch = {
          status: 'pending',
          attempts,
          nextAttemptAt: new Date(at).toISOString(),
          lastError: error,
        };
        return { key: e.key, revision: e.revision, patch };
      });
      return { then: 'retry', error, patches, offline: isConnectivityFailure(failure) };
    }
  }
}

/** The entries need the officer: refused, with the reason (and what the server said). */
export function attentionPatches(
  entries: readonly OutboxEntry[],
  reason: string,
  at: Instant,
  detail: Omit<OutboxError, 'reason' | 'at'> = {},
): KeyedPatch[] {
  return entries.map((e) => ({
    key: e.key,
    revision: e.revision,
    patch: { status: 'needs-attention', lastError: { reason, at, ...detail } },
  }));
}

/**
 * Photos the server already holds (skipped by HEAD) stay in the outbox until
 * a receipt lists them. Left `sending` with a past time they would be due on
 * every pass — a HEAD each time and a 1 s timer for ever while their case
 * waits — so after a pass without that receipt they wait with their case:
 * until the time the case waits for (its quiet period, a backoff, a photo's
 * retry), or, when the case entry needs attention or is held, in that status
 * too ("try again" and sign-in release them together). With nothing of the
 * case saying when, an ordinary backoff: never a busy loop.
 */
export function parkPatches(
  entries: readonly OutboxEntry[],
  heldByServer: ReadonlySet<string>,
  now: Instant,
  random: () => number,
): KeyedPatch[] {
  const parked = entries.filter(
    (e) => e.kind === 'photo' && e.status === 'sending' && heldByServer.has(e.entityId),
  );
  if (parked.length === 0) return [];
  const caseEntry = entries.find((e) => e.kind === 'case');
  const waitsUntil = entries
    .filter((e) => !parked.includes(e) && e.status === 'pending' && e.nextAttemptAt > now)
    .map((e) => e.nextAttemptAt)
    .sort()[0];
  return parked.map((e) => {
    let patch: EntryPatch;
    if (caseEntry?.status === 'needs-attention' || caseEntry?.status === 'held') {
      patch = { status: caseEntry.status };
      if (caseEntry.lastError) patch.lastError = caseEntry.lastError;
    } else if (waitsUntil !== undefined) {
      // The server holds the bytes: an earlier failure of this photo is over.
      patch = { status: 'pending', nextAttemptAt: waitsUntil, lastError: undefined };
    } else {
      const attempts = e.attempts + 1;
      const at = nextAttemptAt(attempts, Date.parse(now), random());
      patch = {
        status: 'pending',
        attempts,
        nextAttemptAt: new Date(at).toISOString(),
        lastError: undefined,
      };
    }
    return { key: e.key, revision: e.revision, patch };
  });
}

/** After a receipt: the case's entries the runner took and the receipt did not remove go afresh. */
export function receiptPatches(entries: readonly OutboxEntry[], at: Instant): KeyedPatch[] {
  return entries.flatMap((e) => {
    const patch = afterReceipt(e, at);
    return patch ? [{ key: e.key, revision: e.revision, patch }] : [];
  });
}

/**
 * A pass cut off because its session ended on the phone (signed out, another
 * officer signed in): what it had taken was not refused and did not fail — it
 * waits as it did, due at its time, for the session that may send it.
 */
export function stoppedPatches(entries: readonly OutboxEntry[]): KeyedPatch[] {
  return entries
    .filter((e) => e.status === 'pending' || e.status === 'sending')
    .map((e) => ({ key: e.key, revision: e.revision, patch: { status: 'pending' } }));
}
