/**
 * Which units hold which photo bytes. The blob store keeps each photo once,
 * whoever sent it; but a hash counts as held for a case only when an officer
 * of the case's unit uploaded those bytes. Otherwise a hash read from another
 * brigade's manifest (a reviewer's screen, an insurer's packet) would pass as
 * evidence its lister never had.
 */
import type { Kysely } from 'kysely';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/schema';
import { precompiled, type Param } from '../db/precompiled';

type Db = Kysely<Database>;

/** Records that the uploader's unit holds these bytes (once per unit). */
export async function recordPhotoHolder(
  db: Db,
  uploader: Pick<Session, 'userId' | 'unitId'>,
  sha256: string,
  at: Date,
): Promise<void> {
  if (!uploader.unitId) return;
  await db
    .insertInto('photo_holders')
    .values({
      sha256,
      unit_id: uploader.unitId,
      uploaded_by: uploader.userId,
      uploaded_at: at.toISOString(),
    })
    .onConflict((oc) => oc.columns(['sha256', 'unit_id']).doNothing())
    .execute();
}

/** Those of `hashes` that an officer of `unitId` uploaded. */
export async function heldByUnit(
  db: Db,
  unitId: string | null | undefined,
  hashes: readonly string[],
): Promise<Set<string>> {
  if (!unitId || hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('photo_holders')
    .select('sha256')
    .where('unit_id', '=', unitId)
    .where('sha256', 'in', [...new Set(hashes)])
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

/** What the database says of a listed photo: its recorded size, and whether the unit holds it. */
export interface RecordedPhoto {
  byteLength: number;
  heldByUnit: boolean;
}

/** Asked by every case PUT: precompiled (db/precompiled.ts), one SQL text per number of photos. */
const recordedRows = precompiled((db: Db, p: Param<string>, count: number) =>
  db
    .selectFrom('photos')
    .leftJoin('photo_holders', (join) =>
      join
        .onRef('photo_holders.sha256', '=', 'photos.sha256')
        .on('photo_holders.unit_id', '=', p('unitId')),
    )
    .select(['photos.sha256', 'photos.byte_length', 'photo_holders.unit_id'])
    .where(
      'photos.sha256',
      'in',
      Array.from({ length: count }, (_, i) => p(`hash${i}`)),
    ),
);

/**
 * The recorded photos among `hashes` (photos rows, written with the bytes'
 * arrival in the same transaction as their holder), in one query: no blob
 * store request per photo (with S3 each would be a HEAD). The blob store
 * stays the truth for the scrub (blobs/scrub.ts), which forgets the holders
 * of bytes it quarantines, so they count as missing until uploaded again.
 */
export async function recordedPhotos(
  db: Db,
  unitId: string | null | undefined,
  hashes: readonly string[],
): Promise<Map<string, RecordedPhoto>> {
  const found = new Map<string, RecordedPhoto>();
  if (hashes.length === 0) return found;
  const distinct = [...new Set(hashes)];
  const values: Record<string, string> = { unitId: unitId ?? '' };
  distinct.forEach((hash, i) => (values[`hash${i}`] = hash));
  const rows = await recordedRows.all(db, values, distinct.length);
  for (const row of rows) {
    const held = Boolean(unitId) && row.unit_id !== null;
    const known = found.get(row.sha256);
    found.set(row.sha256, {
      byteLength: row.byte_length,
      heldByUnit: held || (known?.heldByUnit ?? false),
    });
  }
  return found;
}
