/**
 * When an officer sets his PIN and the phone starts sealing (issue 18): his
 * cases already on the phone, their photos (records and bytes), submissions,
 * server changes and squad's words are written again, so they are sealed
 * too. Other officers' rows are left as they are (sealed under his key they
 * would be lost to their owner); they are sealed when their owner writes them.
 */
import { caseBelongsTo } from '../domain';
import type { KuaichuDb } from './db';
import { sealPhotoBytes } from './photo-seal';

type Row = { caseId?: string; id?: string; locked?: boolean };

/** Writes the officer's rows again through the sealing middleware; answers how many. */
export async function resealOwnRows(db: KuaichuDb, officerId: string): Promise<number> {
  const own = (await db.cases.toArray()).filter(
    (c) => !(c as Row).locked && caseBelongsTo(c, officerId),
  );
  const ids = new Set(own.map((c) => c.id));
  // Photo bytes are sealed before the transaction (WebCrypto would end it).
  const photos = await Promise.all(
    (await db.photos.toArray())
      .filter((p) => !(p as Row).locked && ids.has(p.caseId))
      .map(async (p) =>
        p.blobSealedBy ? p : { ...p, ...(await sealPhotoBytes(db, p.id, p.blob)) },
      ),
  );
  const tables = [db.cases, db.photos, db.submissions, db.serverChanges, db.reviews];
  return db.transaction('rw', tables, async () => {
    await db.cases.bulkPut(own);
    await db.photos.bulkPut(photos);
    let count = own.length + photos.length;
    for (const table of [db.submissions, db.serverChanges, db.reviews]) {
      const rows = (await table.toArray()) as Row[];
      const mine = rows.filter((r) => !r.locked && r.caseId !== undefined && ids.has(r.caseId));
      await (table as unknown as { bulkPut(rows: Row[]): Promise<unknown> }).bulkPut(mine);
      count += mine.length;
    }
    return count;
  });
}
