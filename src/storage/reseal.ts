/**
 * When an officer sets his PIN and the phone starts sealing (issue 18): his
 * cases already on the phone, and their photos' records, submissions, server
 * changes and squad's words, are written again, so they are sealed too. Other
 * officers' rows are left as they are (sealed under his key they would be
 * lost to their owner); they are sealed when their owner writes them.
 */
import { caseBelongsTo } from '../domain';
import type { KuaichuDb } from './db';

type Row = { caseId?: string; id?: string; locked?: boolean };

/** Writes the officer's rows again through the sealing middleware; answers how many. */
export async function resealOwnRows(db: KuaichuDb, officerId: string): Promise<number> {
  const tables = [db.cases, db.photos, db.submissions, db.serverChanges, db.reviews];
  return db.transaction('rw', tables, async () => {
    const own = (await db.cases.toArray()).filter(
      (c) => !(c as Row).locked && caseBelongsTo(c, officerId),
    );
    const ids = new Set(own.map((c) => c.id));
    await db.cases.bulkPut(own);
    let count = own.length;
    for (const table of [db.photos, db.submissions, db.serverChanges, db.reviews]) {
      const rows = (await table.toArray()) as Row[];
      const mine = rows.filter((r) => !r.locked && r.caseId !== undefined && ids.has(r.caseId));
      await (table as unknown as { bulkPut(rows: Row[]): Promise<unknown> }).bulkPut(mine);
      count += mine.length;
    }
    return count;
  });
}
