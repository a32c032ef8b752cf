/**
 * Packets benchmark (`npm run bench`): the real server on loopback (SQLite
 * file with FULL fsync, the webhook dispatcher started as main.ts starts it)
 * and a receiver on loopback for two insurers, one endpoint each
 * (bench/packet-receiver.ts: answers 200 at once, verifies every delivery
 * with `Webhook.verify`). Every case is covered by both insurers (3 photos).
 *  - throughput: `cases` signed cases stored, then approved by a reviewer
 *    (`concurrency` clients) with the dispatcher running: packets built and
 *    delivered per second from the first approval to the last delivery
 *    received. Then the same split in two on as many other cases: approvals
 *    with the dispatcher stopped (packets built and queued per second), then
 *    the dispatcher started on the full outbox (delivered per second).
 *  - latency: in a brigade whose `packets_on` is `signed`, signed cases PUT
 *    one at a time, from the PUT's start to the receiver getting the first
 *    attempt of each insurer's packet; median, p95, p99 and p99 / 2 s. Paced
 *    (the next case once the last one's packets arrived, as cases minutes
 *    apart) and back to back (the next PUT once the last one answered).
 * Run alone: `npx tsx -e "import('./bench/packets.ts').then(m => m.benchPackets()).then(r => console.log(JSON.stringify(r, null, 2)))"`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { signedInsuredCase } from '../server/case-fixtures';
import { openDatabase } from '../server/db/database';
import type { Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { createFsBlobStore } from '../server/blobs/fs-blob-store';
import type { BlobStore } from '../server/blobs/blob-store';
import { recordPhotoHolder } from '../server/cases/photo-holders';
import { signedCaseBody } from '../server/test-device';
import type { CasePutRequest } from '../src/contracts/cases';
import { startPacketReceiver } from './packet-receiver';
import type { PacketReceiver } from './packet-receiver';
import { seedPacketWorld } from './packet-world';
import type { Officer, PacketWorld } from './packet-world';

/** Case receipt to the first delivery attempt must stay under this (issue 12). */
export const FIRST_ATTEMPT_LIMIT_MS = 2_000;

export interface PacketsOptions {
  cases?: number;
  concurrency?: number;
  latencyCases?: number;
}

export interface Spread {
  samples: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LatencyRun {
  pacing: 'paced' | 'back-to-back';
  cases: number;
  /** PUT start to the first attempt of each insurer's packet received. */
  receiptToFirstAttempt: Spread & { p99OverLimit: number };
  /** The PUT itself (version stored, packets built and queued, answered). */
  put: Spread;
  /** PUT answered to the first attempt received: the dispatcher's part. */
  answeredToFirstAttempt: Spread;
}

export interface PacketsFigures {
  /** The machine's 1-minute load average before and after the run (2 cores shared). */
  loadAverage: { before: number; after: number };
  insurersPerCase: number;
  photosPerCase: number;
  throughput: {
    cases: number;
    packets: number;
    concurrency: number;
    /** First approval to last delivery received, dispatcher running alongside. */
    endToEnd: { seconds: number; packetsPerSecond: number; approvalsPerSecond: number };
    approval: Spread;
    /** Last approval answered to last delivery received. */
    drainAfterLastApprovalMs: number;
    /** The same work split: approvals alone (packets built and queued), then the dispatcher alone. */
    split: { buildPacketsPerSecond: number; deliverPacketsPerSecond: number };
    /** Share of the split's time spent delivering. */
    dispatcherShare: number;
    attempts: number;
  };
  latency: { limitMs: number; runs: LatencyRun[] };
  receiver: { requests: number; verified: number; refused: number; verifies: 'every delivery' };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    medianMs: round(percentile(sorted, 50), 1),
    p95Ms: round(percentile(sorted, 95), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    maxMs: round(sorted.at(-1) ?? 0, 1),
  };
}

/** Runs `jobs` with `concurrency` in flight; answers each one's duration. */
async function inParallel(jobs: (() => Promise<void>)[], concurrency: number): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t0 = performance.now();
        await job();
        durations.push(performance.now() - t0);
      }
    }),
  );
  return durations;
}

