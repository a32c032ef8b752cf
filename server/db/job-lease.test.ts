import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTempServerFixture } from '../test-support';
import type { TempServerFixture } from '../test-support';
import { claimJob, releaseJob, renewJob, scheduleJob } from './job-lease';

let fx: TempServerFixture;
beforeEach(async () => {
  fx = await openTempServerFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-12-07T01:00:00.000Z');
const after = (ms: number) => new Date(t0.getTime() + ms);
const job = (holder: string) => ({ db: fx.db, name: 'blob-scrub', holder, leaseMs: 60_000 });

describe('job leases', () => {
  it('gives a due job to one process of two ticking at once', async () => {
    const taken = await Promise.all([claimJob(job('a'), t0, DAY), claimJob(job('b'), t0, DAY)]);

    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the job while its holder renews; a killed holder’s lease runs out for another', async () => {
    expect(await claimJob(job('a'), t0, DAY)).toBe(true);
    expect(await renewJob(job('a'), after(50_000))).toBe(true);
    expect(await claimJob(job('b'), after(100_000), DAY)).toBe(false);

    // a stops renewing (killed): its lease ends at 110 s
    expect(await claimJob(job('b'), after(110_000), DAY)).toBe(true);
    expect(await renewJob(job('a'), after(111_000))).toBe(false);
  });

  it('is not due again until the interval has passed since it finished; a failed run is due at once', async () => {
    await claimJob(job('a'), t0, DAY);
    await releaseJob(job('a'), after(1000), true);
    expect(await claimJob(job('b'), after(DAY), DAY)).toBe(false);
    expect(await claimJob(job('b'), after(DAY + 1000), DAY)).toBe(true);

    await releaseJob(job('b'), after(DAY + 2000), false);
    expect(await claimJob(job('a'), after(DAY + 3000), DAY)).toBe(true);
  });
});

describe('scheduleJob', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('looks after the first delay, then again after each look; results and failures go their ways', async () => {
    vi.useFakeTimers();
    const answers: (number | undefined | Error)[] = [7, undefined, new Error('disk gone'), 9];
    const results: number[] = [];
    const errors: unknown[] = [];
    let looks = 0;
    const stop = scheduleJob(
      () => {
        looks += 1;
        const next = answers.shift();
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
      { firstDelayMs: 1000, checkMs: 100 },
      (r) => results.push(r),
      (e) => errors.push(e),
    );

    await vi.advanceTimersByTimeAsync(999);
    expect(looks).toBe(0);
    await vi.advanceTimersByTimeAsync(1 + 100 + 100);
    expect([looks, results, errors.length]).toEqual([3, [7], 1]);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(looks).toBe(3);
  });
});
