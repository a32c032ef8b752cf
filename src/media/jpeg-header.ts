/**
 * Reads a JPEG's frame size and EXIF orientation from its header, without
 * decoding it, so the pipeline knows the displayed size before it decodes and
 * can ask the decoder for the final size at once.
 */

export interface JpegHeader {
  /** Stored (sensor) size, before the orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when absent or unreadable). */
  orientation: number;
}

const SOF_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/** The header of the JPEG in `bytes`, or null when it is not a readable JPEG. */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const body = at + 4;
    if (marker === 0xe1) orientation = exifOrientation(view, body, length - 2) ?? orientation;
    if (SOF_MARKERS.has(marker) && length >= 7) {
      const height = view.getUint16(body + 1);
      const width = view.getUint16(body + 3);
      return width > 0 && height > 0 ? { width, height, orientation } : null;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan before any frame header
    at += 2 + length;
  }
  return null;
}

/** The orientation tag (0x0112) of an APP1 "Exif" segment's first IFD, if any. */
function exifOrientation(view: DataView, start: number, length: number): number | null {
  const exif = 0x45786966; // "Exif"
  if (length < 14 || view.getUint32(start) !== exif || view.getUint16(start + 4) !== 0) return null;
  const tiff = start + 6;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  const end = start + length;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return null;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (view.getUint16(entry, little) !== 0x0112) continue;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** The displayed size: orientations 5–8 turn the image a quarter, swapping its sides. */
export function orientedSize(header: JpegHeader): { width: number; height: number } {
  return header.orientation >= 5
    ? { width: header.height, height: header.width }
    : { width: header.width, height: header.height };
}
