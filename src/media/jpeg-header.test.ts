import { describe, expect, it } from 'vitest';
import { withExifOrientation } from '../../tests/builders/exif.builder';
import { orientedSize, readJpegHeader } from './jpeg-header';

/** A minimal JPEG header: SOI, an APP0, a baseline frame header of `w`×`h`, then a scan. */
function jpegHeaderBytes(w: number, h: number): Uint8Array {
  return new Uint8Array([
    ...[0xff, 0xd8],
    ...[0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46],
    ...[0xff, 0xff], // a fill byte before the next marker
    ...[0xff, 0xc0, 0x00, 0x0b, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x01, 0x01, 0x11, 0x00],
    ...[0xff, 0xda, 0x00, 0x02],
  ]);
}

describe('readJpegHeader', () => {
  it('reads the frame size, orientation 1 without EXIF', () => {
    expect(readJpegHeader(jpegHeaderBytes(4000, 3000))).toEqual({
      width: 4000,
      height: 3000,
      orientation: 1,
    });
  });

  it.each([
    [6, 'MM' as const],
    [8, 'II' as const],
    [3, 'II' as const],
  ])('reads EXIF orientation %i (%s byte order)', (orientation, order) => {
    const bytes = withExifOrientation(jpegHeaderBytes(4000, 3000), orientation, order);
    expect(readJpegHeader(bytes)).toEqual({ width: 4000, height: 3000, orientation });
  });

  it('refuses what is not a JPEG or ends before its frame header', () => {
    expect(readJpegHeader(new TextEncoder().encode('\x89PNG\r\n'))).toBeNull();
    expect(readJpegHeader(jpegHeaderBytes(40, 30).subarray(0, 12))).toBeNull();
    expect(readJpegHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBeNull();
  });
});

describe('orientedSize', () => {
  it('swaps the sides for the quarter turns (5–8) only', () => {
    expect(orientedSize({ width: 4000, height: 3000, orientation: 6 })).toEqual({
      width: 3000,
      height: 4000,
    });
    expect(orientedSize({ width: 4000, height: 3000, orientation: 3 })).toEqual({
      width: 4000,
      height: 3000,
    });
  });
});
