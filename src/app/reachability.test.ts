import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isUnreachable, onRegained, setUnreachable } from '../ui/useOnline';
import {
  FIRST_RETRY_MS,
  RETRY_MS,
  retryDelay,
  watchReachability,
  type ProbeEnv,
} from './reachability';

function fakeEnv(answers: ('answer' | 'no-network' | 'http-500')[]) {
  const targets = new EventTarget();
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  doc.visibilityState = 'visible';
  const calls: string[] = [];
  const env: ProbeEnv = {
    fetch: vi.fn((url: RequestInfo | URL) => {
      calls.push(String(url));
      const answer = answers.shift() ?? 'answer';
      return answer === 'no-network'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(new Response('{}', { status: answer === 'http-500' ? 500 : 200 }));
    }) as unknown as typeof fetch,
    window: targets as unknown as ProbeEnv['window'],
    document: doc as unknown as ProbeEnv['document'],
    navigator: { onLine: true },
  };
  return { env, calls, window: targets, document: doc };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

/** A return kept for a first listener is consumed by subscribing once. */
const forgetKeptReturn = () => onRegained(() => undefined)();

beforeEach(() => {
  vi.useFakeTimers();
  setUnreachable(false);
  forgetKeptReturn();
});
afterEach(() => {
  vi.useRealTimers();
  setUnreachable(false);
});

describe('watchReachability', () => {
  it('calls the phone offline when the server cannot be reached, though the browser says online', async () => {
    const { env, calls } = fakeEnv(['no-network']);
    const stop = watchReachability(env);
    await settle();
    expect(calls).toEqual(['/api/health']);
    expect(isUnreachable()).toBe(true);
    stop();
  });

  it('waits 2 s, then twice as long each time, at most RETRY_MS', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 20_000, 20_000, 20_000,
    ]);
  });

  it('asks again soon while unreachable, then less often, and stops asking once the server answers', async () => {
    const { env, calls } = fakeEnv(['no-network', 'no-network', 'answer']);
    const regains = vi.fn();
    const unsubscribe = onRegained(regains);
    const stop = watchReachability(env);
    await settle();
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(isUnreachable()).toBe(true);
    expect(regains).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS * 2);
    expect(isUnreachable()).toBe(false);
    // The link's return is told once (the sync runner starts afresh on it).
    expect(regains).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(RETRY_MS * 3);
    expect(calls).toHaveLength(3);
    unsubscribe();
    stop();
  });

  it('counts any HTTP answer, even an error, as a working network', async () => {
    const { env } = fakeEnv(['http-500']);
    const stop = watchReachability(env);
    await settle();
    expect(isUnreachable()).toBe(false);
    stop();
  });

  it('asks again when the browser says online and when the app comes back to the foreground', async () => {
    const { env, calls, window, document } = fakeEnv(['answer', 'no-network', 'answer']);
    const stop = watchReachability(env);
    await settle();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(isUnreachable()).toBe(true);
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(isUnreachable()).toBe(false);
    expect(calls).toHaveLength(3);
    stop();
  });

  it('asks nothing when the browser knows it is offline, and nothing after it is stopped', async () => {
    const { env, calls, window } = fakeEnv([]);
    const navigator = env.navigator as { onLine: boolean };
    navigator.onLine = false;
    const stop = watchReachability(env);
    await settle();
    expect(calls).toEqual([]);
    navigator.onLine = true;
    stop();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(calls).toEqual([]);
  });

  it('keeps a return that came before the sync code listened, and tells its first listener once', async () => {
    const { env, window } = fakeEnv(['answer']);
    const navigator = env.navigator as { onLine: boolean };
    navigator.onLine = false;
    const stop = watchReachability(env);
    await settle();
    navigator.onLine = true;
    window.dispatchEvent(new Event('online'));
    await settle();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = onRegained(first);
    const offSecond = onRegained(second);
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    offFirst();
    offSecond();
    stop();
  });

  it('keeps nothing when the browser was never offline, nor when a listener heard the return', async () => {
    const never = fakeEnv(['answer']);
    const stopNever = watchReachability(never.env);
    await settle();
    const late = vi.fn();
    const offLate = onRegained(late);
    await settle();
    expect(late).not.toHaveBeenCalled();
    offLate();
    stopNever();

    const heard = fakeEnv(['no-network', 'answer']);
    const listener = vi.fn();
    const offListener = onRegained(listener);
    const stopHeard = watchReachability(heard.env);
    await settle();
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    expect(listener).toHaveBeenCalledTimes(1);
    offListener();
    const after = vi.fn();
    const offAfter = onRegained(after);
    await settle();
    expect(after).not.toHaveBeenCalled();
    offAfter();
    stopHeard();
  });
});
