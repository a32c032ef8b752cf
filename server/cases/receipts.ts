/**
 * Receipts: what the server says it holds for one manifest version. `held`
 * lists manifest photos whose bytes are in the blob store (every blob was
 * hash-checked when it arrived: the store is content-addressed and refuses
 * bytes that do not match); `complete` is true only when none is missing.
 */
import type { CaseReceipt, ReceiptFlag } from '../../src/contracts/cases';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import type { BlobStore } from '../blobs/blob-store';

export interface StoredVersion {
  manifest: CaseManifest;
  manifestHash: string;
  receivedAt: string;
  flags: ReceiptFlag[];
}

export async function heldAndMissing(
  blobs: BlobStore,
  manifest: CaseManifest,
): Promise<{ held: string[]; missing: string[] }> {
  const held: string[] = [];
  const missing: string[] = [];
  for (const photo of manifest.photos) {
    ((await blobs.has(photo.sha256)) ? held : missing).push(photo.sha256);
  }
  return { held, missing };
}

export async function receiptFor(blobs: BlobStore, version: StoredVersion): Promise<CaseReceipt> {
  const photos = await heldAndMissing(blobs, version.manifest);
  return {
    caseId: version.manifest.caseId,
    manifestVersion: version.manifest.version,
    manifestHash: version.manifestHash,
    receivedAt: version.receivedAt,
    photos,
    complete: photos.missing.length === 0,
    flags: version.flags,
  };
}
