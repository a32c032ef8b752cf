/**
 * The photo pipeline: the original bytes are hashed first (before anything
 * touches them), then the image is decoded with its EXIF orientation applied,
 * scaled to a long edge of at most 2048 px, stamped with time, place and case
 * number, and encoded as JPEG; the stored bytes are hashed too. Runs in the
 * media worker (see photo.worker.ts), and works wherever OffscreenCanvas does.
 */
import { sha256Hex } from '../platform/hash/sha256';

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
  const original = await job.file.arrayBuffer();
  const originalSha256 = await sha256Hex(original);
  const bitmap = await createImageBitmap(job.file, { imageOrientation: 'from-image' });
  try {
    const size = fitWithin(bitmap.width, bitmap.height, job.maxEdge ?? MAX_EDGE_PX);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    drawStamp(ctx, size.width, size.height, job.stamp);
    const blob = await canvas.convertToBlob({
      type: 'image/jpeg',
      quality: job.quality ?? JPEG_QUALITY,
    });
    const stored = await blob.arrayBuffer();
    return {
      // A fresh Blob over the exact bytes that were hashed.
      blob: new Blob([stored], { type: 'image/jpeg' }),
      sha256: await sha256Hex(stored),
      originalSha256,
      width: size.width,
      height: size.height,
      byteLength: stored.byteLength,
    };
  } finally {
    bitmap.close();
  }
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
