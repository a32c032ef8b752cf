/**
 * The photo pipeline: the original bytes are read and hashed (the hash runs
 * while the image decodes: nothing touches those bytes), the displayed size
 * comes from the JPEG header and its EXIF orientation, and the image is
 * decoded with its orientation applied at about its final size (WebCodecs'
 * `ImageDecoder` at a libjpeg-turbo scale n/8, else `createImageBitmap`
 * resizing), drawn to a long edge of at most 2048 px, stamped with time, place and
 * case number, and encoded as JPEG; the stored bytes are hashed too. Runs in
 * the media worker (see photo.worker.ts), and works wherever OffscreenCanvas
 * does; a file whose header cannot be read is decoded first and then scaled.
 */
import { sha256Hex } from '../platform/hash/sha256';
import { orientedSize, readJpegHeader, type JpegHeader } from './jpeg-header';

export const MAX_EDGE_PX = 2048;
export const JPEG_QUALITY = 0.85;

export interface PhotoJob {
  file: Blob;
  /** Lines burned into the bottom of the image, e.g. time, coordinates, case number. */
  stamp: string[];
  maxEdge?: number;
  quality?: number;
}

export interface ProcessedPhoto {
  blob: Blob;
  sha256: string;
  originalSha256: string;
  width: number;
  height: number;
  byteLength: number;
  /** Where the time went (see `PhotoStages`). */
  stages?: PhotoStages;
  /** Which decoder made it: `ImageDecoder` at a reduced scale, or `createImageBitmap`. */
  decodedBy?: DecodedBy;
}

export type DecodedBy = 'image-decoder' | 'image-bitmap';

/** The size that fits within `maxEdge` on the long side, never enlarging. */
export function fitWithin(width: number, height: number, maxEdge: number) {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Font size and band height for the stamp, in proportion to the image. */
export function stampLayout(width: number, height: number, lines: number) {
  const fontPx = Math.max(14, Math.round(Math.min(width, height) / 40));
  const lineHeight = Math.round(fontPx * 1.3);
  return { fontPx, lineHeight, bandHeight: lineHeight * lines + Math.round(fontPx * 0.8) };
}

export async function processPhoto(job: PhotoJob): Promise<ProcessedPhoto> {
  const clock = stageClock();
  const original = await job.file.arrayBuffer();
  clock.lap('readMs');
  const originalHash = sha256Hex(original);
  const maxEdge = job.maxEdge ?? MAX_EDGE_PX;
  const image = await decodeScaled(job.file, original, maxEdge);
  clock.lap('decodeMs');
  try {
    const size = fitWithin(image.width, image.height, maxEdge);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(image.source, 0, 0, size.width, size.height);
    drawStamp(ctx, size.width, size.height, job.stamp);
    clock.lap('drawMs');
    const blob = await canvas.convertToBlob({
      type: 'image/jpeg',
      quality: job.quality ?? JPEG_QUALITY,
    });
    clock.lap('encodeMs');
    // A Blob never changes: the one stored is the one whose bytes are hashed.
    const sha256 = await sha256Hex(await blob.arrayBuffer());
    const originalSha256 = await originalHash;
    clock.lap('hashMs');
    const { width, height } = size;
    return {
      blob,
      sha256,
      originalSha256,
      width,
      height,
      byteLength: blob.size,
      stages: clock.stages,
      decodedBy: image.by,
    };
  } finally {
    image.close();
  }
}

/** A decoded image, turned as shown (its EXIF orientation applied when drawn), and its shown size. */
interface Decoded {
  by: DecodedBy;
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

const fromBitmap = (bitmap: ImageBitmap): Decoded => ({
  by: 'image-bitmap',
  source: bitmap,
  width: bitmap.width,
  height: bitmap.height,
  close: () => bitmap.close(),
});

/**
 * The image with its orientation applied, at about the size it will be
 * stored when the JPEG header tells it, else whole. Where WebCodecs'
 * `ImageDecoder` is there, libjpeg-turbo decodes straight at the smallest
 * scale n/8 not below the stored size (DCT scaling: 5/8 of a 12 MP frame,
 * about 40 % fewer pixels to decode, and no separate resize pass); else
 * `createImageBitmap` decodes the whole frame and resizes it.
 */
async function decodeScaled(file: Blob, bytes: ArrayBuffer, maxEdge: number): Promise<Decoded> {
  const header = readJpegHeader(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 256 * 1024)));
  if (!header) return fromBitmap(await createImageBitmap(file, { imageOrientation: 'from-image' }));
  const shown = orientedSize(header);
  const target = fitWithin(shown.width, shown.height, maxEdge);
  if (target.width === shown.width)
    return fromBitmap(await createImageBitmap(file, { imageOrientation: 'from-image' }));
  const scaled = await decodeAtScale(file, header, target);
  if (scaled) return scaled;
  return fromBitmap(
    await createImageBitmap(file, {
      imageOrientation: 'from-image',
      resizeWidth: target.width,
      resizeHeight: target.height,
      resizeQuality: 'medium',
    }),
  );
}

