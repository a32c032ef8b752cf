import { describe, expect, it, vi } from 'vitest';
import { runWhenIdle } from './later';

/** A window whose load and idle periods the test hands out. */
function fakeWindow(readyState: DocumentReadyState) {
  const idle: (() => void)[] = [];
  let onLoad: (() => void) | undefined;
  const win = {
    document: { readyState },
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'load') onLoad = listener;
    },
    setTimeout: (cb: () => void) => {
      idle.push(cb);
      return 0;
    },
    requestIdleCallback: (cb: () => void) => idle.push(cb),
  };
  const flush = async () => {
    await new Promise((r) => setTimeout(r, 0));
    while (idle.length) {
      idle.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return {
    win: win as unknown as Parameters<typeof runWhenIdle>[3],
    load: () => onLoad?.(),
    flush,
  };
}

describe('runWhenIdle', () => {
  it('runs nothing before the first view and the page have loaded', async () => {
    const { win, load, flush } = fakeWindow('loading');
    const step = vi.fn();
    let ready!: () => void;
    const after = new Promise<void>((r) => (ready = r));
    const done = runWhenIdle(after, [step], () => true, win);
    await flush();
    expect(step).not.toHaveBeenCalled();
    ready();
    await flush();
    expect(step).not.toHaveBeenCalled();
    load();
    await flush();
    await done;
    expect(step).toHaveBeenCalledOnce();
  });

  it('runs the steps in order, one idle period each, past one that fails', async () => {
    const { win, flush } = fakeWindow('complete');
    const order: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const done = runWhenIdle(
      Promise.resolve(),
      [
        () => order.push('sync'),
        () => {
          throw new Error('probe failed');
        },
        () => order.push('service worker'),
      ],
      () => true,
      win,
    );
    await flush();
    await done;
    expect(order).toEqual(['sync', 'service worker']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('stops once the app is no longer live', async () => {
    const { win, flush } = fakeWindow('complete');
    let live = true;
    const second = vi.fn();
    const done = runWhenIdle(Promise.resolve(), [() => (live = false), second], () => live, win);
    await flush();
    await done;
    expect(second).not.toHaveBeenCalled();
  });
});
