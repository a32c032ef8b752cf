/**
 * The headroom rule (HEADROOM_BYTES, src/domain/device/storage-room.ts): a
 * write that stores Blobs — a photo, an imported case — goes ahead only once
 * a probe has shown room for its Blobs plus the headroom. The probe is one
 * scratch Blob of that size, written in a transaction of its own and deleted
 * at once; then the write runs.
 *
 * Why a probe, and why alone. A Blob that does not fit is the one write a full
 * disk handles cleanly: Chromium writes a transaction's Blob files before its
 * LevelDB commit, so the transaction aborts ("Failed to write blobs") and
 * nothing is lost — whereas a small LevelDB write that does not fit makes it
 * wipe the origin's IndexedDB. Estimates cannot tell (they are optimistic), a
 * probe can. Alone, because when a transaction with two Blobs fails on the
 * second, the first one's file stays on disk for about 2 s (Chromium cleans
 * up failed Blobs on a timer), with the disk then fuller than before the
 * attempt; a lone Blob that fails is removed at once, and a deleted probe's
 * file is removed with the delete (64 MiB tmpfs, Chromium 156).
 *
 * Probes and their writes run one at a time, so that two photos saved together
 * do not both count the same free space. What is left: the probe's own commit
 * runs with the least room, so a probe that fits to within the few KiB that
 * commit needs can still meet the cliff — one commit landing within a few KiB
 * of a full disk, instead of every write after a photo that nearly filled it.
 */
import { HEADROOM_BYTES } from '../domain';
import type { KuaichuDb } from './db';

const CHUNK = 4 * 1024 * 1024;
/** Random bytes filled between two pauses: 4 MiB at once is one ~60 ms task on a slow phone. */
const SLICE = 256 * 1024;
let randomChunk: Promise<Blob> | undefined;

async function makeRandomChunk(): Promise<Blob> {
  const data = new Uint8Array(CHUNK);
  for (let i = 0; i < CHUNK; i += 65_536) {
    // getRandomValues fills at most 64 KiB a call.
    crypto.getRandomValues(data.subarray(i, i + 65_536));
    if ((i + 65_536) % SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob([data]);
}

/**
 * A Blob of `bytes` random bytes (a 4 MiB random chunk, made once, repeated):
 * random so that no compressing file system stores it in less.
 */
async function probeBlob(bytes: number): Promise<Blob> {
  const chunk = await (randomChunk ??= makeRandomChunk());
  const parts: Blob[] = [];
  for (let left = bytes; left > 0; left -= CHUNK)
    parts.push(left >= CHUNK ? chunk : chunk.slice(0, left));
  return new Blob(parts);
}

let probeCount = 0;

/** Writes a scratch Blob of `bytes` in a transaction of its own, then deletes it; rejects when it does not fit. */
async function probe(db: KuaichuDb, bytes: number): Promise<void> {
  const key = `probe:${Date.now().toString(36)}:${(probeCount++).toString(36)}:${Math.random().toString(36).slice(2, 8)}`;
  const blob = await probeBlob(bytes);
  await db.scratch.put({ key, blob });
  await db.scratch.delete(key);
}

/** The tail of the probes-and-writes run one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `write`, which stores about `blobBytes` of Blobs in its own transaction,
 * once a probe of `blobBytes` + `headroom` fitted. Rejects with the probe's
 * error, nothing written, when it did not. Not for use inside a transaction
 * or inside another `withHeadroom` (it would wait for itself).
 */
export function withHeadroom<T>(
  db: KuaichuDb,
  blobBytes: number,
  write: () => Promise<T>,
  headroom = HEADROOM_BYTES,
): Promise<T> {
  const run = queue.then(async () => {
    await probe(db, blobBytes + headroom);
    return write();
  });
  queue = run.catch(() => undefined);
  return run;
}

export type HeadroomProbe = { ok: true } | { ok: false; error: unknown };

/**
 * Whether `bytes` (the headroom) can be written now: a probe alone. Clears
 * probes that an interrupted save left behind first.
 */
export async function probeHeadroom(db: KuaichuDb, bytes = HEADROOM_BYTES): Promise<HeadroomProbe> {
  try {
    if ((await db.scratch.count()) > 0) await db.scratch.clear();
    await withHeadroom(db, 0, () => Promise.resolve(), bytes);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}
