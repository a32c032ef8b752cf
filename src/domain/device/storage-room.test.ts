import { describe, expect, it } from 'vitest';
import { MIN_FREE_BYTES_FOR_NEW_CASE as MIN, roomForNewCase } from './storage-room';

describe('roomForNewCase', () => {
  it.each([
    [
      'plenty of room',
      { usageBytes: 0, quotaBytes: 10 * MIN },
      false,
      { ok: true, freeBytes: 10 * MIN },
    ],
    [
      'exactly the floor',
      { usageBytes: MIN, quotaBytes: 2 * MIN },
      false,
      { ok: true, freeBytes: MIN },
    ],
    [
      'below the floor',
      { usageBytes: MIN + 1, quotaBytes: 2 * MIN },
      false,
      { ok: false, reason: 'low-space', freeBytes: MIN - 1 },
    ],
    ['no estimate at all', null, false, { ok: true, freeBytes: null }],
    [
      'a write failed, whatever the estimate',
      { usageBytes: 0, quotaBytes: 10 * MIN },
      true,
      { ok: false, reason: 'write-failed', freeBytes: 10 * MIN },
    ],
    [
      'usage over quota',
      { usageBytes: 3 * MIN, quotaBytes: 2 * MIN },
      false,
      { ok: false, reason: 'low-space', freeBytes: 0 },
    ],
  ] as const)('%s', (_name, estimate, failed, expected) => {
    expect(roomForNewCase(estimate, failed)).toEqual(expected);
  });
});
