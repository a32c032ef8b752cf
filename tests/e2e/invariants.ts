/**
 * The H5 invariant checker (RELIABILITY.md harness): after a test, what the
 * server holds and what the phone holds must agree.
 *
 * Server (`readServer` of tests/e2e/server.ts, straight from its data
 * folder, never through its API, so a bug in a route cannot hide a bug in
 * storage): the SQLite file opened read-only, and every blob under
 * `blobs/sha256` hashed.
 *  - one `cases` row per id, one `case_versions` row per (id, version);
 *  - one stored object per photo hash, and every blob's bytes hash to its name;
 *  - every `photos` row has its blob, of the recorded length;
 *  - the audit chain verifies.
 *
 * Phone (`readPhone` of tests/e2e/phone-db.ts: cases, photos, outbox, receipts):
 *  - every stored photo hashes to its key and belongs to a case on the phone;
 *  - every outbox entry belongs to a case on the phone (and a photo entry to a photo);
 *  - every case the phone shows as sent (no outbox entry, a complete receipt)
 *    is on the server at that manifest, with the phone's content and every
 *    one of its photos stored;
 *  - the unsent count (cases with an outbox entry, as the outbox screen
 *    counts them) equals the number of the phone's cases the server lacks,
 *    holds incomplete, or holds at other content than the phone's.
 */
import type { Page } from 'playwright-core';
import { CaseRecord } from '../../src/domain';
import { canonicalJson } from '../../src/domain/manifest';
import { readPhone, type PhoneSnapshot, type StoredOutboxEntry } from './phone-db';
import { readServer, type ServerData, type ServerSnapshot } from './server';

export interface InvariantReport {
  problems: string[];
  /** Cases with an outbox entry (the outbox screen's "unsent cases"). */
  unsent: number;
  /** The phone's cases the server lacks, holds incomplete or holds at other content. */
  serverMissing: string[];
  /** The phone's cases shown as sent. */
  sent: string[];
  serverCases: number;
  serverBlobs: number;
}

/** Compares the two sides; pure. */
export function compare(server: ServerSnapshot, phone: PhoneSnapshot): InvariantReport {
  const problems = [...server.problems];
  const caseIds = new Set(phone.cases.map((c) => c.id));
  const photosOf = new Map<string, Set<string>>();
  for (const p of phone.photos) {
    if (!p.intact) problems.push(`phone photo ${p.sha256} does not hash to its key`);
    if (!caseIds.has(p.caseId)) problems.push(`phone photo ${p.sha256} has no case ${p.caseId}`);
    photosOf.set(p.caseId, (photosOf.get(p.caseId) ?? new Set()).add(p.sha256));
  }
  const phoneHashes = new Set(phone.photos.map((p) => p.sha256));
  const entriesOf = new Map<string, number>();
  for (const e of phone.outbox) {
    if (!caseIds.has(e.caseId)) problems.push(`outbox entry ${e.key} has no case`);
    if (e.kind === 'photo' && !phoneHashes.has(e.entityId)) {
      problems.push(`outbox entry ${e.key} has no photo`);
    }
    entriesOf.set(e.caseId, (entriesOf.get(e.caseId) ?? 0) + 1);
  }
  const receiptOf = new Map(phone.receipts.map((r) => [r.caseId, r]));

  const serverMissing: string[] = [];
  const sent: string[] = [];
  for (const { id, row } of phone.cases) {
    const held = server.cases.get(id);
    const photos = [...(photosOf.get(id) ?? [])].sort();
    const why: string[] = [];
    if (!held) why.push('not on the server');
    else {
      const parsed = CaseRecord.safeParse(row);
      const phoneBody = canonicalJson(parsed.success ? parsed.data : row);
      const serverBody = JSON.parse(held.body) as Record<string, unknown>;
      if (canonicalJson(serverBody) !== phoneBody) {
        const phoneFields = JSON.parse(phoneBody) as Record<string, unknown>;
        const differ = [...new Set([...Object.keys(serverBody), ...Object.keys(phoneFields)])]
          .filter((k) => canonicalJson(serverBody[k]) !== canonicalJson(phoneFields[k]))
          .sort();
        const states =
          serverBody.state === phoneFields.state
            ? ''
            : `; state ${String(serverBody.state)} on the server, ${String(phoneFields.state)} on the phone`;
        why.push(`server has other content (${differ.join(', ')}${states})`);
      }
      const notListed = photos.filter((h) => !held.photos.includes(h));
      if (notListed.length) why.push(`server version lacks photos ${notListed.join(',')}`);
      const noBlob = held.photos.filter((h) => !server.blobs.has(h));
      if (noBlob.length) why.push(`server lacks the bytes of ${noBlob.join(',')}`);
    }
    if (why.length) serverMissing.push(id);
    const receipt = receiptOf.get(id);
    const entries = entriesOf.get(id) ?? 0;
    if (entries === 0) {
      if (!receipt?.complete) {
        problems.push(
          `case ${id}: no outbox entry and no complete receipt (neither sent nor queued)`,
        );
      } else {
        sent.push(id);
        if (why.length) problems.push(`case ${id} shows sent, but: ${why.join('; ')}`);
        else if (held && held.manifestHash !== receipt.manifestHash) {
          problems.push(
            `case ${id} shows sent at manifest v${receipt.version} ${receipt.manifestHash}, server holds v${held.version} ${held.manifestHash}`,
          );
        }
      }
    }
  }
  const unsent = entriesOf.size;
  if (unsent !== serverMissing.length) {
    problems.push(
      `phone counts ${unsent} unsent cases, the server is missing ${serverMissing.length} (${serverMissing.join(', ')})`,
    );
  }
  return {
    problems,
    unsent,
    serverMissing,
    sent,
    serverCases: server.cases.size,
    serverBlobs: server.blobs.size,
  };
}

/** Reads both sides and throws, listing every broken invariant, when any is. */
export async function checkInvariants(page: Page, server: ServerData): Promise<InvariantReport> {
  const phone = await readPhone(page);
  const report = compare(readServer(server), phone);
  if (report.problems.length > 0) {
    throw new Error(`H5 invariants broken:\n  ${report.problems.join('\n  ')}`);
  }
  return report;
}

/**
 * The photo-and-outbox invariants (RELIABILITY.md rule 7): every photo row
 * has its outbox entry and every photo entry has at least one row. Returns
 * the problems found, none when all holds.
 */
export function photoOutboxProblems(
  photos: readonly { sha256: string; intact: boolean }[],
  outbox: readonly StoredOutboxEntry[],
): string[] {
  const problems: string[] = [];
  const queued = new Set(outbox.filter((e) => e.kind === 'photo').map((e) => e.entityId));
  const stored = new Set(photos.map((p) => p.sha256));
  for (const p of photos) {
    if (!p.intact) problems.push(`photo ${p.sha256} does not hash to its key`);
    if (!queued.has(p.sha256)) problems.push(`photo ${p.sha256} has no outbox entry`);
  }
  for (const sha of queued)
    if (!stored.has(sha)) problems.push(`outbox entry photo:${sha} has no photo`);
  return problems;
}
