/**
 * The server as the browser tests check it: through its API as a demo user
 * (sign-in token, a case as the officer sees it, the admin's one write: the
 * brigade's five-fast targets; the reviewer's approval of a case and the
 * insurer's packet list), and straight from its data
 * folder, never through its API, so a bug in a route cannot hide a bug in
 * storage (the SQLite file opened read-only, every blob hashed, unfinished
 * uploads, audit events).
 */
import { DEMO_BRIGADE } from '../../server/demo';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { GENESIS_HASH, auditEventHash } from '../../server/audit/audit-log';
import type { AuditEventRow } from '../../server/db/schema';

/** The demo users' password (`KUAICHU_DEMO=1`). */
export const DEMO_PASSWORD = 'kuaichu-demo-2026';

/** Signs a demo user in through the API; returns the bearer token. */
export async function login(serverUrl: string, username = 'demo-officer'): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** The demo admin sets the demo brigade's five-fast targets through the API (other tests add brigades). */
export async function setBrigadeTargets(
  serverUrl: string,
  targets: Readonly<Record<string, number>>,
): Promise<void> {
  const headers = {
    authorization: `Bearer ${await login(serverUrl, 'demo-admin')}`,
    'content-type': 'application/json',
  };
  const list = await fetch(`${serverUrl}/api/admin/brigades`, { headers });
  const brigade = (
    (await list.json()) as { brigades: { id: string; name: string }[] }
  ).brigades.find((b) => b.name === DEMO_BRIGADE);
  const res = await fetch(`${serverUrl}/api/admin/brigades/${brigade!.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ targets }),
  });
  expect(res.status).toBe(200);
}

/** What the server holds for a case, asked as the same officer through the API. */
export async function serverCase(
  serverUrl: string,
  caseId: string,
  /** Who asks (the demo officer's unit by default; the reviewer sees the brigade's). */
  username = 'demo-officer',
): Promise<{ status: number; photos: string[]; complete?: boolean; version?: number }> {
  const token = await login(serverUrl, username);
  const res = await fetch(`${serverUrl}/api/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) return { status: res.status, photos: [] };
  const body = (await res.json()) as {
    photos: { sha256: string }[];
    receipt: { complete: boolean; manifestVersion: number };
  };
  return {
    status: 200,
    photos: body.photos.map((p) => p.sha256).sort(),
    complete: body.receipt.complete,
    version: body.receipt.manifestVersion,
  };
}

