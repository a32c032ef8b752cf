/**
 * A benchmark case's photos as a finished tus upload leaves them: the bytes in
 * the blob store, their `photos` row and their holder. Bench-only.
 */
import type { BlobStore } from '../server/blobs/blob-store';
import { recordPhotoHolder } from '../server/cases/photo-holders';
import type { CaseFixture } from '../server/case-fixtures';
import type { Db } from '../server/db/database';

export async function storeHeldPhotos(
  db: Db,
  blobs: BlobStore,
  holder: { userId: string; unitId: string },
  c: CaseFixture,
  at: Date,
): Promise<void> {
  for (const p of c.photos) {
    const put = await blobs.put(p.bytes);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('photos')
        .values({
          sha256: put.sha256,
          case_id: c.record.id,
          byte_length: put.size,
          uploaded_by: holder.userId,
          uploaded_at: at.toISOString(),
        })
        .execute();
      await recordPhotoHolder(trx, holder, put.sha256, at);
    });
  }
}
