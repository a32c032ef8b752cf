import { describe, expect, it, vi } from 'vitest';
import { pollLoop } from './dispatcher';

const HOUR = 3_600_000;

describe('pollLoop', () => {
  it('runs again at once when kicked during a pass, even one that ends before a timer could fire', async () => {
    let passes = 0;
    const loop = pollLoop(async () => {
      passes += 1;
      // Kicked from inside the pass: it ends a microtask later, before any timer.
      if (passes === 1) loop.kick();
      return false;
    }, HOUR);
    loop.start();
    await vi.waitFor(() => expect(passes).toBe(2), 2_000);
    await loop.stop();
  });

  it('runs once per kick when idle, and not again until the next poll', async () => {
    let passes = 0;
    const loop = pollLoop(() => Promise.resolve(++passes > 0 && false), HOUR);
    loop.start();
    await vi.waitFor(() => expect(passes).toBe(1), 2_000);
    loop.kick();
    await vi.waitFor(() => expect(passes).toBe(2), 2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(passes).toBe(2);
    await loop.stop();
  });
});
