/**
 * Whose cases are on a shared phone (RELIABILITY.md D8). A case captured
 * while nobody was signed in is claimed by the next officer who signs in: he
 * sees it and sends it under his session, as he would have had he been
 * signed in when capturing it.
 */
import { CaseRecord, claimCase, type CaseOfficer, type Instant } from '../domain';
import { saveCase } from './cases-repo';
import type { KuaichuDb } from './db';

/** Claims every unsent, unclaimed case for `officer`; answers their ids. */
export async function claimUnclaimed(
  db: KuaichuDb,
  officer: CaseOfficer,
  at: Instant,
): Promise<string[]> {
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const queued = new Set((await db.outbox.toArray()).map((e) => e.caseId));
    const claimed: string[] = [];
    for (const id of queued) {
      const parsed = CaseRecord.safeParse(await db.cases.get(id));
      // A row that does not parse is reported elsewhere and kept as it is.
      if (!parsed.success || parsed.data.officer) continue;
      await saveCase(db, claimCase(parsed.data, officer, at), at);
      claimed.push(id);
    }
    return claimed;
  });
}
