import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../platform/hash/sha256';
import { decodeScale, fitWithin, stampLayout } from './photo-pipeline';

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

describe('decodeScale', () => {
  it.each([
    // A 12 MP frame for a 2048 px photo: 5/8 (4/8 would be 2000 px, below it).
    [4000, 3000, 2048, 1536, 2500, 1875],
    [4032, 3024, 2048, 1536, 2520, 1890],
    // A turned photo asks in the frame's own orientation.
    [3000, 4000, 1536, 2048, 1875, 2500],
    // Already small: 1/8 is enough; a target as large as the frame decodes it whole.
    [8000, 6000, 1000, 750, 1000, 750],
    [2048, 1536, 2048, 1536, 2048, 1536],
  ])('%i × %i for %i × %i: %i × %i', (w, h, tw, th, ew, eh) => {
    expect(decodeScale({ width: w, height: h }, { width: tw, height: th })).toEqual({
      width: ew,
      height: eh,
    });
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
