/**
 * Ingest on PostgreSQL with two API processes (issue 15), beside the SQLite
 * figures of ingest.ts: a throw-away PostgreSQL cluster with fsync on
 * (server/test-postgres.ts, `durable`), two `server/main.ts` processes on it
 * and one data folder, and distinct signed new cases (3 held photos each) PUT
 * at 8 and 64 connections split evenly over the two processes (one client
 * worker per process). Reports PUTs per second and p50/p99 latency. Answers
 * `skipped` with the reason when PostgreSQL is not installed.
 * Run alone: `npx tsx -e "import('./bench/ingest-postgres.ts').then(m => m.benchIngestPostgres()).then(console.log)"`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createBrigade, createUnit, createUser } from '../server/auth/accounts';
import { enrolDevice } from '../server/auth/devices';
import { createSession } from '../server/auth/sessions';
import { findPostgresBin } from '../server/backup/postgres-programs';
import { createFsBlobStore } from '../server/blobs/fs-blob-store';
import { storeHeldPhotos } from './held-photos';
import { insuredCase } from '../server/case-fixtures';
import { openDatabase } from '../server/db/database';
import type { Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { makeDeviceKey, signedCaseBody } from '../server/test-device';
import { startThrowawayPostgres } from '../server/test-postgres';
import { startApiProcess } from '../server/test-processes';
import type { ApiProcess } from '../server/test-processes';
import { putFromWorker } from './ingest-client';
import type { LatencyFigures } from './ingest';

export type PostgresIngestFigures =
  { skipped: string } | { processes: number; casePut: LatencyFigures[] };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** An officer with an enrolled device and a session, as ingest.ts seeds one. */
async function seedOfficer(db: Db, at: Date) {
  const brigade = await createBrigade(db, 'Bench brigade', at);
  const unit = await createUnit(
    db,
    { brigadeId: brigade, name: 'Bench patrol', kind: 'patrol-squad' },
    at,
  );
  const user = {
    username: 'bench',
    displayName: 'Bench',
    role: 'officer' as const,
    unitId: unit.id,
  };
  const officer = await createUser(db, { ...user, password: 'long enough test pw' }, 'bench', at, {
    N: 1024,
    r: 8,
    p: 1,
  });
  const key = await makeDeviceKey();
  const enrolment = { userId: officer.id, label: 'bench', publicKeyJwk: key.publicKeyJwk };
  const { device } = await enrolDevice(db, enrolment, at);
  const { token } = await createSession(db, officer.id, at);
  return { officer, unit, key, device, token };
}

type Officer = Awaited<ReturnType<typeof seedOfficer>>;

/** A new case whose photos are held (as a tus upload leaves them), signed: its PUT. */
async function newCase(db: Db, blobsDir: string, o: Officer, i: number, at: Date) {
  const blobs = await createFsBlobStore(blobsDir);
  const c = insuredCase(`bench-pg-${i}`, 3);
  await storeHeldPhotos(db, blobs, { userId: o.officer.id, unitId: o.unit.id }, c, at);
  const photos = c.photos.map((p) => p.meta);
  const body = await signedCaseBody({
    record: c.record,
    photos,
    deviceId: o.device.id,
    key: o.key,
  });
  return { path: `/api/cases/${body.case.id}`, body: JSON.stringify(body) };
}

/** `requests` split over the processes, each with its own client worker; one set of figures. */
async function timedPuts(
  processes: ApiProcess[],
  token: string,
  requests: { path: string; body: string }[],
  concurrency: number,
): Promise<LatencyFigures> {
  const share = (k: number) => requests.filter((_, i) => i % processes.length === k);
  const runs = await Promise.all(
    processes.map((p, k) =>
      putFromWorker({
        base: p.url,
        token,
        requests: share(k),
        concurrency: concurrency / processes.length,
      }),
    ),
  );
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = Math.max(...runs.map((r) => r.seconds));
  return {
    requests: requests.length,
    concurrency,
    perSecond: round(requests.length / seconds),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
  };
}

export async function benchIngestPostgres(
  options: { cases?: number; concurrency?: number[] } = {},
): Promise<PostgresIngestFigures> {
  const { cases = 300, concurrency = [8, 64] } = options;
  if (findPostgresBin() === undefined)
    return { skipped: 'PostgreSQL is not installed (no pg_ctl)' };
  const cluster = await startThrowawayPostgres({ durable: true });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-bench-pg-'));
  const processes: ApiProcess[] = [];
  const url = new URL(cluster.url);
  url.pathname = '/kuaichu_bench';
  const db = openDatabase({ dialect: 'postgres', url: url.href, poolSize: 2 });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database kuaichu_bench');
    await admin.end();
    await migrateToLatest(db);
    const at = new Date();
    const officer = await seedOfficer(db, at);
    const env = {
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dir,
      DATABASE_URL: url.href,
      LOG_LEVEL: 'warn',
    };
    processes.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));
    const casePut: LatencyFigures[] = [];
    for (const [n, c] of concurrency.entries()) {
      const requests = [];
      for (let i = 0; i < cases; i++)
        requests.push(await newCase(db, path.join(dir, 'blobs'), officer, n * cases + i, at));
      casePut.push(await timedPuts(processes, officer.token, requests, c));
    }
    return { processes: processes.length, casePut };
  } finally {
    for (const p of processes) await p.kill();
    await db.destroy();
    await cluster.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
