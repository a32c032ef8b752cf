/**
 * The blob scrub: re-hashes every stored blob and quarantines one whose bytes
 * no longer match its name (a disk fault, a hand edit). Ingest trusts the
 * hash checked at upload and checks only the recorded size (the photos rows),
 * so this is where later damage is found. A quarantined blob is absent from
 * then on, and no unit holds it any more (its photo_holders rows go, in the
 * transaction of its audit event; an upload of the bytes records them again):
 * never served (photos, packets), listed as missing in the case's receipt so
 * the phone that still holds the photo sends it again, and reported to the
 * reviewer by the case's verification (`photo_missing`, audit/evidence.ts)
 * and by a `blob.quarantined` audit event naming the cases that list it.
 *
 * main.ts runs it {@link SCRUB_FIRST_DELAY_MS} after start and every
 * {@link SCRUB_INTERVAL_MS}; one pass reads every byte once, one blob at a time.
 */
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { BlobStore, Sha256Hex } from './blob-store';

export const SCRUB_FIRST_DELAY_MS = 10 * 60 * 1000;
export const SCRUB_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface ScrubDeps {
  db: Db;
  blobs: BlobStore;
  now: () => Date;
}

export interface ScrubResult {
  checked: number;
  quarantined: Sha256Hex[];
}

/** One pass over every stored blob. */
export async function scrubBlobs(deps: ScrubDeps): Promise<ScrubResult> {
  const result: ScrubResult = { checked: 0, quarantined: [] };
  for await (const sha256 of deps.blobs.list()) {
    result.checked += 1;
    if (await deps.blobs.verify(sha256)) continue;
    if (!(await deps.blobs.quarantine(sha256))) continue; // gone meanwhile
    result.quarantined.push(sha256);
    const cases = await deps.db
      .selectFrom('photos')
      .select('case_id')
      .where('sha256', '=', sha256)
      .execute();
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('photo_holders').where('sha256', '=', sha256).execute();
      await appendAudit(trx, deps.now(), {
        actor: 'system',
        action: 'blob.quarantined',
        subject: sha256,
        details: {
          reason: 'photo_hash_mismatch',
          cases: cases.map((c) => c.case_id),
        },
      });
    });
  }
  return result;
}

/** Runs the scrub on a timer; the returned function stops it. Errors go to `onError`. */
export function scheduleScrub(
  deps: ScrubDeps,
  onResult: (result: ScrubResult) => void,
  onError: (error: unknown) => void,
): () => void {
  let timer: NodeJS.Timeout;
  const run = () => {
    scrubBlobs(deps)
      .then(onResult, onError)
      .finally(() => {
        timer = setTimeout(run, SCRUB_INTERVAL_MS).unref();
      });
  };
  timer = setTimeout(run, SCRUB_FIRST_DELAY_MS).unref();
  return () => clearTimeout(timer);
}
