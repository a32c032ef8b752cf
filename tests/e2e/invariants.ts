/**
 * The H5 invariant checker (RELIABILITY.md harness): after a test, what the
 * server holds and what the phone holds must agree.
 *
 * Server (read straight from its data folder, never through its API, so a
 * bug in a route cannot hide a bug in storage): the SQLite file opened
 * read-only, and every blob under `blobs/sha256` hashed.
 *  - one `cases` row per id, one `case_versions` row per (id, version);
 *  - one stored object per photo hash, and every blob's bytes hash to its name;
 *  - every `photos` row has its blob, of the recorded length;
 *  - the audit chain verifies.
 *
 * Phone (the page's IndexedDB: cases, photos, outbox, receipts):
 *  - every stored photo hashes to its key and belongs to a case on the phone;
 *  - every outbox entry belongs to a case on the phone (and a photo entry to a photo);
 *  - every case the phone shows as sent (no outbox entry, a complete receipt)
 *    is on the server at that manifest, with the phone's content and every
 *    one of its photos stored;
 *  - the unsent count (cases with an outbox entry, as the outbox screen
 *    counts them) equals the number of the phone's cases the server lacks,
 *    holds incomplete, or holds at other content than the phone's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { GENESIS_HASH, auditEventHash } from '../../server/audit/audit-log';
import { CaseRecord } from '../../src/domain';
import { canonicalJson } from '../../src/domain/manifest';

/** What the checker needs of a running (or stopped) server: its data folder. */
export interface InvariantServer {
  dataDir: string;
}

export interface ServerSnapshot {
  cases: Map<
    string,
    { manifestHash: string; version: number; body: string; photos: string[]; rows: number }
  >;
  /** sha256 → file size, for every blob whose bytes hash to its name. */
  blobs: Map<string, number>;
  problems: string[];
}

