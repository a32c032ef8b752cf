/**
 * Ingest benchmark (`npm run bench`): the real server on loopback, a real
 * SQLite file and blob folder in a temp directory.
 *  - case PUTs: distinct signed cases (3 held photos each, so every PUT
 *    verifies a signature and re-hashes its photos), `concurrency` in flight;
 *    PUTs per second and p50/p99 latency; then the same for idempotent replays;
 *  - photo uploads: 5 MB photos through tus-js-client, MB/s, against a raw
 *    `fs.copyFile` of the same bytes on the same disk;
 *  - raw SQLite: one-row transactions with the server's pragmas (WAL,
 *    synchronous FULL) on the same disk, commits per second, the ceiling a
 *    PUT-per-commit server can reach.
 * Run alone: `npx tsx -e "import('./bench/ingest.ts').then(m => m.benchIngest()).then(console.log)"`.
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import * as tus from 'tus-js-client';
import { buildApp } from '../server/app';
import { createBrigade, createUnit, createUser } from '../server/auth/accounts';
import { enrolDevice } from '../server/auth/devices';
import { createSession } from '../server/auth/sessions';
import { createFsBlobStore } from '../server/blobs/fs-blob-store';
import { insuredCase } from '../server/case-fixtures';
import { recordPhotoHolder } from '../server/cases/photo-holders';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { makeDeviceKey, makePhoto, signedCaseBody } from '../server/test-device';
import type { CasePutRequest } from '../src/contracts/cases';

export interface IngestOptions {
  cases?: number;
  concurrency?: number;
  photoUploads?: number;
  photoBytes?: number;
}

export interface LatencyFigures {
  requests: number;
  concurrency: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface IngestFigures {
  rawSqlite: { commits: number; commitsPerSecond: number };
  /** New case PUTs per second ÷ raw SQLite commits per second. */
  casePutVsRawSqlite: number;
  casePut: LatencyFigures;
  casePutReplay: LatencyFigures;
  photoUpload: {
    photos: number;
    bytesEach: number;
    tusMBps: number;
    fileCopyMBps: number;
    tusVsCopy: number;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function timed(jobs: (() => Promise<void>)[], concurrency: number): Promise<LatencyFigures> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        await job?.();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: jobs.length,
    concurrency,
    perSecond: round(jobs.length / seconds),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
  };
}

export async function benchIngest(options: IngestOptions = {}): Promise<IngestFigures> {
  const { cases = 300, concurrency = 8, photoUploads = 5, photoBytes = 5 * 1024 * 1024 } = options;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-bench-'));
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  try {
    await migrateToLatest(db);
    const blobs = await createFsBlobStore(path.join(dir, 'blobs'));
    const at = new Date();
    const brigade = await createBrigade(db, 'Bench brigade', at);
    const unit = await createUnit(
      db,
      { brigadeId: brigade, name: 'Bench patrol', kind: 'patrol-squad' },
      at,
    );
    const officer = await createUser(
      db,
      {
        username: 'bench',
        displayName: 'Bench',
        role: 'officer',
        unitId: unit.id,
        password: 'long enough test pw',
      },
      'bench',
      at,
      { N: 1024, r: 8, p: 1 },
    );
    const key = await makeDeviceKey();
    const { device } = await enrolDevice(
      db,
      { userId: officer.id, label: 'bench', publicKeyJwk: key.publicKeyJwk },
      at,
    );
    const { token } = await createSession(db, officer.id, at);
    const app = buildApp(
      {
        staticDir: path.join(dir, 'dist'),
        logLevel: 'silent',
        uploadDir: path.join(dir, 'uploads'),
      },
      { db, blobs, version: 'bench', logger: false },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const bodies: CasePutRequest[] = [];
      for (let i = 0; i < cases; i++) {
        const c = insuredCase(`bench-${i}`, 3);
        for (const p of c.photos) {
          const put = await blobs.put(p.bytes);
          await recordPhotoHolder(db, { userId: officer.id, unitId: unit.id }, put.sha256, at);
        }
        bodies.push(
          await signedCaseBody({
            record: c.record,
            photos: c.photos.map((p) => p.meta),
            deviceId: device.id,
            key,
          }),
        );
      }
      const putJob = (body: CasePutRequest) => async () => {
        const res = await fetch(`${base}/api/cases/${body.case.id}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (res.status !== 200) throw new Error(`PUT answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      };
      const casePut = await timed(bodies.map(putJob), concurrency);
      const casePutReplay = await timed(bodies.map(putJob), concurrency);
      const photoUpload = await benchUploads(base, token, dir, photoUploads, photoBytes);
      const rawSqlite = rawSqliteCommits(path.join(dir, 'raw.sqlite'), 1000);
      return {
        rawSqlite,
        casePutVsRawSqlite: round(casePut.perSecond / rawSqlite.commitsPerSecond, 3),
        casePut,
        casePutReplay,
        photoUpload,
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** One-row transactions with the server's pragmas (server/db/database.ts). */
function rawSqliteCommits(file: string, commits: number) {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const one = db.transaction((body: string) => insert.run(body));
    const t0 = performance.now();
    for (let i = 0; i < commits; i++) one(`case ${i}`);
    return { commits, commitsPerSecond: round(commits / ((performance.now() - t0) / 1000)) };
  } finally {
    db.close();
  }
}

async function benchUploads(
  base: string,
  token: string,
  dir: string,
  count: number,
  bytes: number,
) {
  const photos = Array.from({ length: count }, (_, i) =>
    makePhoto('0190a000-0000-7000-8000-0000000b0000', `bench-upload-${i}`, 'overview', bytes),
  );
  let t0 = performance.now();
  for (const photo of photos) {
    await new Promise<void>((resolve, reject) => {
      new tus.Upload(photo.bytes, {
        endpoint: `${base}/api/uploads/`,
        headers: { authorization: `Bearer ${token}` },
        metadata: { sha256: photo.meta.sha256, caseId: photo.meta.caseId },
        onSuccess: () => resolve(),
        onError: reject,
      }).start();
    });
  }
  const tusSeconds = (performance.now() - t0) / 1000;
  const sources = await Promise.all(
    photos.map(async (photo, i) => {
      const file = path.join(dir, `copy-src-${i}`);
      await fs.writeFile(file, photo.bytes);
      return file;
    }),
  );
  t0 = performance.now();
  for (const [i, file] of sources.entries()) {
    await fs.copyFile(file, path.join(dir, `copy-dst-${i}`));
    const handle = await fs.open(path.join(dir, `copy-dst-${i}`), 'r+');
    await handle.sync(); // the blob store fsyncs too
    await handle.close();
  }
  const copySeconds = (performance.now() - t0) / 1000;
  const mb = (count * bytes) / (1024 * 1024);
  return {
    photos: count,
    bytesEach: bytes,
    tusMBps: round(mb / tusSeconds),
    fileCopyMBps: round(mb / copySeconds),
    tusVsCopy: round(copySeconds / tusSeconds, 3),
  };
}
