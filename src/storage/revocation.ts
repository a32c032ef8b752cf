/**
 * When an admin has revoked the phone (issue 18, RELIABILITY.md D7): the
 * server still takes every case recorded before the revocation, so the next
 * contact sends them as usual; then what the server holds is wiped from the
 * phone — each sent case of the officer with its photos, receipt, built
 * submission, squad's word and waiting server changes. A case the server
 * refused (recorded after the revocation) is never wiped: it stays, to be
 * exported. A phone with nothing to send learns of its revocation from the
 * pull (the server answers for the device it names). What happened is kept
 * for the officer to read.
 */
import { caseBelongsTo } from '../domain';
import type { KuaichuDb } from './db';

/** What the wipe did, kept in the sync values for the outbox screen. */
export interface RevocationRecord {
  at: string;
  /** Sent cases wiped from the phone. */
  wiped: number;
  /** Cases the server refused, kept on the phone. */
  kept: number;
}

export const revocationKey = (officerId: string) => `revoked:${officerId}`;

/** The server's code on a part a revoked phone sent. */
export const DEVICE_REVOKED = 'device_revoked';

/**
 * Wipes the officer's sent cases if the server has said the phone is revoked
 * — an outbox entry refused `device_revoked`, or the pull's answer
 * (`revokedAt`, when an admin revoked it: a phone with nothing to send learns
 * it so); undefined when it has not. One transaction: a wipe is whole or not
 * at all.
 */
export async function wipeAfterRevocation(
  db: KuaichuDb,
  officerId: string,
  at: string,
  revokedAt?: string,
): Promise<RevocationRecord | undefined> {
  // Read first, outside a transaction: a pass of a phone not revoked locks nothing.
  const refused =
    revokedAt === undefined
      ? await db.outbox.filter((e) => e.lastError?.reason === DEVICE_REVOKED).count()
      : 1;
  if (refused === 0) return undefined;
  const tables = [
    db.cases,
    db.photos,
    db.outbox,
    db.receipts,
    db.submissions,
    db.reviews,
    db.serverChanges,
    db.syncState,
  ];
  return db.transaction('rw', tables, async () => {
    const entries = await db.outbox.toArray();
    if (revokedAt === undefined && !entries.some((e) => e.lastError?.reason === DEVICE_REVOKED))
      return undefined;
    const waiting = new Set(entries.map((e) => e.caseId));
    const sent = new Set((await db.receipts.toArray()).map((r) => r.caseId));
    const mine = (await db.cases.toArray()).filter((c) => caseBelongsTo(c, officerId));
    const wipe = mine.filter((c) => sent.has(c.id) && !waiting.has(c.id)).map((c) => c.id);
    await db.photos.where('caseId').anyOf(wipe).delete();
    await db.serverChanges.where('caseId').anyOf(wipe).delete();
    await db.receipts.bulkDelete(wipe);
    await db.submissions.bulkDelete(wipe);
    await db.reviews.bulkDelete(wipe);
    await db.cases.bulkDelete(wipe);
    // Every pass after the revocation wipes again: the record adds up, from the first.
    const before = await readRevocation(db, officerId);
    const record: RevocationRecord = {
      at: before?.at ?? revokedAt ?? at,
      wiped: (before?.wiped ?? 0) + wipe.length,
      kept: mine.filter((c) => waiting.has(c.id)).length,
    };
    await db.syncState.put({ key: revocationKey(officerId), value: JSON.stringify(record) });
    return record;
  });
}

/** What the last wipe did for the officer, if the phone was revoked. */
export async function readRevocation(
  db: KuaichuDb,
  officerId: string,
): Promise<RevocationRecord | undefined> {
  const row = await db.syncState.get(revocationKey(officerId));
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as RevocationRecord;
  } catch {
    return undefined;
  }
}