export interface PhoneSnapshot {
  cases: { id: string; row: unknown }[];
  photos: { sha256: string; caseId: string; intact: boolean }[];
  outbox: { key: string; kind: string; entityId: string; caseId: string; status: string }[];
  receipts: { caseId: string; manifestHash: string; complete: boolean; version: number }[];
}

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

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** Reads the server's data folder: SQLite read-only and every blob hashed. */
export function readServer(server: InvariantServer): ServerSnapshot {
  const problems: string[] = [];
  const blobs = new Map<string, number>();
  for (const file of walk(join(server.dataDir, 'blobs', 'sha256'))) {
    const name = file.split('/').pop() ?? '';
    const bytes = readFileSync(file);
    const actual = sha256(bytes);
    if (actual !== name) problems.push(`server blob ${name} holds bytes hashing to ${actual}`);
    else if (blobs.has(name)) problems.push(`server holds blob ${name} twice`);
    else blobs.set(name, bytes.length);
    const expected = join(name.slice(0, 2), name.slice(2, 4), name);
    if (!file.endsWith(expected)) problems.push(`server blob ${name} stored at ${file}`);
  }

  const cases: ServerSnapshot['cases'] = new Map();
  const sqlite = new Database(join(server.dataDir, 'kuaichu.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const rows = sqlite
      .prepare('select id, manifest_hash, manifest_version, body, photos from cases')
      .all() as {
      id: string;
      manifest_hash: string;
      manifest_version: number;
      body: string;
      photos: string;
    }[];
    for (const r of rows) {
      const seen = cases.get(r.id);
      if (seen) {
        seen.rows += 1;
        problems.push(`server holds ${seen.rows} case rows for ${r.id}`);
        continue;
      }
      const photos = (JSON.parse(r.photos) as { sha256: string }[]).map((p) => p.sha256);
      cases.set(r.id, {
        manifestHash: r.manifest_hash,
        version: r.manifest_version,
        body: r.body,
        photos: [...new Set(photos)].sort(),
        rows: 1,
      });
    }
    const versions = sqlite
      .prepare(
        'select case_id, version, count(*) as n from case_versions group by case_id, version having n > 1',
      )
      .all() as { case_id: string; version: number; n: number }[];
    for (const v of versions) {
      problems.push(`server holds ${v.n} versions ${v.version} of case ${v.case_id}`);
    }
    for (const [id, c] of cases) {
      const latest = sqlite
        .prepare('select max(version) as v from case_versions where case_id = ?')
        .get(id) as { v: number | null };
      if (latest.v !== c.version) {
        problems.push(`case ${id}: current version ${c.version}, latest stored ${latest.v}`);
      }
    }
    const photoRows = sqlite.prepare('select sha256, case_id, byte_length from photos').all() as {
      sha256: string;
      case_id: string;
      byte_length: number;
    }[];
    for (const p of photoRows) {
      const size = blobs.get(p.sha256);
      if (size === undefined) problems.push(`server photo row ${p.sha256} has no (sound) blob`);
      else if (size !== p.byte_length) {
        problems.push(`server photo ${p.sha256}: row says ${p.byte_length} bytes, blob ${size}`);
      }
    }
    const audit = sqlite
      .prepare(
        'select id, at, actor, action, subject, details, prev_hash, hash from audit_events order by id',
      )
      .all() as {
      id: number;
      at: string;
      actor: string;
      action: string;
      subject: string;
      details: string;
      prev_hash: string;
      hash: string;
    }[];
    let prev = GENESIS_HASH;
    for (const [i, e] of audit.entries()) {
      if (e.id !== i + 1 || e.prev_hash !== prev || auditEventHash(e) !== e.hash) {
        problems.push(`audit chain broken at event ${e.id}`);
        break;
      }
      prev = e.hash;
    }
  } finally {
    sqlite.close();
  }
  return { cases, blobs, problems };
}

/** Reads the page's IndexedDB (the page must be on the app's origin). */
export async function readPhone(page: Page): Promise<PhoneSnapshot> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kuaichu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const cases = await all<{ id: string }>('cases');
    const photos = await all<{ sha256: string; caseId: string; blob: Blob }>('photos');
    const outbox = await all<{
      key: string;
      kind: string;
      entityId: string;
      caseId: string;
      status: string;
    }>('outbox');
    const receipts = await all<{
      caseId: string;
      receipt: { manifestHash: string; complete: boolean; manifestVersion: number };
    }>('receipts');
    db.close();
    const hex = (buf: ArrayBuffer) =>
      Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
    return {
      cases: cases.map((row) => ({ id: row.id, row })),
      photos: await Promise.all(
        photos.map(async (p) => ({
          sha256: p.sha256,
          caseId: p.caseId,
          intact:
            hex(await crypto.subtle.digest('SHA-256', await p.blob.arrayBuffer())) === p.sha256,
        })),
      ),
      outbox: outbox.map(({ key, kind, entityId, caseId, status }) => ({
        key,
        kind,
        entityId,
        caseId,
        status,
      })),
      receipts: receipts.map((r) => ({
        caseId: r.caseId,
        manifestHash: r.receipt.manifestHash,
        complete: r.receipt.complete,
        version: r.receipt.manifestVersion,
      })),
    };
  });
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
export async function checkInvariants(
  page: Page,
  server: InvariantServer,
): Promise<InvariantReport> {
  const phone = await readPhone(page);
  const report = compare(readServer(server), phone);
  if (report.problems.length > 0) {
    throw new Error(`H5 invariants broken:\n  ${report.problems.join('\n  ')}`);
  }
  return report;
}

/** Unfinished tus uploads left on the server (files under `uploads/` without `.json`). */
export function partialUploads(server: InvariantServer): { id: string; bytes: number }[] {
  const dir = join(server.dataDir, 'uploads');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .map((f) => ({ id: f, bytes: statSync(join(dir, f)).size }));
}
