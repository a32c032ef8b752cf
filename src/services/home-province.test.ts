import { afterEach, describe, expect, it, vi } from 'vitest';
import { readHomeProvince } from './home-province';

function storageWith(saved: string | null) {
  vi.stubGlobal('localStorage', { getItem: () => saved, setItem: () => undefined });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the brigade plate province setting', () => {
  it('is 蒙 until set', () => {
    storageWith(null);
    expect(readHomeProvince()).toBe('蒙');
  });

  it('is what the brigade set', () => {
    storageWith('川');
    expect(readHomeProvince()).toBe('川');
  });

  it('falls back to 蒙 for a stored value that is not a province', () => {
    storageWith('XX');
    expect(readHomeProvince()).toBe('蒙');
  });
});