interface Bench {
  base: string;
  db: Db;
  blobs: BlobStore;
  world: PacketWorld;
  receiver: PacketReceiver;
}

async function call(bench: Bench, token: string, method: string, url: string, body: unknown) {
  const res = await fetch(`${bench.base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
}

/** Signed case bodies of `officer`, their photos stored and held by the officer's unit. */
async function caseBodies(bench: Bench, officer: Officer, n: number): Promise<CasePutRequest[]> {
  const at = new Date();
  const bodies: CasePutRequest[] = [];
  for (let i = 0; i < n; i++) {
    const c = signedInsuredCase(`bench-packet-${randomUUID()}`, 3);
    for (const p of c.photos) {
      const put = await bench.blobs.put(p.bytes);
      const holder = { userId: officer.id, unitId: officer.unitId };
      await recordPhotoHolder(bench.db, holder, put.sha256, at);
    }
    bodies.push(
      await signedCaseBody({
        record: c.record,
        photos: c.photos.map((p) => p.meta),
        deviceId: officer.deviceId,
        key: officer.key,
      }),
    );
  }
  return bodies;
}

const putCase = (bench: Bench, officer: Officer, body: CasePutRequest) =>
  call(bench, officer.token, 'PUT', `/api/cases/${body.case.id}`, body);

const approve = (bench: Bench, caseId: string) =>
  call(bench, bench.world.reviewer.token, 'POST', `/api/cases/${caseId}/actions`, {
    action: 'review',
    requestId: randomUUID(),
  });

/** Stores `n` signed cases in the reviewing brigade; answers their ids. */
async function storedCases(bench: Bench, n: number): Promise<string[]> {
  const officer = bench.world.reviewing;
  const bodies = await caseBodies(bench, officer, n);
  await inParallel(
    bodies.map((b) => () => putCase(bench, officer, b)),
    8,
  );
  return bodies.map((b) => b.case.id);
}

async function benchThroughput(
  bench: Bench,
  app: { webhooks: { start(): void; stop(): Promise<void> } },
  cases: number,
  concurrency: number,
): Promise<PacketsFigures['throughput']> {
  const insurers = bench.world.insurers.length;
  // Dispatcher running: first approval to last delivery.
  const ids = await storedCases(bench, cases);
  const before = bench.receiver.firstArrival.size;
  const start = performance.now();
  const approvals = await inParallel(
    ids.map((id) => () => approve(bench, id)),
    concurrency,
  );
  const approved = performance.now();
  await bench.receiver.until(before + cases * insurers);
  const end = performance.now();
  // The same work split: build with the dispatcher stopped, then deliver alone.
  const more = await storedCases(bench, cases);
  await app.webhooks.stop();
  const buildStart = performance.now();
  await inParallel(
    more.map((id) => () => approve(bench, id)),
    concurrency,
  );
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const deliverStart = performance.now();
  app.webhooks.start();
  await bench.receiver.until(before + 2 * cases * insurers);
  const deliverSeconds = (performance.now() - deliverStart) / 1000;
  const seconds = (end - start) / 1000;
  const packets = cases * insurers;
  const attempts = await bench.db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    cases,
    packets,
    concurrency,
    endToEnd: {
      seconds: round(seconds, 2),
      packetsPerSecond: round(packets / seconds),
      approvalsPerSecond: round(cases / ((approved - start) / 1000)),
    },
    approval: spread(approvals),
    drainAfterLastApprovalMs: round(end - approved),
    split: {
      buildPacketsPerSecond: round(packets / buildSeconds),
      deliverPacketsPerSecond: round(packets / deliverSeconds),
    },
    dispatcherShare: round(deliverSeconds / (buildSeconds + deliverSeconds), 2),
    attempts: Number(attempts.n),
  };
}

/** The first arrival of each insurer's packet of `caseId`, ms after `t0`. */
async function arrivalsOf(bench: Bench, caseId: string, t0: number): Promise<number[]> {
  const messages = await bench.db
    .selectFrom('webhook_messages')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  if (messages.length !== bench.world.insurers.length)
    throw new Error(`case ${caseId}: ${messages.length} packets queued`);
  return messages.map((m) => {
    const at = bench.receiver.firstArrival.get(m.id);
    if (at === undefined) throw new Error(`packet ${m.id} never arrived`);
    return at - t0;
  });
}

async function benchLatency(
  bench: Bench,
  pacing: LatencyRun['pacing'],
  cases: number,
): Promise<LatencyRun> {
  const officer = bench.world.signing;
  const bodies = await caseBodies(bench, officer, cases);
  const insurers = bench.world.insurers.length;
  const sent: { id: string; t0: number; answered: number }[] = [];
  const before = bench.receiver.firstArrival.size;
  for (const [i, body] of bodies.entries()) {
    const t0 = performance.now();
    await putCase(bench, officer, body);
    sent.push({ id: body.case.id, t0, answered: performance.now() });
    if (pacing === 'paced') await bench.receiver.until(before + (i + 1) * insurers, 30_000);
  }
  await bench.receiver.until(before + cases * insurers);
  const total: number[] = [];
  const afterAnswer: number[] = [];
  for (const s of sent) {
    for (const ms of await arrivalsOf(bench, s.id, s.t0)) {
      total.push(ms);
      afterAnswer.push(ms - (s.answered - s.t0));
    }
  }
  const first = spread(total);
  return {
    pacing,
    cases,
    receiptToFirstAttempt: {
      ...first,
      p99OverLimit: round(first.p99Ms / FIRST_ATTEMPT_LIMIT_MS, 3),
    },
    put: spread(sent.map((s) => s.answered - s.t0)),
    answeredToFirstAttempt: spread(afterAnswer),
  };
}

export async function benchPackets(options: PacketsOptions = {}): Promise<PacketsFigures> {
  const { cases = 300, concurrency = 4, latencyCases = 200 } = options;
  const loadBefore = round(os.loadavg()[0] ?? 0, 2);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-bench-packets-'));
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  const receiver = await startPacketReceiver();
  try {
    await migrateToLatest(db);
    const blobs = await createFsBlobStore(path.join(dir, 'blobs'));
    const world = await seedPacketWorld(db);
    const app = buildApp(
      { staticDir: path.join(dir, 'dist'), logLevel: 'silent', uploadDir: path.join(dir, 'up') },
      { db, blobs, version: 'bench', logger: false },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    app.webhooks.start();
    const bench: Bench = {
      base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      db,
      blobs,
      world,
      receiver,
    };
    try {
      for (const insurer of world.insurers) {
        const res = await fetch(`${bench.base}/api/admin/insurers/${insurer.id}/endpoints`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${world.admin.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ url: receiver.url(insurer.code), allowPrivate: true }),
        });
        if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${await res.text()}`);
        receiver.secrets.set(insurer.code, ((await res.json()) as { secret: string }).secret);
      }
      const throughput = await benchThroughput(bench, app, cases, concurrency);
      const runs = [
        await benchLatency(bench, 'paced', latencyCases),
        await benchLatency(bench, 'back-to-back', latencyCases),
      ];
      return {
        loadAverage: { before: loadBefore, after: round(os.loadavg()[0] ?? 0, 2) },
        insurersPerCase: world.insurers.length,
        photosPerCase: 3,
        throughput,
        latency: { limitMs: FIRST_ATTEMPT_LIMIT_MS, runs },
        receiver: {
          requests: receiver.requests,
          verified: receiver.requests - receiver.refused,
          refused: receiver.refused,
          verifies: 'every delivery',
        },
      };
    } finally {
      await app.close();
    }
  } finally {
    await receiver.close();
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
