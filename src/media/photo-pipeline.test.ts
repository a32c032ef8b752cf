import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../platform/hash/sha256';
import { fitWithin, stampLayout } from './photo-pipeline';

describe('fitWithin', () => {
  it.each([
    [4000, 3000, 2048, { width: 2048, height: 1536 }],
    [3000, 4000, 2048, { width: 1536, height: 2048 }],
    [1024, 768, 2048, { width: 1024, height: 768 }],
    [2048, 2048, 2048, { width: 2048, height: 2048 }],
    [10000, 10, 2048, { width: 2048, height: 2 }],
  ])('%i×%i within %i → %o', (w, h, max, expected) => {
    expect(fitWithin(w, h, max)).toEqual(expected);
  });
});

describe('sha256Hex', () => {
  it('matches the published digest of "abc"', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('stampLayout', () => {
  it('grows with the image and the number of lines, with a readable minimum', () => {
    expect(stampLayout(400, 300, 3).fontPx).toBe(14);
    const big = stampLayout(2048, 1536, 3);
    expect(big.fontPx).toBe(38);
    expect(big.bandHeight).toBeGreaterThan(3 * big.fontPx);
  });
});