/** The rotation and mirroring a decoder reports for each EXIF orientation (1–8). */
const TURNS: Record<number, { rotation: number; flip: boolean }> = {
  1: { rotation: 0, flip: false },
  2: { rotation: 0, flip: true },
  3: { rotation: 180, flip: false },
  4: { rotation: 180, flip: true },
  5: { rotation: 90, flip: true },
  6: { rotation: 90, flip: false },
  7: { rotation: 270, flip: true },
  8: { rotation: 270, flip: false },
};

/** The smallest libjpeg scale n/8 of the frame that is not below the target (stored orientation). */
export function decodeScale(
  frame: { width: number; height: number },
  target: { width: number; height: number },
): { width: number; height: number } {
  for (let n = 1; n < 8; n++) {
    const width = Math.ceil((frame.width * n) / 8);
    const height = Math.ceil((frame.height * n) / 8);
    if (width >= target.width && height >= target.height) return { width, height };
  }
  return { width: frame.width, height: frame.height };
}

/**
 * Decodes at a reduced scale with `ImageDecoder`, or answers null where it is
 * missing, fails, or does not report the header's orientation (then drawing
 * its frame would show the photo turned otherwise than createImageBitmap).
 */
async function decodeAtScale(
  file: Blob,
  header: JpegHeader,
  target: { width: number; height: number },
): Promise<Decoded | null> {
  if (typeof ImageDecoder === 'undefined') return null;
  const turned = header.orientation >= 5;
  const stored = turned ? { width: target.height, height: target.width } : target;
  const desired = decodeScale(header, stored);
  const decoder = new ImageDecoder({
    data: file.stream(),
    type: 'image/jpeg',
    desiredWidth: desired.width,
    desiredHeight: desired.height,
  });
  try {
    const { image } = await decoder.decode();
    const turns = TURNS[header.orientation] ?? TURNS[1];
    const frame = image as VideoFrame & { rotation?: number; flip?: boolean };
    const reported = { rotation: frame.rotation ?? 0, flip: frame.flip ?? false };
    const swapped = image.displayWidth < image.displayHeight !== shownPortrait(header);
    if (reported.rotation !== turns?.rotation || reported.flip !== turns.flip || swapped) {
      image.close();
      return null;
    }
    // Drawn as an ImageBitmap: drawing the frame itself (BGRX) onto the
    // canvas cost about as much as the decode saved.
    const bitmap = await createImageBitmap(image).finally(() => image.close());
    if (bitmap.width < bitmap.height !== shownPortrait(header)) {
      bitmap.close();
      return null;
    }
    return {
      by: 'image-decoder',
      source: bitmap,
      width: target.width,
      height: target.height,
      close: () => bitmap.close(),
    };
  } catch {
    return null;
  } finally {
    decoder.close();
  }
}

/** Whether the photo is shown taller than wide. */
const shownPortrait = (header: JpegHeader) => {
  const shown = orientedSize(header);
  return shown.width < shown.height;
};

/** Milliseconds per stage of one photo, for the benchmark's breakdown. */
export interface PhotoStages {
  readMs: number;
  decodeMs: number;
  drawMs: number;
  encodeMs: number;
  hashMs: number;
}

function stageClock() {
  const stages: PhotoStages = { readMs: 0, decodeMs: 0, drawMs: 0, encodeMs: 0, hashMs: 0 };
  let last = performance.now();
  return {
    stages,
    lap(stage: keyof PhotoStages) {
      const now = performance.now();
      stages[stage] = Math.round((now - last) * 10) / 10;
      last = now;
    },
  };
}

function drawStamp(
  ctx: OffscreenCanvasRenderingContext2D,
  width: number,
  height: number,
  lines: string[],
) {
  if (lines.length === 0) return;
  const { fontPx, lineHeight, bandHeight } = stampLayout(width, height, lines.length);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillRect(0, height - bandHeight, width, bandHeight);
  ctx.fillStyle = '#ffffff';
  ctx.font = `${fontPx}px "Noto Sans CJK SC", "PingFang SC", sans-serif`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    ctx.fillText(
      line,
      Math.round(fontPx * 0.5),
      height - bandHeight + Math.round(fontPx * 0.4) + i * lineHeight,
      width - fontPx,
    );
  });
}
