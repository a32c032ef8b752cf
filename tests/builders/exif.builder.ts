/**
 * JPEG bytes with an EXIF orientation: an APP1 "Exif" segment holding only
 * the orientation tag, put right after the start-of-image marker, as a
 * phone's camera writes it.
 */
export function withExifOrientation(
  jpeg: Uint8Array,
  orientation: number,
  byteOrder: 'MM' | 'II' = 'MM',
): Uint8Array<ArrayBuffer> {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('jpeg: not a JPEG (no SOI)');
  const little = byteOrder === 'II';
  const segment = new Uint8Array(36);
  const view = new DataView(segment.buffer);
  view.setUint16(0, 0xffe1);
  view.setUint16(2, 34); // length, itself included
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
  view.setUint16(10, little ? 0x4949 : 0x4d4d);
  view.setUint16(12, 42, little);
  view.setUint32(14, 8, little); // first IFD right after the TIFF header
  view.setUint16(18, 1, little); // one entry
  view.setUint16(20, 0x0112, little); // Orientation
  view.setUint16(22, 3, little); // SHORT
  view.setUint32(24, 1, little);
  view.setUint16(28, orientation, little);
  view.setUint32(32, 0, little); // no next IFD
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
