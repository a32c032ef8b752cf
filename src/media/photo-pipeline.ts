/**
 * The photo pipeline: the original bytes are read and hashed (the hash runs
 * while the image decodes: nothing touches those bytes), the displayed size
 * comes from the JPEG header and its EXIF orientation, and the image is
 * decoded with its orientation applied straight to a long edge of at most
 * 2048 px (Chromium scales inside the decoder), stamped with time, place and
 * case number, and encoded as JPEG; the stored bytes are hashed too. Runs in
 * the media worker (see photo.worker.ts), and works wherever OffscreenCanvas
 * does; a file whose header cannot be read is decoded first and then scaled.
 */
import { sha256Hex } from '../platform/hash/sha256';
import { orientedSize, readJpegHeader } from './jpeg-header';

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
}

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
  const bitmap = await decodeScaled(job.file, original, job.maxEdge ?? MAX_EDGE_PX);
  clock.lap('decodeMs');
  try {
    const size = fitWithin(bitmap.width, bitmap.height, job.maxEdge ?? MAX_EDGE_PX);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
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
    };
  } finally {
    bitmap.close();
  }
}

/**
 * The image with its orientation applied, at the size it will be stored
 * when the JPEG header tells it (one decode at the final size), else whole.
 */
async function decodeScaled(file: Blob, bytes: ArrayBuffer, maxEdge: number): Promise<ImageBitmap> {
  const header = readJpegHeader(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 256 * 1024)));
  if (!header) return createImageBitmap(file, { imageOrientation: 'from-image' });
  const shown = orientedSize(header);
  const target = fitWithin(shown.width, shown.height, maxEdge);
  if (target.width === shown.width)
    return createImageBitmap(file, { imageOrientation: 'from-image' });
  return createImageBitmap(file, {
    imageOrientation: 'from-image',
    resizeWidth: target.width,
    resizeHeight: target.height,
    resizeQuality: 'medium',
  });
}

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
