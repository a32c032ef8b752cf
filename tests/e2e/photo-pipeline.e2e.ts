/**
 * The built media worker (`assets/photo.worker-*.js`, the code the app runs)
 * keeps its outputs while it decodes at the final size: a 12-megapixel photo
 * comes out with a 2048 px long edge, turned as its EXIF orientation says
 * (checked by the colours of its corners, not only its size), stamped, and
 * with both hashes — of the original bytes and of the stored ones.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withExifOrientation } from '../builders/exif.builder';
import { STATIC_DIR, useBrowserWorld } from './harness';

const world = useBrowserWorld();

const workerUrl = () => {
  const file = readdirSync(join(STATIC_DIR, 'assets')).find((f) =>
    /^photo\.worker-.*\.js$/.test(f),
  );
  if (!file) throw new Error(`no photo.worker-*.js in ${STATIC_DIR}/assets: build first`);
  return `/assets/${file}`;
};

/** A 4000 × 3000 JPEG: red on the top half, blue on the bottom, as bytes. */
async function redOverBlue(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d');
    ctx.fillStyle = '#e00000';
    ctx.fillRect(0, 0, 4000, 1500);
    ctx.fillStyle = '#0000e0';
    ctx.fillRect(0, 1500, 4000, 1500);
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer(),
    );
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(base64, 'base64');
}

interface Outcome {
  width: number;
  height: number;
  sha256: string;
  originalSha256: string;
  byteLength: number;
  storedSha256: string;
  /** Which decoder made it (src/media/photo-pipeline.ts). */
  decodedBy?: string;
  /** Colour names at 25 % from the top, near the left and the right edge. */
  topLeft: string;
  topRight: string;
}

/** Sends `jpeg` to the built worker as the app does and reads the result back. */
async function processInWorker(page: Page, jpeg: Uint8Array): Promise<Outcome> {
  return page.evaluate(
    async ({ url, bytes }) => {
      const worker = new Worker(url, { type: 'module' });
      const file = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
      const stamp = ['2026-11-27 14:03:12 (UTC+8)', 'KC2611270001'];
      type Reply = {
        ok: boolean;
        error?: string;
        blob: Blob;
        width: number;
        height: number;
        sha256: string;
        originalSha256: string;
        byteLength: number;
        decodedBy?: string;
      };
      const reply = await new Promise<Reply>((resolve) => {
        worker.addEventListener('message', (e: MessageEvent<Reply>) => resolve(e.data));
        worker.postMessage({ requestId: 1, file, stamp });
      });
      worker.terminate();
      if (!reply.ok) throw new Error(reply.error);
      const stored = await reply.blob.arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', stored));
      const bitmap = await createImageBitmap(reply.blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d');
      ctx.drawImage(bitmap, 0, 0);
      const colour = (x: number, y: number) => {
        const [r = 0, , b = 0] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return r > 150 && b < 100 ? 'red' : b > 150 && r < 100 ? 'blue' : `rgb ${r},${b}`;
      };
      return {
        width: reply.width,
        height: reply.height,
        sha256: reply.sha256,
        originalSha256: reply.originalSha256,
        byteLength: reply.byteLength,
        decodedBy: reply.decodedBy,
        storedSha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
        topLeft: colour(bitmap.width * 0.1, bitmap.height * 0.25),
        topRight: colour(bitmap.width * 0.9, bitmap.height * 0.25),
      };
    },
    { url: workerUrl(), bytes: Array.from(jpeg) },
  );
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the media worker', () => {
  it('scales a 12 MP photo to 2048 px, applies its EXIF orientation and hashes both', async () => {
    const { context, page } = await world.openPhone();
    try {
      const plain = await redOverBlue(page);
      // [orientation, size, top-left colour, top-right colour]: 6 turns the
      // top to the right, 8 to the left, 3 turns it upside down.
      const cases = [
        [1, [2048, 1536], 'red', 'red'],
        [6, [1536, 2048], 'blue', 'red'],
        [8, [1536, 2048], 'red', 'blue'],
        [3, [2048, 1536], 'blue', 'blue'],
      ] as const;
      for (const [orientation, [width, height], topLeft, topRight] of cases) {
        const input = orientation === 1 ? plain : withExifOrientation(plain, orientation);
        const out = await processInWorker(page, input);
        expect({ orientation, ...out }).toMatchObject({
          orientation,
          width,
          height,
          topLeft,
          topRight,
          originalSha256: sha256(input),
          sha256: out.storedSha256,
          // Chromium decodes at 5/8 inside libjpeg-turbo, turned as the header says.
          decodedBy: 'image-decoder',
        });
        expect(out.byteLength).toBeGreaterThan(0);
      }
    } finally {
      await context.close();
    }
  });
});
