/**
 * Ingest benchmark (`npm run bench`): the real server on loopback, a real
 * SQLite file and blob folder in a temp directory.
 *  - case PUTs: distinct signed cases (3 held photos each, so every PUT
 *    verifies a signature and checks its photos' sizes), sent from a worker
 *    thread (ingest-client.ts) 8 and then 32 at a time; PUTs per second and
 *    p50/p99 latency, the group commit's batches; then idempotent replays;
 *  - the stage breakdown (ingest-stages.ts): each CPU stage of a PUT alone;
 *  - photo uploads: 5 MB photos through tus-js-client, MB/s, against a raw
 *    copy of the same bytes on the same disk, durable as an upload's
 *    receipt is (`fs.copyFile` to a new file, its fsync, its folder's
 *    fsync); in rounds, each round the copy, one PATCH per photo, the
 *    app's 512 KiB chunks (the first in the creation POST) and the whole
 *    photo in its creation POST (one request) one after the other, each
 *    ratio taken within its round; each client thread's first upload is
 *    untimed (its cold start, reported apart);
 *  - raw SQLite: one-row transactions with the server's pragmas (WAL,
 *    synchronous FULL) on the same disk, commits per second, the ceiling a
 *    PUT-per-commit server can reach.
 * Run alone: `npx tsx -e "import('./bench/ingest.ts').then(m => m.benchIngest()).then(console.log)"`.
 */
import fs from 'node:fs/promises';
import inspector from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { buildApp } from '../server/app';
import { createGroupCommitter } from '../server/db/group-commit';
import { createBrigade, createUnit, createUser } from '../server/auth/accounts';
import { enrolDevice } from '../server/auth/devices';
import { createSession } from '../server/auth/sessions';
import { createFsBlobStore } from '../server/blobs/fs-blob-store';
import { storeHeldPhotos } from './held-photos';
import { insuredCase } from '../server/case-fixtures';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { makeDeviceKey, makePhoto, signedCaseBody } from '../server/test-device';
import { putFromWorker, uploadFromWorker, type PutLoad, type PutTimings } from './ingest-client';
import { ingestStages, type StageMicros } from './ingest-stages';

export interface IngestOptions {
  /** Distinct new cases sent at each concurrency. */
  cases?: number;
  /** Rounds of the upload comparison (copy, one PATCH, app PATCHes). */
  uploadRounds?: number;
  concurrency?: number[];
  photoUploads?: number;
  photoBytes?: number;
  /** Open-loop runs: new cases offered at this rate (per second) by each concurrency's connections; 0 skips them. */
  pacedRate?: number;
  /** Distinct new cases in each open-loop run. */
  pacedCases?: number;
  /** Most PUTs per transaction; 1 turns group commit off (for comparison). */
  maxBatch?: number;
  /** false: each batch's COMMIT fsyncs on the event loop (`synchronous = FULL`), for comparison. */
  walSync?: boolean;
  /**
   * A folder for CPU profiles of the server's thread during the timed new PUTs
   * (`puts-<concurrency>.cpuprofile`, Chrome DevTools' format; summarise with
   * `node bench/cpu-profile-summary.mjs <file>`).
   */
  profileDir?: string;
}

export interface LatencyFigures {
  requests: number;
  concurrency: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the server's thread per request (Linux; Node 20 has no per-thread CPU clock). */
  serverCpuMs?: number;
  /** CPU time of the whole process per request: the server's thread, the clients' worker, fsyncs, GC. */
  processCpuMs?: number;
}

