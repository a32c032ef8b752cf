/**
 * Group commit's COMMIT without the fsync on the event loop (SQLite only).
 *
 * better-sqlite3 is synchronous: with `synchronous = FULL` a COMMIT returns
 * only after SQLite fsynced the WAL, and the whole process waits for the
 * disk meanwhile — no request is parsed, verified or answered. A group-commit
 * batch therefore commits with `synchronous = NORMAL` (in WAL mode: the
 * COMMIT writes its frames to the WAL and returns; SQLite keeps the database
 * consistent across a power cut, only the latest commits may be lost), and
 * then this module fsyncs the WAL file itself, on libuv's thread pool, before
 * the batch's requests are answered: a receipt still means "on disk". While
 * the disk works, the event loop takes and checks the next requests (the
 * group committer holds their batch until the fsync ends, unless it is
 * full: `syncing()`); one fsync covers every commit written before it
 * started, so batches that commit during an fsync share the next one.
 *
 * Why it is safe: fsync/fdatasync flushes the file's data, whichever
 * descriptor wrote it (POSIX: "the file referred to by fildes"); the WAL is
 * appended (or rewritten from its start after a checkpoint) with write(2),
 * never mmap; a checkpoint (copying the WAL into the database file) syncs the
 * WAL before and the database after, in NORMAL as in FULL. The WAL file's
 * folder is fsynced once, so its name survives a power cut too. Every other
 * transaction on the connection keeps `synchronous = FULL`.
 *
 * A failed fsync is final (as PostgreSQL learned: Linux may drop the dirty
 * pages and report the error once): every later `sync()` fails, so no
 * receipt is ever given for bytes that may be gone, until the process restarts.
 */
import fsCallback from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from 'kysely';

export interface WalSync<DB> {
  /** Runs `work` in one transaction whose COMMIT writes the WAL without waiting for the disk. */
  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Resolves once every transaction committed through {@link transaction} so far is on disk. */
  sync(): Promise<void>;
  /** The fsync under way, settling when it ends (its outcome is `sync()`'s), or undefined when none is. */
  syncing(): Promise<void> | undefined;
  /** fsyncs done, since start. */
  stats(): { syncs: number };
}

const SYNCHRONOUS_NORMAL = CompiledQuery.raw('pragma synchronous = NORMAL');
const SYNCHRONOUS_FULL = CompiledQuery.raw('pragma synchronous = FULL');

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The deferred sync of `walFile`, the WAL of the SQLite database `db` is open
 * on; `fsyncWal` (tests) replaces the fsync of the file and its folder;
 * `afterCommit` runs after each COMMIT (the checkpointer, checkpointer.ts).
 */
export function createWalSync<DB>(
  db: Kysely<DB>,
  walFile: string,
  fsyncWal: () => Promise<void> = walFsyncer(walFile),
  afterCommit: () => void = () => undefined,
): WalSync<DB> {
  /** Transactions committed through `transaction`, and how many of them are known to be on disk. */
  let written = 0;
  let durable = 0;
  let syncing: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;
  let syncs = 0;
  const waiters: Waiter[] = [];

  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i] as Waiter;
      if (failure) waiter.reject(failure.error);
      else if (waiter.upTo <= durable) waiter.resolve();
      else continue;
      waiters.splice(i, 1);
    }
  };

  const kick = () => {
    if (syncing || failure || !waiters.some((w) => w.upTo > durable)) return;
    // Covers every commit written before the fsync starts; later ones wait for the next round.
    const covering = written;
    syncing = fsyncWal().then(
      () => {
        syncs += 1;
        durable = Math.max(durable, covering);
        syncing = undefined;
        settle();
        kick();
      },
      (error: unknown) => {
        failure = { error };
        syncing = undefined;
        settle();
      },
    );
  };

  return {
    async transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return db.connection().execute(async (conn) => {
        await conn.executeQuery(SYNCHRONOUS_NORMAL);
        try {
          const result = await conn.transaction().execute(work);
          written += 1;
          afterCommit();
          return result;
        } finally {
          await conn.executeQuery(SYNCHRONOUS_FULL);
        }
      });
    },
    sync(): Promise<void> {
      if (failure) return Promise.reject(failure.error);
      if (durable >= written) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ upTo: written, resolve, reject });
        kick();
      });
    },
    syncing: () => syncing,
    stats: () => ({ syncs }),
  };
}

/** How long the WAL's descriptor stays open after its last fsync. */
const WAL_FD_IDLE_MS = 1000;

/**
 * fdatasync of the WAL file; the first time, fsync of its folder too (its
 * name). The WAL's descriptor is kept open while fsyncs follow each other
 * (closed after {@link WAL_FD_IDLE_MS} without one): opening and closing it
 * cost two more trips through the thread pool per fsync. A kept descriptor
 * still names the file SQLite writes: SQLite rewrites or truncates its WAL in
 * place and deletes it only when the last connection closes, and the
 * server's connection, whose commits these fsyncs follow, stays open.
 */
function walFsyncer(walFile: string): () => Promise<void> {
  let folderSynced = false;
  let fd: number | undefined;
  let idle: NodeJS.Timeout | undefined;
  const close = () => {
    if (fd === undefined) return;
    const closing = fd;
    fd = undefined;
    clearTimeout(idle);
    idle = undefined;
    fsCallback.close(closing, () => undefined);
  };
  return async () => {
    if (!folderSynced) {
      await fsyncOpened(path.dirname(walFile), (handle) => handle.sync());
      folderSynced = true;
    }
    fd ??= await new Promise<number>((resolve, reject) =>
      fsCallback.open(walFile, 'r', (error, opened) => (error ? reject(error) : resolve(opened))),
    );
    if (idle) idle.refresh();
    else idle = setTimeout(close, WAL_FD_IDLE_MS).unref();
    const synced = fd;
    try {
      await new Promise<void>((resolve, reject) =>
        fsCallback.fdatasync(synced, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      close();
      throw error;
    }
  };
}

async function fsyncOpened(
  file: string,
  flush: (handle: fs.FileHandle) => Promise<void>,
): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await flush(handle);
  } finally {
    await handle.close();
  }
}
