/**
 * Review queue benchmark (`npm run bench`): 5,000 cases of one brigade
 * (bodies from server/case-fixtures.ts, queue columns by the server's own
 * code) seeded straight into a fresh SQLite file in one transaction, then
 * `GET /api/review/queue` through `app.inject` as a reviewer of that brigade:
 * the first page with the default filters, the first page of cases with any
 * signal ("needs me"), and page 150. Each 30 times after 5 warm-up calls;
 * median and p95, and their ratio to the 200 ms limit.
 * Run alone: `npx tsx -e "import('./bench/review-queue.ts').then(m => m.benchReviewQueue()).then(console.log)"`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { createBrigade, createUnit, createUser } from '../server/auth/accounts';
import { createSession } from '../server/auth/sessions';
import { createFsBlobStore } from '../server/blobs/fs-blob-store';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedQueueCases } from '../server/queue-seed';
import { QueueResponse } from '../src/contracts/review';

/** The queue must answer within this. */
export const QUEUE_LIMIT_MS = 200;

export interface QueueTiming {
  query: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** p95 over the limit: below 1 is within it. */
  p95OverLimit: number;
  items: number;
  total: number;
}

export interface ReviewQueueFigures {
  cases: number;
  officers: number;
  units: number;
  seedSeconds: number;
  limitMs: number;
  timings: QueueTiming[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function benchReviewQueue(
  cases = 5000,
  runs = 30,
  warmUp = 5,
): Promise<ReviewQueueFigures> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-bench-queue-'));
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  try {
    await migrateToLatest(db);
    const at = new Date();
    const cost = { N: 1024, r: 8, p: 1 };
    const brigade = await createBrigade(db, '示范县公安局交警大队', at);
    const squad = await createUnit(
      db,
      { brigadeId: brigade, name: '事故中队', kind: 'accident-squad' },
      at,
    );
    const officers: { id: string; unitId: string }[] = [];
    const units = 3;
    for (let u = 0; u < units; u++) {
      const unit = await createUnit(
        db,
        { brigadeId: brigade, name: `第${u + 1}中队`, kind: 'patrol-squad' },
        at,
      );
      for (let o = 0; o < 8; o++) {
        const officer = await createUser(
          db,
          {
            username: `officer-${u}-${o}`,
            displayName: `民警${u}${o}`,
            role: 'officer',
            unitId: unit.id,
            password: 'long enough bench pw',
          },
          'bench',
          at,
          cost,
        );
        officers.push({ id: officer.id, unitId: unit.id });
      }
    }
    const reviewer = await createUser(
      db,
      {
        username: 'reviewer',
        displayName: '审核员',
        role: 'reviewer',
        unitId: squad.id,
        password: 'long enough bench pw',
      },
      'bench',
      at,
      cost,
    );
    const { token } = await createSession(db, reviewer.id, at);
    const t0 = performance.now();
    await seedQueueCases(db, officers, cases);
    const seedSeconds = round((performance.now() - t0) / 1000, 2);
    const app = buildApp(
      {
        staticDir: path.join(dir, 'dist'),
        logLevel: 'silent',
        uploadDir: path.join(dir, 'uploads'),
      },
      {
        db,
        blobs: await createFsBlobStore(path.join(dir, 'blobs')),
        version: 'bench',
        logger: false,
      },
    );
    await app.ready();
    try {
      const timings: QueueTiming[] = [];
      for (const query of ['', '?signal=any', '?page=150']) {
        const call = async () => {
          const res = await app.inject({
            url: `/api/review/queue${query}`,
            headers: { authorization: `Bearer ${token}` },
          });
          if (res.statusCode !== 200)
            throw new Error(`queue answered ${res.statusCode}: ${res.body}`);
          return QueueResponse.parse(res.json());
        };
        for (let i = 0; i < warmUp; i++) await call();
        const latencies: number[] = [];
        let last: QueueResponse | undefined;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          last = await call();
          latencies.push(performance.now() - start);
        }
        latencies.sort((a, b) => a - b);
        const p95 = percentile(latencies, 95);
        timings.push({
          query: query || '(default)',
          runs,
          medianMs: round(percentile(latencies, 50), 2),
          p95Ms: round(p95, 2),
          p95OverLimit: round(p95 / QUEUE_LIMIT_MS, 3),
          items: last?.items.length ?? 0,
          total: last?.total ?? 0,
        });
      }
      return {
        cases,
        officers: officers.length,
        units,
        seedSeconds,
        limitMs: QUEUE_LIMIT_MS,
        timings,
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
