/**
 * Test photos: deterministic bytes for a seed (so their SHA-256 is stable),
 * the PhotoMeta describing them, and the Blob the device stores.
 */
import type { PhotoMeta } from '../../src/domain';
import { sha256Hex } from '../../src/platform/hash/sha256';

export interface TestPhoto {
  meta: PhotoMeta;
  blob: Blob;
  bytes: Uint8Array<ArrayBuffer>;
}

/** `size` bytes derived from `seed` (not a real JPEG: the server checks hashes, not pixels). */
export async function aPhoto(
  caseId: string,
  seed: string,
  options: { slot?: string; size?: number; takenAt?: string } = {},
): Promise<TestPhoto> {
  const size = options.size ?? 2048;
  const bytes = new Uint8Array(size);
  let block = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed)));
  for (let i = 0; i < size; i += 32) {
    bytes.set(block.subarray(0, Math.min(32, size - i)), i);
    block = new Uint8Array(await crypto.subtle.digest('SHA-256', block));
  }
  const sha256 = await sha256Hex(bytes);
  return {
    bytes,
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    meta: {
      schemaVersion: 1,
      sha256,
      originalSha256: await sha256Hex(new TextEncoder().encode(`original:${seed}`)),
      caseId,
      slot: options.slot ?? 'overview',
      takenAt: options.takenAt ?? '2026-11-27T02:10:00.000Z',
      byteLength: size,
      width: 1600,
      height: 1200,
      mimeType: 'image/jpeg',
    },
  };
}
