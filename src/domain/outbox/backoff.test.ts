import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  BACKOFF_FLOOR_MS,
  RETRY_AFTER_CAP_MS,
  backoffCeiling,
  nextAttemptAt,
  retryAfterMs,
} from './backoff';

const NOW = Date.parse('2026-11-27T02:00:00.000Z');

describe('nextAttemptAt', () => {
  it.each([
    [1, 0.5, 1_000],
    [2, 0.5, 2_000],
    [3, 0.5, 4_000],
    [4, 0.999, 15_984],
    [9, 0.5, 150_000],
    [30, 0.999, 299_700],
    [1, 0, BACKOFF_FLOOR_MS],
  ])('after %i failures with draw %f waits %i ms', (attempts, random, delay) => {
    expect(nextAttemptAt(attempts, NOW, random) - NOW).toBe(delay);
  });

  it('honours Retry-After in seconds and as an HTTP date, never sooner', () => {
    expect(nextAttemptAt(1, NOW, 0.1, '120') - NOW).toBe(120_000);
    const date = new Date(NOW + 90_000).toUTCString();
    expect(nextAttemptAt(1, NOW, 0.1, date) - NOW).toBe(90_000);
  });

  it('keeps its own backoff when that is later than Retry-After', () => {
    expect(nextAttemptAt(10, NOW, 0.9, '1') - NOW).toBe(270_000);
  });

  it('caps an absurd Retry-After and ignores an unreadable one', () => {
    expect(nextAttemptAt(1, NOW, 0.5, String(7 * 24 * 3600)) - NOW).toBe(RETRY_AFTER_CAP_MS);
    expect(nextAttemptAt(1, NOW, 0.5, 'soon-ish 42') - NOW).toBe(1_000);
    expect(nextAttemptAt(1, NOW, 0.5, '-5') - NOW).toBe(1_000);
  });

  it('clamps draws outside [0, 1)', () => {
    expect(nextAttemptAt(3, NOW, 7) - NOW).toBe(8_000);
    expect(nextAttemptAt(3, NOW, -1) - NOW).toBe(BACKOFF_FLOOR_MS);
    expect(nextAttemptAt(3, NOW, Number.NaN) - NOW).toBe(BACKOFF_FLOOR_MS);
  });

  it('always waits between the floor and the cap without Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, random) => {
          const delay = nextAttemptAt(attempts, NOW, random) - NOW;
          expect(delay).toBeGreaterThanOrEqual(BACKOFF_FLOOR_MS);
          expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS);
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it('with Retry-After waits at least that long (up to the sane cap) and never past the larger cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 10 * 24 * 3600 }),
        (attempts, random, seconds) => {
          const delay = nextAttemptAt(attempts, NOW, random, String(seconds)) - NOW;
          expect(delay).toBeGreaterThanOrEqual(Math.min(seconds * 1000, RETRY_AFTER_CAP_MS));
          expect(delay).toBeLessThanOrEqual(Math.max(BACKOFF_CAP_MS, RETRY_AFTER_CAP_MS));
        },
      ),
    );
  });

  it('is non-decreasing in expectation: the mean over the same draws never falls as failures grow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.integer({ min: 1, max: 40 }),
        (draws, attempts) => {
          const mean = (n: number) =>
            draws.reduce((sum, r) => sum + nextAttemptAt(n, NOW, r) - NOW, 0) / draws.length;
          expect(mean(attempts + 1)).toBeGreaterThanOrEqual(mean(attempts));
        },
      ),
    );
  });

  it('has a ceiling that doubles from 2 s up to the 5-minute cap', () => {
    expect([1, 2, 3, 4, 8, 9, 100].map(backoffCeiling)).toEqual([
      2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000,
    ]);
  });
});

describe('retryAfterMs', () => {
  it.each([
    [undefined, undefined],
    ['0', 0],
    [' 30 ', 30_000],
    ['Fri, 27 Nov 2026 02:01:00 GMT', 60_000],
    ['Fri, 27 Nov 2026 01:00:00 GMT', 0],
    ['1.5', undefined],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 0],
    ['Sun Nov 29 02:01:00 2026', 2 * 86_400_000 + 60_000],
    ['', undefined],
  ])('reads %s as %s ms', (value, expected) => {
    expect(retryAfterMs(value, NOW)).toBe(expected);
  });
});
