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
 * One pass reads every byte once, one blob at a time, at most once every
 * {@link SCRUB_INTERVAL_MS} over all API processes: it is a job with a lease
 * (db/job-lease.ts). main.ts looks {@link SCRUB_FIRST_DELAY_MS} after start
 * and then every {@link SCRUB_CHECK_MS} whether it is due; the process that
 * takes it renews its lease as it goes, and a process killed mid-pass leaves
 * a lease that runs out ({@link SCRUB_LEASE_MS}), so another takes the pass
 * up again from the start.
 */
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { runJobIfDue, scheduleJob } from '../db/job-lease';
import type { BlobStore, Sha256Hex } from './blob-store';

export const SCRUB_FIRST_DELAY_MS = 10 * 60 * 1000;
export const SCRUB_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const SCRUB_CHECK_MS = 10 * 60 * 1000;
export const SCRUB_LEASE_MS = 15 * 60 * 1000;
/** The scrub's row in `job_leases`. */
export const SCRUB_JOB = 'blob-scrub';

export interface ScrubDeps {
  db: Db;
  blobs: BlobStore;
  now: () => Date;
  /** Asked before each blob: false (the lease was lost) stops the pass. */
  renew?: () => Promise<boolean>;
}

export interface ScrubResult {
  checked: number;
  quarantined: Sha256Hex[];
  /** Set when the pass stopped early (its lease was lost to another process). */
  interrupted?: true;
}

/** One pass over every stored blob. */
export async function scrubBlobs(deps: ScrubDeps): Promise<ScrubResult> {
  const result: ScrubResult = { checked: 0, quarantined: [] };
  for await (const sha256 of deps.blobs.list()) {
    if (deps.renew && !(await deps.renew())) return { ...result, interrupted: true };
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

/**
 * Runs a pass when the scrub is due and no other process holds it; answers
 * the pass's result, or undefined when this process did not run one.
 */
export function scrubIfDue(
  deps: ScrubDeps,
  holder: string,
  leaseMs = SCRUB_LEASE_MS,
): Promise<ScrubResult | undefined> {
  const job = { db: deps.db, name: SCRUB_JOB, holder, leaseMs };
  return runJobIfDue(job, deps.now, SCRUB_INTERVAL_MS, (renew) => scrubBlobs({ ...deps, renew }));
}

/** Looks on a timer whether the scrub is due; the returned function stops it. Errors go to `onError`. */
export const scheduleScrub = (
  deps: ScrubDeps,
  holder: string,
  onResult: (result: ScrubResult) => void,
  onError: (error: unknown) => void,
): (() => void) =>
  scheduleJob(
    () => scrubIfDue(deps, holder),
    { firstDelayMs: SCRUB_FIRST_DELAY_MS, checkMs: SCRUB_CHECK_MS },
    onResult,
    onError,
  );