/** A JSON call of the server's API with a bearer token; answers the status and the body. */
async function callApi(
  serverUrl: string,
  token: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${serverUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * A case's timeline as `username` (the brigade's reviewer by default) reads
 * it through the API: each event's kind, detail and who.
 */
export async function caseTimelineOf(
  serverUrl: string,
  caseId: string,
  username = 'demo-reviewer',
): Promise<{ kind: string; detail?: string; by?: { name: string; role?: string } }[]> {
  const token = await login(serverUrl, username);
  const res = await callApi(serverUrl, token, `/api/cases/${caseId}/timeline`);
  expect(res.status).toBe(200);
  return (res.body as { events: { kind: string; detail?: string; by?: { name: string } }[] })
    .events;
}

/** The accident squad's reviewer approves a case through the API (its packets go out). */
export async function approveCase(serverUrl: string, caseId: string): Promise<void> {
  const token = await login(serverUrl, 'demo-reviewer');
  const res = await callApi(serverUrl, token, `/api/cases/${caseId}/actions`, { action: 'review' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The packet of a case in the insurer's list (`demo-insurer` by default), if it has one. */
export async function insurerPacketOf(
  serverUrl: string,
  caseId: string,
  username = 'demo-insurer',
): Promise<{ status: string; insuredPlates: string[] } | undefined> {
  const token = await login(serverUrl, username);
  const res = await callApi(serverUrl, token, '/api/packets');
  expect(res.status).toBe(200);
  const { packets } = res.body as {
    packets: { caseId: string; status: string; insuredPlates: string[] }[];
  };
  return packets.find((p) => p.caseId === caseId);
}

/**
 * The user name of a staff member of the insurer with `code` (e.g. PINGAN,
 * which has no demo account): made once by the demo admin through the admin
 * API, with the demo password, and found again by a later call.
 */
export async function insurerUser(serverUrl: string, code: string): Promise<string> {
  const username = `e2e-insurer-${code.toLowerCase()}`;
  const admin = await login(serverUrl, 'demo-admin');
  const users = await callApi(serverUrl, admin, '/api/admin/users');
  const known = (users.body as { users: { username: string }[] }).users;
  if (known.some((u) => u.username === username)) return username;
  const insurers = await callApi(serverUrl, admin, '/api/admin/insurers');
  const insurer = (insurers.body as { insurers: { id: string; code: string }[] }).insurers.find(
    (i) => i.code === code,
  );
  if (!insurer) throw new Error(`no insurer ${code} on the server`);
  const created = await callApi(serverUrl, admin, '/api/admin/users', {
    username,
    displayName: `${code} 理赔员`,
    role: 'insurer',
    insurerId: insurer.id,
    password: DEMO_PASSWORD,
  });
  expect(created.status).toBe(201);
  return username;
}

/** What the data-folder checks need of a running (or stopped) server. */
export interface ServerData {
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

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** The server's database, opened read-only for `read`. */
function withDatabase<T>(server: ServerData, read: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'kuaichu.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Reads the server's data folder, and lists what is wrong in it:
 *  - one `cases` row per id, one `case_versions` row per (id, version);
 *  - one stored object per photo hash, and every blob's bytes hash to its name;
 *  - every `photos` row has its blob, of the recorded length;
 *  - the audit chain verifies.
 */
export function readServer(server: ServerData): ServerSnapshot {
  const problems: string[] = [];
  // The database first, the blobs after: a blob is stored before any row
  // names it, so a row read here has its blob on disk by the time the blobs
  // are walked, even while another test file uploads to the same server.
  const { cases, photoRows } = withDatabase(server, (sqlite) => {
    const cases = readCases(sqlite, problems);
    const photoRows = readPhotoRows(sqlite);
    checkAuditChain(sqlite, problems);
    return { cases, photoRows };
  });
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
  checkPhotoRows(photoRows, blobs, problems);
  return { cases, blobs, problems };
}

function readCases(sqlite: Database.Database, problems: string[]): ServerSnapshot['cases'] {
  const cases: ServerSnapshot['cases'] = new Map();
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
  return cases;
}

interface PhotoRow {
  sha256: string;
  case_id: string;
  byte_length: number;
}

const readPhotoRows = (sqlite: Database.Database) =>
  sqlite.prepare('select sha256, case_id, byte_length from photos').all() as PhotoRow[];

function checkPhotoRows(
  photoRows: readonly PhotoRow[],
  blobs: ReadonlyMap<string, number>,
  problems: string[],
): void {
  for (const p of photoRows) {
    const size = blobs.get(p.sha256);
    if (size === undefined) problems.push(`server photo row ${p.sha256} has no (sound) blob`);
    else if (size !== p.byte_length) {
      problems.push(`server photo ${p.sha256}: row says ${p.byte_length} bytes, blob ${size}`);
    }
  }
}

function checkAuditChain(sqlite: Database.Database, problems: string[]): void {
  const audit = sqlite
    .prepare(
      'select id, at, actor, action, subject, details, prev_hash, hash from audit_events order by id',
    )
    .all() as AuditEventRow[];
  let prev = GENESIS_HASH;
  for (const [i, e] of audit.entries()) {
    if (e.id !== i + 1 || e.prev_hash !== prev || auditEventHash(e) !== e.hash) {
      problems.push(`audit chain broken at event ${e.id}`);
      break;
    }
    prev = e.hash;
  }
}

/** Audit events about a subject (e.g. `case.*` events with the case id as subject). */
export function auditEventCount(server: ServerData, subject: string): number {
  return withDatabase(
    server,
    (db) =>
      (
        db.prepare('select count(*) as n from audit_events where subject = ?').get(subject) as {
          n: number;
        }
      ).n,
  );
}

/** Unfinished tus uploads left on the server (files under `uploads/` without `.json`). */
export function partialUploads(server: ServerData): { id: string; bytes: number }[] {
  const dir = join(server.dataDir, 'uploads');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .map((f) => ({ id: f, bytes: statSync(join(dir, f)).size }));
}

/**
 * Deletes every unfinished upload of the server, as its sweep of stale
 * uploads does once they are old (server/uploads/upload-sweep.ts, which its
 * own tests show deletes exactly these files); answers the ids deleted.
 */
export function sweepPartialUploads(server: ServerData): string[] {
  const dir = join(server.dataDir, 'uploads');
  const ids = partialUploads(server).map((u) => u.id);
  for (const id of ids) {
    for (const file of [id, `${id}.json`]) rmSync(join(dir, file), { force: true });
  }
  return ids;
}

/**
 * Moves the delivery of a case's packets that wait for their call-back back
 * by `minutes`, as if they had arrived that long ago: the running server has
 * no clock a test may move, and a browser test waits for nothing by the
 * clock. The only write a browser test makes to the data folder.
 */
export function backdatePackets(server: ServerData, caseId: string, minutes: number): number {
  const db = new Database(join(server.dataDir, 'kuaichu.sqlite'), {
    fileMustExist: true,
    timeout: 5000,
  });
  try {
    const claims = db
      .prepare(
        'SELECT id, delivered_at FROM claims WHERE case_id = ? AND acknowledged_at IS NULL AND superseded_at IS NULL',
      )
      .all(caseId) as { id: string; delivered_at: string }[];
    const move = db.prepare('UPDATE claims SET delivered_at = ? WHERE id = ?');
    for (const c of claims) {
      move.run(new Date(Date.parse(c.delivered_at) - minutes * 60_000).toISOString(), c.id);
    }
    return claims.length;
  } finally {
    db.close();
  }
}
