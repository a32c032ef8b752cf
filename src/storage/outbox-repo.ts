/**
 * The outbox as the sync runner sees it. An entry leaves the outbox only when
 * a server receipt covers it (RELIABILITY.md rules 2–3):
 *  - a case entry, when a `complete: true` receipt arrives for a manifest built
 *    from a revision at least the entry's (an edit made while sending keeps it);
 *  - a photo entry, when the server acknowledged storing its exact bytes, or a
 *    receipt lists its hash in `held`.
 * Failures only ever change an entry's status and timing; nothing is deleted.
 */
import type { CaseReceipt } from '../contracts/cases';
import type { Change } from '../contracts/changes';
import {
  CaseRecord,
  applyServerStateChange,
  caseBelongsTo,
  type CaseOfficer,
  type CaseReview,
  type Instant,
} from '../domain';
import {
  holdForSignIn,
  leftByClosedPage,
  planSync,
  releaseOnSignIn,
  retryNow,
  tryNow,
  type EntryPatch,
  type KeyedPatch,
  type SendingFor,
} from '../domain/outbox';
import { enqueue } from './cases-repo';
import type { KuaichuDb } from './db';
import type { OutboxEntry } from './records';

/** Ids among `caseIds` of cases captured by another officer than `officerId`. */
async function othersCases(
  db: KuaichuDb,
  caseIds: Iterable<string>,
  officerId: string,
): Promise<Set<string>> {
  const ids = [...new Set(caseIds)];
  const rows = await db.cases.bulkGet(ids);
  const others = new Set<string>();
  rows.forEach((row, i) => {
    const officer = (row as { officer?: { id?: unknown } } | undefined)?.officer;
    if (officer && !caseBelongsTo({ officer: officer as CaseOfficer }, officerId)) {
      others.add(ids[i]!);
    }
  });
  return others;
}

/**
 * The outbox as the planner reads it (src/domain/outbox/plan.ts): every
 * entry, and the officer who captured each of their cases.
 */
export async function readOutboxView(
  db: KuaichuDb,
): Promise<{ entries: OutboxEntry[]; officers: Map<string, CaseOfficer> }> {
  return db.transaction('r', db.outbox, db.cases, async () => {
    const entries = await db.outbox.toArray();
    const ids = [...new Set(entries.map((e) => e.caseId))];
    const officers = new Map<string, CaseOfficer>();
    (await db.cases.bulkGet(ids)).forEach((row, i) => {
      const officer = (row as { officer?: CaseOfficer } | undefined)?.officer;
      if (officer) officers.set(ids[i]!, officer);
    });
    return { entries, officers };
  });
}

/** Ids of cases with an entry due at `now`, the longest-waiting first (the planner's order). */
export async function dueCaseIds(
  db: KuaichuDb,
  now: Instant,
  sendingFor?: SendingFor,
): Promise<string[]> {
  const view = await readOutboxView(db);
  const plan = planSync(sendingFor ? { ...view, now, sendingFor } : { ...view, now });
  return plan.send.map((c) => c.caseId);
}

/** Every entry of a case. */
export function caseEntries(db: KuaichuDb, caseId: string): Promise<OutboxEntry[]> {
  return db.outbox.where('caseId').equals(caseId).toArray();
}

/**
 * Updates an entry's sending state, unless a local change re-enqueued it since
 * the runner read `revision` (that change is due when its save said: at once
 * for a photo or a hand-over, after the quiet period for other case edits).
 */
export async function updateEntry(
  db: KuaichuDb,
  key: string,
  revision: number,
  patch: EntryPatch,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(key);
    if (!entry || entry.revision !== revision) return;
    const next: OutboxEntry = { ...entry, ...patch };
    if ('lastError' in patch && patch.lastError === undefined) delete next.lastError;
    await db.outbox.put(next);
  });
}

/** Records the planner's patches, each only while its entry still has the revision read. */
export async function recordPatches(db: KuaichuDb, patches: readonly KeyedPatch[]): Promise<void> {
  for (const p of patches) await updateEntry(db, p.key, p.revision, p.patch);
}

/** The server acknowledged storing these exact bytes: the photo is sent. */
export async function markPhotoHeld(db: KuaichuDb, sha256: string): Promise<void> {
  await db.outbox.delete(`photo:${sha256}`);
}

export interface ReceiptOutcome {
  /** Every entry of the case is covered: nothing of it waits any more. */
  caseSent: boolean;
  /** Photos the server still lacks; their entries are (re-)enqueued. */
  missing: string[];
}

/**
 * Stores a receipt and lets it settle what it covers, in one transaction:
 * held photos leave the outbox, missing ones are enqueued again, and the case
 * entry leaves only for a complete receipt of its revision or a later one.
 * When nothing of the case waits any more, server changes that waited for
 * its local edits are applied.
 */
