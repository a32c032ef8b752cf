// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useElapsedMinutes } from './useElapsedMinutes';

const ARRIVED = '2026-11-27T02:00:00.000Z';
const SIGNED = '2026-11-27T02:23:00.000Z';

describe('useElapsedMinutes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T02:10:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());
  const now = () => new Date().toISOString();

  it('counts on while the case is handled', () => {
    const { result } = renderHook(() => useElapsedMinutes(ARRIVED, undefined, now));
    expect(result.current).toBe(10);
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(result.current).toBe(15);
  });

  it('shows the final duration once the handling ended, and stops its timer', () => {
    const { result } = renderHook(() => useElapsedMinutes(ARRIVED, SIGNED, now));
    expect(result.current).toBe(23);
    expect(vi.getTimerCount()).toBe(0);
    act(() => vi.advanceTimersByTime(60 * 60_000));
    expect(result.current).toBe(23);
  });

  it('stops when a running case ends', () => {
    const { result, rerender } = renderHook(
      ({ until }: { until: string | undefined }) => useElapsedMinutes(ARRIVED, until, now),
      { initialProps: { until: undefined as string | undefined } },
    );
    expect(vi.getTimerCount()).toBe(1);
    rerender({ until: SIGNED });
    expect(result.current).toBe(23);
    expect(vi.getTimerCount()).toBe(0);
  });
});
