import { describe, expect, it } from 'vitest';
import { RETRY_CEILINGS_MS, RETRY_FOR_MS, nextRetryAt, retryCeiling } from './schedule';

const created = new Date('2026-11-27T09:30:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);

describe('retry schedule', () => {
  it('grows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 20 h, then stays at 20 h', () => {
    const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30].map((n) => retryCeiling(n) / 3_600_000);
    expect(hours).toEqual([5 / 3600, 5 / 60, 0.5, 2, 5, 10, 10, 14, 20, 20, 20]);
  });

  it('draws the wait between the floor and the ceiling (full jitter)', () => {
    expect(nextRetryAt(created, at(0), 2, 0.5)).toEqual(at(150_000));
    expect(nextRetryAt(created, at(0), 2, 0.999_999)?.getTime()).toBeLessThan(
      at(RETRY_CEILINGS_MS[1] ?? 0).getTime(),
    );
    expect(nextRetryAt(created, at(0), 1, 0)).toEqual(at(1000));
    expect(nextRetryAt(created, at(0), 1, Number.NaN)).toEqual(at(1000));
    expect(nextRetryAt(created, at(0), 3, 7)).toEqual(at(30 * 60_000));
  });

  it('keeps retrying until three days have passed since the delivery was made, then gives up', () => {
    expect(nextRetryAt(created, at(RETRY_FOR_MS), 9, 0.5)).toEqual(at(RETRY_FOR_MS + 36_000_000));
    expect(nextRetryAt(created, at(RETRY_FOR_MS + 1), 9, 0.5)).toBeUndefined();
  });

  it('with the largest draws spans more than three days before giving up', () => {
    let t = created;
    let failures = 0;
    for (;;) {
      failures += 1;
      const next = nextRetryAt(created, t, failures, 0.999_999);
      if (!next) break;
      t = next;
    }
    expect(t.getTime() - created.getTime()).toBeGreaterThan(RETRY_FOR_MS);
    // The first attempt and ten retries: the eleventh failure is past three days.
    expect(failures).toBe(11);
  });
});
