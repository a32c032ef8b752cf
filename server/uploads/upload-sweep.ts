/**
 * The sweep of stale uploads. An upload cut off before its last byte (a lost
 * signal, a creation POST whose answer never arrived, a phone switched off)
 * waits in DATA_DIR/uploads for its phone to resume it; one whose bytes and
 * metadata have not been touched for the expiry (UPLOAD_EXPIRY_HOURS) is
 * deleted. The phone keeps the photo until the server's receipt, so nothing
 * is lost: its next attempt finds the upload gone (tus's 404 or 410) and
 * starts a new one. A half-made upload (its bytes without its metadata file,
 * after a crash between the two) goes the same way.
 *
 * An upload this process is writing holds its lock and is left alone; one
 * another process is writing keeps its bytes' modification time fresh, far
 * inside the expiry. Like the blob scrub it is a job with a lease
 * (db/job-lease.ts): of several API processes sharing the folder, one sweeps
 * each hour.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MemoryLocker } from '@tus/server';
import type { Db } from '../db/database';
import { runJobIfDue, scheduleJob } from '../db/job-lease';
import { HashingFileStore } from './hashing-file-store';

export const UPLOAD_SWEEP_JOB = 'upload-sweep';
export const UPLOAD_SWEEP_EVERY_MS = 60 * 60 * 1000;
export const UPLOAD_SWEEP_FIRST_DELAY_MS = 5 * 60 * 1000;
export const UPLOAD_SWEEP_CHECK_MS = 10 * 60 * 1000;
export const UPLOAD_SWEEP_LEASE_MS = 15 * 60 * 1000;

/** A tus upload's id as the server makes them (and as TusIdParams admits). */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** The unfinished uploads: their files, and the lock each PATCH holds while it writes. */
export interface UploadFolder {
  datastore: HashingFileStore;
  locker: MemoryLocker;
}

/** The folder of unfinished uploads, and the lock its requests and the sweep share. */
export const openUploadFolder = (directory: string): UploadFolder => ({
  datastore: new HashingFileStore(directory),
  locker: new MemoryLocker(),
});

export interface SweepResult {
  /** The uploads deleted, by id. */
  removed: string[];
  /** Set when the sweep stopped early (its lease was lost to another process). */
  interrupted?: true;
}

const statOrNull = (file: string): Promise<Stats | null> =>
  fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });

/** When the upload was last written to: its bytes or its metadata, whichever is younger. */
async function lastTouched(folder: UploadFolder, id: string): Promise<number | null> {
  const file = folder.datastore.pathOf(id);
  const [bytes, meta] = await Promise.all([statOrNull(file), statOrNull(`${file}.json`)]);
  if (!bytes && !meta) return null;
  return Math.max(bytes?.mtimeMs ?? 0, meta?.mtimeMs ?? 0);
}

/** The ids of the uploads in the folder: every file named as an upload, with or without `.json`. */
async function uploadIds(directory: string): Promise<string[]> {
  const names = await fs.readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const ids = new Set(names.map((name) => path.basename(name, '.json')));
  return [...ids].filter((id) => UPLOAD_ID.test(id)).sort();
}

/** Deletes every upload last touched before `before`, skipping those being written now. */
export async function sweepUploads(
  folder: UploadFolder,
  before: Date,
  renew?: () => Promise<boolean>,
): Promise<SweepResult> {
  const result: SweepResult = { removed: [] };
  const cutoff = before.getTime();
  for (const id of await uploadIds(folder.datastore.directory)) {
    if (renew && !(await renew())) return { ...result, interrupted: true };
    const touched = await lastTouched(folder, id);
    if (touched === null || touched >= cutoff) continue;
    // Taken only when free, so a PATCH under way is never asked to stop.
    if (folder.locker.locks.has(id)) continue;
    const lock = folder.locker.newLock(id);
    await lock.lock(new AbortController().signal, () => undefined);
    try {
      // Written to while this sweep looked at the others: still in use.
      const again = await lastTouched(folder, id);
      if (again === null || again >= cutoff) continue;
      await folder.datastore.discard(id);
      result.removed.push(id);
    } finally {
      await lock.unlock();
    }
  }
  return result;
}

export interface UploadSweepDeps {
  db: Db;
  folder: UploadFolder;
  now: () => Date;
  /** An upload untouched this long is deleted. */
  expiryMs: number;
}

/** Sweeps when due (hourly over all processes) and free; undefined when this process did not. */
export function sweepUploadsIfDue(
  deps: UploadSweepDeps,
  holder: string,
  leaseMs = UPLOAD_SWEEP_LEASE_MS,
): Promise<SweepResult | undefined> {
  const job = { db: deps.db, name: UPLOAD_SWEEP_JOB, holder, leaseMs };
  return runJobIfDue(job, deps.now, UPLOAD_SWEEP_EVERY_MS, (renew) =>
    sweepUploads(deps.folder, new Date(deps.now().getTime() - deps.expiryMs), renew),
  );
}

/** Looks on a timer whether the sweep is due; the returned function stops it. */
export const scheduleUploadSweep = (
  deps: UploadSweepDeps,
  holder: string,
  onResult: (result: SweepResult) => void,
  onError: (error: unknown) => void,
): (() => void) =>
  scheduleJob(
    () => sweepUploadsIfDue(deps, holder),
    { firstDelayMs: UPLOAD_SWEEP_FIRST_DELAY_MS, checkMs: UPLOAD_SWEEP_CHECK_MS },
    onResult,
    onError,
  );
