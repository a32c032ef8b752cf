/**
 * A short, seeded H6 chaos run (tests/e2e/chaos.ts) inside the normal browser
 * tests: 3 cases × 2 photos, at most 60 s of chaos. The full run (10 × 6,
 * 5 minutes) is `npx tsx tests/e2e/chaos-full.ts`. Set CHAOS_SEED to replay
 * another sequence.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from './chaos';

const SEED = Number(process.env.CHAOS_SEED ?? 1127);

describe('chaos (H6), short', () => {
  it(`every case delivered exactly once after seeded chaos (seed ${SEED})`, async () => {
    const result = await runChaos({ seed: SEED, cases: 3, photosPerCase: 2, maxMs: 60_000 });
    // A capture cut by a browser kill may leave no case; every finished one is delivered.
    expect(result.completed.length).toBeGreaterThan(0);
    expect(result.report.sent).toEqual(expect.arrayContaining(result.completed));
    expect(result.report.unsent).toBe(0);
    expect(result.report.sent.sort()).toEqual([...result.cases].sort());
  }, 150_000);
});
