/**
 * Receipts: what the server says it holds for one manifest version. `held`
 * lists manifest photos whose bytes are in the blob store (every blob was
 * hash-checked when it arrived: the store is content-addressed and refuses
 * bytes that do not match) and were uploaded by an officer of the case's unit
 * (photo-holders.ts); `complete` is true only when none is missing.
 */
import type { Kysely } from 'kysely';
import type { CaseReceipt, ReceiptFlag } from '../../src/contracts/cases';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import type { BlobStore } from '../blobs/blob-store';
import type { Database } from '../db/schema';
import { heldByUnit } from './photo-holders';

export interface StoredVersion {
  manifest: CaseManifest;
  manifestHash: string;
  receivedAt: string;
  flags: ReceiptFlag[];
}

/** Where held photos are looked up: the blob store and who uploaded what. */
export interface PhotoHoldings {
  db: Kysely<Database>;
  blobs: BlobStore;
}

export async function heldAndMissing(
  holdings: PhotoHoldings,
  unitId: string | undefined,
  manifest: CaseManifest,
): Promise<{ held: string[]; missing: string[] }> {
  const ours = await heldByUnit(
    holdings.db,
    unitId,
    manifest.photos.map((p) => p.sha256),
  );
  const held: string[] = [];
  const missing: string[] = [];
  for (const photo of manifest.photos) {
    const isHeld = ours.has(photo.sha256) && (await holdings.blobs.has(photo.sha256));
    (isHeld ? held : missing).push(photo.sha256);
  }
  return { held, missing };
}

/** The receipt of a stored version of a stored case. */
export async function receiptFor(
  holdings: PhotoHoldings,
  version: StoredVersion,
): Promise<CaseReceipt> {
  const stored = await holdings.db
    .selectFrom('cases')
    .select('unit_id')
    .where('id', '=', version.manifest.caseId)
    .executeTakeFirst();
  const photos = await heldAndMissing(holdings, stored?.unit_id, version.manifest);
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
