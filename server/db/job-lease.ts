/**
 * Periodic jobs that one process of many runs (the blob scrub): a
 * `job_leases` row per job (migration 0011) says who holds it until when and
 * when it last finished. A process takes a job that is due (finished longer
 * than `everyMs` ago, or never) and free (no lease, or one run out) with one
 * conditional update — atomic on SQLite and PostgreSQL alike, so of several
 * processes ticking at once exactly one wins. The holder renews its lease as
 * it works; a process killed mid-job stops renewing, its lease runs out, and
 * the next process to tick takes the job again from the start.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from './database';

/** This process, as a lease holder: host, pid and a random tag (pids are reused). */
export const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export interface JobLease {
  db: Db;
  name: string;
  holder: string;
  /** How long a claim or a renewal holds the job. */
  leaseMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Takes the job if it is due and free; answers whether this holder has it now. */
export async function claimJob(job: JobLease, now: Date, everyMs: number): Promise<boolean> {
  const at = now.getTime();
  await job.db
    .insertInto('job_leases')
    .values({
      name: job.name,
      holder: null,
      lease_until: null,
      started_at: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const taken = await job.db
    .updateTable('job_leases')
    .set({ holder: job.holder, lease_until: iso(at + job.leaseMs), started_at: iso(at) })
    .where('name', '=', job.name)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', iso(at))]))
    .where((eb) =>
      eb.or([eb('finished_at', 'is', null), eb('finished_at', '<=', iso(at - everyMs))]),
    )
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Extends the holder's lease; false when it was lost (run out and taken by another). */
export async function renewJob(job: JobLease, now: Date): Promise<boolean> {
  const renewed = await job.db
    .updateTable('job_leases')
    .set({ lease_until: iso(now.getTime() + job.leaseMs) })
    .where('name', '=', job.name)
    .where('holder', '=', job.holder)
    .executeTakeFirst();
  return Number(renewed.numUpdatedRows) === 1;
}

/**
 * Lets the job go: `finished` records the run as done (not due again for
 * `everyMs`); otherwise (it failed) it is due again at the next tick.
 */
export async function releaseJob(job: JobLease, now: Date, finished: boolean): Promise<void> {
  await job.db
    .updateTable('job_leases')
    .set({
      holder: null,
      lease_until: null,
      ...(finished && { finished_at: now.toISOString() }),
    })
    .where('name', '=', job.name)
    .where('holder', '=', job.holder)
    .execute();
}

/** What a job's work answers: `interrupted` when it stopped early (its lease was lost). */
export interface JobOutcome {
  interrupted?: true;
}

/**
 * Runs `work` when the job is due (every `everyMs`) and free: claims it,
 * hands `work` a `renew` to call as it goes (it renews at most every third of
 * the lease, and answers false once the lease is lost), and lets the job go —
 * finished unless the work was interrupted or failed. Answers the work's
 * result, or undefined when this holder did not run it.
 */
export async function runJobIfDue<T extends JobOutcome>(
  job: JobLease,
  now: () => Date,
  everyMs: number,
  work: (renew: () => Promise<boolean>) => Promise<T>,
): Promise<T | undefined> {
  if (!(await claimJob(job, now(), everyMs))) return undefined;
  let renewedAt = now().getTime();
  const renew = async () => {
    const at = now();
    if (at.getTime() - renewedAt < job.leaseMs / 3) return true;
    renewedAt = at.getTime();
    return renewJob(job, at);
  };
  try {
    const result = await work(renew);
    await releaseJob(job, now(), result.interrupted === undefined);
    return result;
  } catch (error) {
    await releaseJob(job, now(), false).catch(() => undefined);
    throw error;
  }
}

/**
 * Looks on a timer whether the job is due and runs it (`runIfDue`): first
 * after `firstDelayMs`, then `checkMs` after each look has settled. A run's
 * result goes to `onResult`, a failure to `onError`. The timer never keeps
 * the process alive; the returned function stops it.
 */
export function scheduleJob<T>(
  runIfDue: () => Promise<T | undefined>,
  timing: { firstDelayMs: number; checkMs: number },
  onResult: (result: T) => void,
  onError: (error: unknown) => void,
): () => void {
  let timer: NodeJS.Timeout;
  const tick = () => {
    runIfDue()
      .then((result) => result !== undefined && onResult(result), onError)
      .finally(() => {
        timer = setTimeout(tick, timing.checkMs).unref();
      });
  };
  timer = setTimeout(tick, timing.firstDelayMs).unref();
  return () => clearTimeout(timer);
}
