/**
 * A photo's bytes sealed at rest (issue 18). They are a Blob, and reading a
 * Blob is asynchronous, so they cannot be sealed inside the photo's
 * transaction as the records are (sealed-tables.ts): they are sealed with
 * WebCrypto's AES-256-GCM before the transaction and opened after a read,
 * with the same open key as the records, and bound to the photo's row.
 * `blobSealedBy` (kept clear) names the key; a photo written before the
 * phone sealed has none and reads as it is.
 */
import { open, seal } from '../platform/vault/crypto';
import type { KuaichuDb } from './db';
import type { PhotoRow } from './records';
import { VaultLockedError, type KeyChain } from './sealed-tables';

const keysOf = new WeakMap<KuaichuDb, KeyChain>();

/** The key chain the database's sealing middleware uses, for the photos' bytes too. */
export function attachPhotoKeys(db: KuaichuDb, keys: KeyChain): void {
  keysOf.set(db, keys);
}

const where = (rowId: string) => `photos/${rowId}/bytes`;

async function keyFrom(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The bytes as they are to be stored: sealed when the phone seals (then `sealedBy` names the key). */
export async function sealPhotoBytes(
  db: KuaichuDb,
  rowId: string,
  blob: Blob,
): Promise<{ blob: Blob; blobSealedBy?: string }> {
  const keys = keysOf.get(db);
  if (!keys?.sealing()) return { blob };
  const key = keys.active();
  if (!key) throw new VaultLockedError('photos');
  const plain = new Uint8Array(await blob.arrayBuffer());
  const sealed = await seal(await keyFrom(key.raw), plain, where(rowId));
  return { blob: new Blob([sealed]), blobSealedBy: key.id };
}

/** A stored photo's bytes in the clear, or null when its key is not open or they do not open. */
export async function openPhotoBytes(
  db: KuaichuDb,
  row: Pick<PhotoRow, 'id' | 'blob' | 'meta' | 'blobSealedBy'>,
): Promise<Blob | null> {
  if (!row.blobSealedBy) return row.blob;
  const raw = keysOf.get(db)?.open(row.blobSealedBy);
  if (!raw) return null;
  try {
    const sealed = new Uint8Array(await row.blob.arrayBuffer());
    const plain = await open(await keyFrom(raw), sealed, where(row.id));
    return new Blob([plain], { type: row.meta.mimeType });
  } catch {
    return null;
  }
}
