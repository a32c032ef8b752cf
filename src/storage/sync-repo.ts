/**
 * What the sync runner and its status reads keep beside the outbox: the
 * receipts the server gave, the last built manifest per case (so a retry sends
 * the very same body), small sync settings, and the reads that must see the
 * case, its photos and its outbox entries at one moment. Sync reaches the
 * database only through these and the other repositories.
 */
import { liveQuery } from 'dexie';
import type { CaseRecord, PhotoMeta } from '../domain';
import { readCase } from './cases-repo';
import type { KuaichuDb } from './db';
import { listPhotos } from './photos-repo';
import type { CaseRow, OutboxEntry, ReceiptRow, ReviewRow, SubmissionRow } from './records';

/** A receipt stored for a case, if any. */
export async function readReceipt(db: KuaichuDb, caseId: string): Promise<ReceiptRow | undefined> {
  return db.receipts.get(caseId);
}

/** The manifest last built for a case, if any. */
export async function readSubmission(
  db: KuaichuDb,
  caseId: string,
): Promise<SubmissionRow | undefined> {
  return db.submissions.get(caseId);
}

/** Keeps a built manifest, replacing the case's previous one. */
export async function keepSubmission(db: KuaichuDb, row: SubmissionRow): Promise<void> {
  await db.submissions.put(row);
}

/** Forgets the kept manifest: the next send builds a new version. */
export async function dropSubmission(db: KuaichuDb, caseId: string): Promise<void> {
  await db.submissions.delete(caseId);
}

/** Forgets what the server acknowledged of a case (its receipt and kept manifest): the next send is version 1. */
export async function forgetSent(db: KuaichuDb, caseId: string): Promise<void> {
  await db.transaction('rw', db.receipts, db.submissions, async () => {
    await db.receipts.delete(caseId);
    await db.submissions.delete(caseId);
  });
}

/** A small sync setting (`pullCursor`, `device:<userId>`). */
export async function readSyncValue(db: KuaichuDb, key: string): Promise<string | undefined> {
  return (await db.syncState.get(key))?.value;
}

export async function writeSyncValue(db: KuaichuDb, key: string, value: string): Promise<void> {
  await db.syncState.put({ key, value });
}

export async function deleteSyncValue(db: KuaichuDb, key: string): Promise<void> {
  await db.syncState.delete(key);
}

/**
 * The last time the officer's session reached the server (a pull answered),
 * for the offline limit (issue 18, D6); a sign-in counts too (the session's
 * `signedInAt`).
 */
export const lastContactKey = (userId: string) => `lastContact:${userId}`;

export async function recordContact(db: KuaichuDb, userId: string, at: string): Promise<void> {
  await writeSyncValue(db, lastContactKey(userId), at);
}

export async function readLastContact(db: KuaichuDb, userId: string): Promise<string | undefined> {
  return readSyncValue(db, lastContactKey(userId));
}

export type CaseForSending =
  | { ok: true; record: CaseRecord; photos: PhotoMeta[]; entries: OutboxEntry[] }
  | { ok: false; reason: 'case-unreadable'; entries: OutboxEntry[] };

/** A case, its photos and its outbox entries, read in one transaction. */
export async function readCaseForSending(db: KuaichuDb, caseId: string): Promise<CaseForSending> {
  return db.transaction('r', db.cases, db.photos, db.outbox, async () => {
    const entries = await db.outbox.where('caseId').equals(caseId).toArray();
    const found = await readCase(db, caseId);
    if (!found.found) return { ok: false, reason: 'case-unreadable', entries };
    return { ok: true, record: found.value, photos: await listPhotos(db, caseId), entries };
  });
}

/** One case's outbox entries and its receipt. */
export async function readCaseOutbox(
  db: KuaichuDb,
  caseId: string,
): Promise<{ entries: OutboxEntry[]; receipt: ReceiptRow | undefined }> {
  const [entries, receipt] = await Promise.all([
    db.outbox.where('caseId').equals(caseId).toArray(),
    db.receipts.get(caseId),
  ]);
  return { entries, receipt };
}

/** Every case id on the phone, every outbox entry and every receipt. */
export async function readOutboxOverview(db: KuaichuDb): Promise<{
  caseIds: string[];
  entries: OutboxEntry[];
  receipts: ReceiptRow[];
}> {
  const [ids, entries, receipts] = await Promise.all([
    db.cases.toCollection().primaryKeys(),
    db.outbox.toArray(),
    db.receipts.toArray(),
  ]);
  return { caseIds: ids.map(String), entries, receipts };
}

/**
 * What waits to be sent, read in one transaction: every outbox entry, the
 * stored size of each waiting photo (by hash) and the row of each case with
 * anything waiting.
 */
export async function readUnsent(db: KuaichuDb): Promise<{
  entries: OutboxEntry[];
  photoBytes: Map<string, number>;
  caseRows: CaseRow[];
}> {
  return db.transaction('r', db.outbox, db.photos, db.cases, async () => {
    const entries = await db.outbox.toArray();
    const photoBytes = new Map<string, number>();
    for (const e of entries) {
      if (e.kind !== 'photo') continue;
      const row = await db.photos.where('sha256').equals(e.entityId).first();
      photoBytes.set(e.entityId, row?.blob.size ?? 0);
    }
    const caseRows: CaseRow[] = [];
    for (const caseId of new Set(entries.map((e) => e.caseId))) {
      const row = await db.cases.get(caseId);
      if (row) caseRows.push(row);
    }
    return { entries, photoBytes, caseRows };
  });
}

/**
 * Calls `listener` whenever the outbox changes (and once at the start) with
 * how many entries wait and the sum of their revisions, which moves on with
 * every save. Answers a function that stops watching.
 */
export function watchOutbox(
  db: KuaichuDb,
  listener: (outbox: { entries: number; revisions: number }) => void,
): () => void {
  const subscription = liveQuery(() => db.outbox.toArray()).subscribe((entries) =>
    listener({ entries: entries.length, revisions: entries.reduce((n, e) => n + e.revision, 0) }),
  );
  return () => subscription.unsubscribe();
}

/** What the accident squad said about a case, if anything. */
export async function readReview(db: KuaichuDb, caseId: string): Promise<ReviewRow | undefined> {
  return db.reviews.get(caseId);
}

/** What the accident squad said about every case on the phone, by case id. */
export async function readReviews(db: KuaichuDb): Promise<Map<string, ReviewRow>> {
  return new Map((await db.reviews.toArray()).map((r) => [r.caseId, r]));
}
