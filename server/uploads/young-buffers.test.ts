import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { PerformanceEntry } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { receivedBytes, SCAVENGE_EVERY_BYTES } from './young-buffers';

let observer: PerformanceObserver | undefined;
afterEach(() => observer?.disconnect());

/** The kinds of the collections V8 runs from now on. */
function collections(): number[] {
  const kinds: number[] = [];
  observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[])
      kinds.push(entry.detail?.kind ?? -1);
  });
  observer.observe({ entryTypes: ['gc'] });
  return kinds;
}

describe('young upload buffers', () => {
  it('asks V8 for a scavenge once a few MiB of request bodies came in', async () => {
    const kinds = collections();
    receivedBytes(SCAVENGE_EVERY_BYTES - 1);
    receivedBytes(1);
    await expect
      .poll(() => kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR), { timeout: 5000 })
      .toBe(true);
  });

  it('leaves the app’s own global without a gc function', () => {
    receivedBytes(SCAVENGE_EVERY_BYTES);
    expect('gc' in globalThis).toBe(false);
  });
});
