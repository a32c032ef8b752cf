import type { ClockIds } from './port';

/** A clock that moves only when told, and ids counted from 1. */
export function fakeClockIds(start = '2026-11-27T02:00:00.000Z'): ClockIds & {
  advance(ms: number): void;
} {
  let t = Date.parse(start);
  let n = 0;
  return {
    now: () => new Date(t).toISOString(),
    newId: () => `0190a000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`,
    advance: (ms) => {
      t += ms;
    },
  };
}
