/**
 * Evidence photos on the device, stored as Blobs under the SHA-256 of their
 * bytes. A photo counts as saved only after it has been written in one
 * transaction with its outbox entry (and any change to its case), read back,
 * and its bytes hashed to the same digest (RELIABILITY.md rules 7, A5).
 * Every write of a photo's bytes first makes sure that it would leave the
 * headroom free (headroom.ts), or fails as a full disk.
 */
import { CaseRecord, PhotoMeta, type Instant } from '../domain';
import { sha256Hex } from '../platform/hash/sha256';
import { enqueue } from './cases-repo';
import type { KuaichuDb } from './db';
import { withHeadroom } from './headroom';
import { openPhotoBytes, sealPhotoBytes } from './photo-seal';

export class PhotoNotSavedError extends Error {
  override readonly name = 'PhotoNotSavedError';
  constructor(
    readonly reason: 'read-back-mismatch',
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface SavePhotoInput {
  meta: PhotoMeta;
  blob: Blob;
  /**
   * A change to the photo's case that must commit with the photo (e.g. the
   * evidence-complete stamp); it sees every photo of the case, this one included.
   */
  changeCase?: (c: CaseRecord, photos: PhotoMeta[]) => CaseRecord;
}

/** Stores the photo, verifies it by reading it back, and returns its metadata. */
export async function savePhoto(
  db: KuaichuDb,
  input: SavePhotoInput,
  at: Instant,
): Promise<PhotoMeta> {
  const meta = PhotoMeta.parse(input.meta);
  const id = photoRowId(meta);
  await write(db, meta, input.blob, input.changeCase, at);
  if (await verifies(db, id, meta.sha256)) return meta;
  // Some browsers have stored truncated Blobs (Dexie#1305): try once more
  // from a copy of the bytes, then give up loudly rather than claim success.
  const copy = new Blob([await input.blob.arrayBuffer()], { type: meta.mimeType });
  const stored = await sealPhotoBytes(db, id, copy);
  await withHeadroom(db, stored.blob.size, () =>
    db.photos.put({ id, sha256: meta.sha256, caseId: meta.caseId, meta, ...stored }),
  );
  if (await verifies(db, id, meta.sha256)) return meta;
  await db.transaction('rw', db.photos, db.outbox, async () => {
    await db.photos.delete(id);
    if ((await db.photos.where('sha256').equals(meta.sha256).count()) === 0) {
      await db.outbox.delete(`photo:${meta.sha256}`);
    }
  });
  throw new PhotoNotSavedError('read-back-mismatch', meta.sha256);
}

async function write(
  db: KuaichuDb,
  meta: PhotoMeta,
  blob: Blob,
  changeCase: SavePhotoInput['changeCase'],
  at: Instant,
): Promise<void> {
  const id = photoRowId(meta);
  // Sealed before the transaction: WebCrypto's wait would end it.
  const stored = await sealPhotoBytes(db, id, blob);
  await withHeadroom(db, stored.blob.size, () =>
    db.transaction('rw', db.photos, db.outbox, db.cases, async () => {
      await db.photos.put({ id, sha256: meta.sha256, caseId: meta.caseId, meta, ...stored });
      await enqueue(db, { kind: 'photo', entityId: meta.sha256, caseId: meta.caseId }, at);
      if (changeCase) {
        const row = await db.cases.get(meta.caseId);
        if (!row) throw new Error(`case ${meta.caseId} not found`);
        const photos = (await db.photos.where('caseId').equals(meta.caseId).toArray()).map(
          (p) => p.meta,
        );
        await db.cases.put(CaseRecord.parse(changeCase(CaseRecord.parse(row), photos)));
        await enqueue(db, { kind: 'case', entityId: meta.caseId, caseId: meta.caseId }, at);
      }
    }),
  );
}

/** The row key: the bytes' hash and the shot they fill. */
export const photoRowId = (meta: Pick<PhotoMeta, 'sha256' | 'slot'>) =>
  `${meta.sha256}|${meta.slot}`;

async function verifies(db: KuaichuDb, id: string, sha256: string): Promise<boolean> {
  const row = await db.photos.get(id);
  const blob = row && (await openPhotoBytes(db, row));
  if (!blob) return false;
  return (await sha256Hex(await blob.arrayBuffer())) === sha256;
}

/** The metadata of every photo of a case, oldest first. */
export async function listPhotos(db: KuaichuDb, caseId: string): Promise<PhotoMeta[]> {
  const rows = await db.photos.where('caseId').equals(caseId).toArray();
  return rows.map((r) => r.meta).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** A photo's bytes, checked against its hash; null when absent or damaged. */
export async function readPhotoBlob(db: KuaichuDb, sha256: string): Promise<Blob | null> {
  const row = await db.photos.where('sha256').equals(sha256).first();
  const blob = row && (await openPhotoBytes(db, row));
  if (!blob) return null;
  return (await sha256Hex(await blob.arrayBuffer())) === sha256 ? blob : null;
}