export async function storeReceipt(
  db: KuaichuDb,
  receipt: CaseReceipt,
  revision: number,
  at: Instant,
): Promise<ReceiptOutcome> {
  const { caseId } = receipt;
  return db.transaction(
    'rw',
    [db.receipts, db.outbox, db.cases, db.serverChanges, db.photos],
    async () => {
      await db.receipts.put({ caseId, receipt, revision, storedAt: at });
      for (const sha256 of receipt.photos.held) await db.outbox.delete(`photo:${sha256}`);
      const missing: string[] = [];
      for (const sha256 of receipt.photos.missing) {
        if ((await db.photos.where('sha256').equals(sha256).count()) === 0) continue;
        const entry = await db.outbox.get(`photo:${sha256}`);
        if (!entry) await enqueue(db, { kind: 'photo', entityId: sha256, caseId }, at);
        missing.push(sha256);
      }
      const caseEntry = await db.outbox.get(`case:${caseId}`);
      if (receipt.complete && caseEntry && caseEntry.revision <= revision) {
        await db.outbox.delete(caseEntry.key);
      }
      const caseSent = (await db.outbox.where('caseId').equals(caseId).count()) === 0;
      if (caseSent) await applyWaitingChanges(db, caseId);
      return { caseSent, missing };
    },
  );
}

async function applyWaitingChanges(db: KuaichuDb, caseId: string): Promise<void> {
  const waiting = await db.serverChanges.where('caseId').equals(caseId).toArray();
  if (waiting.length === 0) return;
  const row = await db.cases.get(caseId);
  if (row) {
    let record = CaseRecord.parse(row);
    for (const w of waiting.sort((a, b) => a.seq - b.seq)) {
      record = applyServerStateChange(record, w.change);
    }
    await db.cases.put(record);
  }
  await db.serverChanges.bulkDelete(waiting.map((w) => w.id));
}

/**
 * The squad's word on a case with a pulled change recorded (undefined: nothing
 * to record), given what the phone kept before and the case as it is.
 */
export type KeepSquadWord = (kept: CaseReview | undefined, c: CaseRecord) => CaseReview | undefined;

export type ServerChangeOutcome = 'applied' | 'deferred' | 'unknown-case' | 'another-officer';

/**
 * Records a change from the pull feed on the local case — unless the case has
 * unsent local edits, in which case the edits are kept and the change waits
 * until they are sent. Never enqueues anything: it is the server's news, not
 * an edit to send back. With `sendingFor`, another officer's case on a shared
 * phone is left alone (the feed excludes each officer's own changes, so that
 * officer's pull brings him the rest).
 *
 * With `keepWord` (the pull's: the domain's `recordSquadWord` at the device's
 * time), the squad's word (a return with what to add, an amended liability,
 * an approval, a take-over) is kept beside the case at once, deferred or
 * not: the officer sees what was asked even while his own edits wait to be
 * sent.
 */
export async function applyServerChange(
  db: KuaichuDb,
  change: Change,
  sendingFor?: SendingFor,
  keepWord?: KeepSquadWord,
): Promise<ServerChangeOutcome> {
  return db.transaction('rw', [db.cases, db.outbox, db.serverChanges, db.reviews], async () => {
    const row = await db.cases.get(change.caseId);
    if (!row) return 'unknown-case';
    if (sendingFor && (await othersCases(db, [change.caseId], sendingFor.officerId)).size > 0) {
      // Another officer's case on a shared phone: his own pull brings him the news.
      return 'another-officer';
    }
    const parsed = CaseRecord.safeParse(row);
    if (parsed.success && keepWord) {
      const next = keepWord(await db.reviews.get(change.caseId), parsed.data);
      if (next) await db.reviews.put(next);
    }
    const unsent = await db.outbox.where('caseId').equals(change.caseId).count();
    if (unsent > 0) {
      await db.serverChanges.put({
        id: `${change.caseId}:${change.cursor}`,
        caseId: change.caseId,
        seq: Number(change.cursor),
        change,
      });
      return 'deferred';
    }
    // A row that does not parse is reported elsewhere and kept as it is.
    if (!parsed.success) return 'deferred';
    await db.cases.put(applyServerStateChange(parsed.data, change));
    return 'applied';
  });
}

/** The server ended the session: every waiting entry is held until sign-in. */
export async function holdQueue(db: KuaichuDb): Promise<void> {
  await db.outbox
    .where('status')
    .anyOf('pending', 'sending')
    .modify((e) => void Object.assign(e, holdForSignIn(e)));
}

/** The runner starts: what a closed page left `sending` waits again (`leftByClosedPage`). */
export async function resumeLeftSending(db: KuaichuDb): Promise<void> {
  await db.outbox
    .where('status')
    .equals('sending')
    .modify((e) => void Object.assign(e, leftByClosedPage(e)));
}

/** Signed in again: held entries are due at once. */
export async function releaseHeld(db: KuaichuDb, at: Instant): Promise<void> {
  await db.outbox
    .where('status')
    .equals('held')
    .modify((e) => void Object.assign(e, releaseOnSignIn(e, at)));
}

/** "Try again" on a case that needs attention: its entries become due at once. */
export async function retryCase(db: KuaichuDb, caseId: string, at: Instant): Promise<void> {
  await db.outbox
    .where('caseId')
    .equals(caseId)
    .modify((e) => void Object.assign(e, retryNow(e, at)));
}

/** "Try now" (the link came back, "Send now", a fresh sign-in): the domain's `tryNow` for every waiting entry. */
export async function sendAllNow(db: KuaichuDb, at: Instant): Promise<void> {
  await db.outbox
    .where('status')
    .anyOf('pending', 'sending')
    .modify((e) => void Object.assign(e, tryNow(e, at)));
}
