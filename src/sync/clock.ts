/**
 * Time for the sync runner: the current time and one-shot timers. The app
 * uses the system clock; tests use `manualClock`, which moves only when told,
 * so backoff is driven deterministically, never waited for.
 */
export interface SyncClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` after `ms`; answers a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export interface ManualClock extends SyncClock {
  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void;
  /** When the earliest pending timer fires, if any. */
  nextTimerAt(): number | undefined;
}

export function manualClock(start = Date.parse('2026-11-27T02:00:00.000Z')): ManualClock {
  let t = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    setTimer(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: t + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
    advance(ms) {
      const until = t + ms;
      // Bounded: each round fires at least one timer or stops.
      for (let round = 0; round < 10_000; round++) {
        const next = [...timers].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next || next[1].at > until) break;
        timers.delete(next[0]);
        t = Math.max(t, next[1].at);
        next[1].fn();
      }
      t = until;
    },
    nextTimerAt() {
      const ats = [...timers.values()].map((x) => x.at);
      return ats.length ? Math.min(...ats) : undefined;
    },
  };
}