export interface IngestFigures {
  /** The 1, 5 and 15 minute load averages when the run started and ended. */
  loadAverage: { start: number[]; end: number[] };
  rawSqlite: { commits: number; commitsPerSecond: number };
  /** New case PUTs per second (the first concurrency) ÷ raw SQLite commits per second. */
  casePutVsRawSqlite: number;
  casePut: LatencyFigures;
  /** The same at each further concurrency (32 by default). */
  casePutMore: (LatencyFigures & { vsRawSqlite: number })[];
  /**
   * Open loop: new cases offered at `ratePerSecond` through each concurrency's
   * connections, latency from when each was due (closed-loop clients cannot
   * show latency at a given rate: with 32 of them back to back, Little's law
   * makes the mean latency 32 ÷ throughput, 32 ms at 1,000/s).
   */
  casePutPaced: (LatencyFigures & { ratePerSecond: number })[];
  casePutReplay: LatencyFigures;
  /** Transactions the new PUTs were committed in, and PUTs per transaction. */
  groupCommit: { batches: number; requests: number; meanBatch: number };
  /** Mean µs per PUT of each CPU stage, run alone (ingest-stages.ts). */
  stagesMicros: StageMicros;
  photoUpload: {
    photos: number;
    bytesEach: number;
    /** Rounds of copy, one PATCH, app PATCHes, one request; the MB/s are over all rounds, the ratios each round's median. */
    rounds: number;
    /** Each photo in one PATCH. */
    tusMBps: number;
    fileCopyMBps: number;
    tusVsCopy: number;
    /** Each round's ratios (tus in one PATCH, in the app's chunks, in one request, to that round's copy). */
    roundRatios: { tus: number; tusAppChunks: number; tusOneRequest: number }[];
    /** The app's chunk (src/api/tus-upload.ts, UPLOAD_CHUNK_BYTES): the first in the creation POST, the rest in PATCHes. */
    appChunkBytes: number;
    tusAppChunksMBps: number;
    tusAppChunksVsCopy: number;
    /** Each photo in its creation POST (creation-with-upload): one request, no PATCH. */
    tusOneRequestMBps: number;
    tusOneRequestVsCopy: number;
    /** Median of a fresh client thread's first upload, untimed in the figures above (ms). */
    coldFirstUploadMs: number;
  };
}

/** The app's tus chunk (UPLOAD_CHUNK_BYTES in src/api/tus-upload.ts, which imports tus-js-client's browser build). */
const APP_CHUNK_BYTES = 512 * 1024;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function figures(
  load: PutLoad,
  timings: PutTimings,
  cpuMs?: number,
  processCpuMs?: number,
): LatencyFigures {
  const latencies = [...timings.latencies].sort((a, b) => a - b);
  const requests = load.requests.length;
  return {
    requests,
    concurrency: load.concurrency,
    perSecond: round(requests / timings.seconds),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    ...(cpuMs === undefined ? {} : { serverCpuMs: round(cpuMs / requests, 2) }),
    ...(processCpuMs === undefined ? {} : { processCpuMs: round(processCpuMs / requests, 2) }),
  };
}

