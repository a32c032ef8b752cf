// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useWhenReady } from './useWhenReady';

describe('useWhenReady', () => {
  it('runs the action at once when the service is there', () => {
    const { result } = renderHook(() => useWhenReady('sync'));
    const ran: string[] = [];
    act(() => result.current((s) => ran.push(s)));
    expect(ran).toEqual(['sync']);
  });

  it('keeps an action asked for while the service loads and runs it once it has loaded', () => {
    const { result, rerender } = renderHook(({ s }) => useWhenReady(s), {
      initialProps: { s: null as string | null },
    });
    const ran: string[] = [];
    act(() => result.current((s) => ran.push(s)));
    expect(ran).toEqual([]);
    rerender({ s: 'sync' });
    expect(ran).toEqual(['sync']);
    // Once only: a later render does not run it again.
    rerender({ s: 'sync' });
    expect(ran).toEqual(['sync']);
  });
});