/** CPU milliseconds this process's main thread has used (the server's; the clients run in a worker). */
async function mainThreadCpuMs(): Promise<number | undefined> {
  try {
    // Nanoseconds on a CPU, the first field (Linux with schedstats; ticks of 10 ms otherwise, below).
    const schedstat = await fs.readFile(`/proc/self/task/${process.pid}/schedstat`, 'utf8');
    const ns = Number(schedstat.split(' ')[0]);
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // no schedstat: the clock ticks below
  }
  try {
    const stat = await fs.readFile(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime, in clock ticks of 10 ms), after the parenthesised name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function timedPuts(load: PutLoad): Promise<LatencyFigures> {
  const cpuBefore = await mainThreadCpuMs();
  const processBefore = process.cpuUsage();
  const timings = await putFromWorker(load);
  const processUsed = process.cpuUsage(processBefore);
  const cpuAfter = await mainThreadCpuMs();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return figures(load, timings, cpu, (processUsed.user + processUsed.system) / 1000);
}

export async function benchIngest(options: IngestOptions = {}): Promise<IngestFigures> {
  const {
    cases = 300,
    concurrency = [8, 32],
    photoUploads = 5,
    photoBytes = 5 * 1024 * 1024,
    pacedRate = 1000,
    pacedCases = 600,
  } = options;
  const loadStart = os.loadavg().map((n) => round(n, 2));
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
    const commits = createGroupCommitter(db, {
      maxBatch: options.maxBatch,
      walSync: options.walSync,
    });
    const app = buildApp(
      {
        staticDir: path.join(dir, 'dist'),
        logLevel: 'silent',
        uploadDir: path.join(dir, 'uploads'),
      },
      { db, blobs, version: 'bench', logger: false, commits },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const newCase = async (i: number) => {
        const c = insuredCase(`bench-${i}`, 3);
        await storeHeldPhotos(db, blobs, { userId: officer.id, unitId: unit.id }, c, at);
        const record = c.record;
        const photos = c.photos.map((p) => p.meta);
        const body = await signedCaseBody({ record, photos, deviceId: device.id, key });
        return { path: `/api/cases/${body.case.id}`, body: JSON.stringify(body) };
      };
      let made = 0;
      const newCases = async (count: number) => {
        const requests = [];
        for (let i = 0; i < count; i++) requests.push(await newCase(made++));
        return requests;
      };
      const loads: PutLoad[] = [];
      for (const c of concurrency)
        loads.push({ base, token, requests: await newCases(cases), concurrency: c });
      const pacedLoads: PutLoad[] = [];
      for (const c of pacedRate > 0 ? concurrency : []) {
        const requests = await newCases(pacedCases);
        pacedLoads.push({ base, token, requests, concurrency: c, ratePerSecond: pacedRate });
      }
      const puts: LatencyFigures[] = [];
      for (const load of loads) {
        const profiled = options.profileDir
          ? profiling(options.profileDir, `puts-${load.concurrency}`, () => timedPuts(load))
          : timedPuts(load);
        puts.push(await profiled);
      }
      const batches = commits.stats();
      const casePutPaced = [];
      for (const load of pacedLoads)
        casePutPaced.push({ ...(await timedPuts(load)), ratePerSecond: pacedRate });
      const [first, ...more] = loads;
      if (!first) throw new Error('no concurrency to measure');
      const casePutReplay = await timedPuts(first);
      const stagesMicros = await ingestStages(
        first.requests.map((r) => r.body),
        JSON.stringify(key.publicKeyJwk),
        { db, unitId: unit.id },
      );
      const uploads = () =>
        benchUploads(base, token, dir, {
          count: photoUploads,
          bytes: photoBytes,
          rounds: options.uploadRounds ?? 3,
        });
      const photoUpload = await (options.profileDir
        ? profiling(options.profileDir, 'uploads', uploads)
        : uploads());
      const rawSqlite = rawSqliteCommits(path.join(dir, 'raw.sqlite'), 1000);
      const vsRaw = (f: LatencyFigures) => round(f.perSecond / rawSqlite.commitsPerSecond, 3);
      const casePut = puts[0] as LatencyFigures;
      return {
        loadAverage: { start: loadStart, end: os.loadavg().map((n) => round(n, 2)) },
        rawSqlite,
        casePutVsRawSqlite: vsRaw(casePut),
        casePut,
        casePutMore: puts.slice(1, more.length + 1).map((f) => ({ ...f, vsRawSqlite: vsRaw(f) })),
        casePutPaced,
        casePutReplay,
        groupCommit: { ...batches, meanBatch: round(batches.requests / batches.batches, 1) },
        stagesMicros,
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

/** Runs `measure` with this thread's CPU profiler on; writes the profile to `<dir>/<name>.cpuprofile`. */
async function profiling<T>(dir: string, name: string, measure: () => Promise<T>): Promise<T> {
  const session = new inspector.Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const result = await measure();
    const { profile } = await session.post('Profiler.stop');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    return result;
  } finally {
    session.disconnect();
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

/** The raw copy an upload is measured against: each file copied, fsynced, and its folder fsynced. */
async function durableCopies(dir: string, sources: string[]): Promise<number> {
  await fs.mkdir(dir);
  const t0 = performance.now();
  for (const [i, file] of sources.entries()) {
    const copy = path.join(dir, `copy-${i}`);
    await fs.copyFile(file, copy);
    for (const [name, flags] of [
      [copy, 'r+'],
      [dir, 'r'],
    ] as const) {
      const handle = await fs.open(name, flags);
      await handle.sync();
      await handle.close();
    }
  }
  return (performance.now() - t0) / 1000;
}

async function benchUploads(
  base: string,
  token: string,
  dir: string,
  { count, bytes, rounds }: { count: number; bytes: number; rounds: number },
) {
  // One more than timed: the first warms the client thread (uploadFromWorker).
  const made = (run: string) =>
    Array.from({ length: count + 1 }, (_, i) =>
      makePhoto('0190a000-0000-7000-8000-0000000b0000', `bench-${run}-${i}`, 'overview', bytes),
    );
  // Distinct bytes for each run: bytes the store holds already are not written again.
  const load = (run: ReturnType<typeof made>, chunkSize: number, withCreation = false) => ({
    base,
    token,
    chunkSize,
    withCreation,
    photos: run.map((p) => ({
      bytes: p.bytes,
      metadata: { sha256: p.meta.sha256, caseId: p.meta.caseId },
    })),
  });
  const seconds = { copy: 0, tus: 0, chunked: 0, oneRequest: 0 };
  const roundRatios: { tus: number; tusAppChunks: number; tusOneRequest: number }[] = [];
  const firsts: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const sources = await Promise.all(
      made(`copy-${round}`)
        .slice(1)
        .map(async (photo, i) => {
          const file = path.join(dir, `copy-src-${round}-${i}`);
          await fs.writeFile(file, photo.bytes);
          return file;
        }),
    );
    const copy = await durableCopies(path.join(dir, `copies-${round}`), sources);
    const timed = (upload: { seconds: number; first: number }) => {
      firsts.push(upload.first);
      return upload.seconds;
    };
    const tus = timed(
      await uploadFromWorker(load(made(`upload-${round}`), Number.POSITIVE_INFINITY)),
    );
    // As the app sends a photo: its first chunk in the creation POST, the rest in PATCHes.
    const chunked = timed(
      await uploadFromWorker(load(made(`chunked-${round}`), APP_CHUNK_BYTES, true)),
    );
    const oneRequest = timed(
      await uploadFromWorker(load(made(`one-request-${round}`), Number.POSITIVE_INFINITY, true)),
    );
    seconds.copy += copy;
    seconds.tus += tus;
    seconds.chunked += chunked;
    seconds.oneRequest += oneRequest;
    roundRatios.push({
      tus: round3(copy / tus),
      tusAppChunks: round3(copy / chunked),
      tusOneRequest: round3(copy / oneRequest),
    });
  }
  const mb = (rounds * count * bytes) / (1024 * 1024);
  const median = (pick: (r: (typeof roundRatios)[number]) => number) =>
    percentile(
      roundRatios.map(pick).sort((a, b) => a - b),
      50,
    );
  return {
    photos: count,
    bytesEach: bytes,
    rounds,
    tusMBps: round(mb / seconds.tus),
    fileCopyMBps: round(mb / seconds.copy),
    tusVsCopy: median((r) => r.tus),
    appChunkBytes: APP_CHUNK_BYTES,
    tusAppChunksMBps: round(mb / seconds.chunked),
    tusAppChunksVsCopy: median((r) => r.tusAppChunks),
    tusOneRequestMBps: round(mb / seconds.oneRequest),
    tusOneRequestVsCopy: median((r) => r.tusOneRequest),
    coldFirstUploadMs: percentile(
      firsts.map((f) => round(f * 1000, 1)).sort((a, b) => a - b),
      50,
    ),
    roundRatios,
  };
}

const round3 = (n: number) => round(n, 3);
