/**
 * Group commit: many requests' writes in one transaction, one fsync.
 *
 * SQLite with `synchronous = FULL` fsyncs the WAL on every COMMIT, and that
 * fsync — not the SQL — is what a write costs. Requests that want to write
 * call {@link GroupCommitter.run}; the work of every request that arrived
 * while the previous batch was running is done in the next batch, one
 * transaction, each request's work inside its own SAVEPOINT:
 *  - a request whose work throws (a refusal, a conflict) is rolled back to its
 *    savepoint alone and gets its error; its neighbours go on and commit;
 *  - every request is answered only after its batch's COMMIT returned and
 *    its WAL was fsynced, so whatever it is told (a receipt) is on disk, as
 *    with one commit each. On SQLite the fsync runs off the event loop after
 *    the COMMIT (wal-sync.ts): the next requests are checked meanwhile and
 *    commit as one batch when it ends (at once if they fill a batch), and
 *    one fsync covers every batch committed before it started;
 *  - a failed COMMIT fails every request of the batch (none of it is stored);
 *  - the work runs in arrival order, one after the other on the one
 *    connection, so what reads the audit chain's head sees the previous
 *    request's event: the chain's order is the batch's order.
 * Work must only use the transaction it is given (no other awaits that wait
 * for I/O): the batch holds the database's single connection while it runs.
 *
 * When to start a batch: a request announces itself when it starts the checks
 * that come before its writes (a signature, a file's size: work off the main
 * thread), and withdraws when it joins the queue or needs no write. A batch
 * starts once no announced request is still checking, or `maxWaitMs` after
 * its first request joined, whichever is first — so requests that arrived
 * together commit together, and a lone request waits for no one.
 */
import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { sqliteCheckpointer, sqliteWalFile } from './database';
import { createWalSync, type WalSync } from './wal-sync';

/** A request on its way to {@link GroupCommitter.run}; withdrawing twice is harmless. */
export interface Announcement {
  withdraw(): void;
}

export interface GroupCommitter<DB> {
  /** Runs `work` in the next batch; resolves with its result once the batch has committed. */
  run<T>(work: (trx: Kysely<DB>) => Promise<T>, announced?: Announcement): Promise<T>;
  /** Says a request will probably call `run` soon: the next batch waits for it (a little). */
  announce(): Announcement;
  /** Resolves once every batch committed so far is on disk (before answering what a batch stored). */
  durable(): Promise<void>;
  /** Batches committed and requests in them, since start (the bench reports the mean). */
  stats(): { batches: number; requests: number };
}

interface Entry<DB> {
  work: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommitOptions<DB = unknown> {
  /** Most requests in one transaction (bounds how long one batch holds the connection). */
  maxBatch?: number;
  /** Longest a batch waits for announced requests after its first joined. */
  maxWaitMs?: number;
  /**
   * SQLite: fsync the WAL after COMMIT off the event loop (wal-sync.ts), the
   * default for a database file; false: COMMIT with `synchronous = FULL`;
   * a WalSync of its own (tests).
   */
  walSync?: boolean | WalSync<DB>;
}

export function createGroupCommitter<DB>(
  db: Kysely<DB>,
  { maxBatch = 64, maxWaitMs = 2, walSync = true }: GroupCommitOptions<DB> = {},
): GroupCommitter<DB> {
  const durability = walSync === true ? walSyncOf(db) : walSync || undefined;
  const transaction = durability
    ? <T>(work: (trx: Transaction<DB>) => Promise<T>) => durability.transaction(work)
    : <T>(work: (trx: Transaction<DB>) => Promise<T>) => db.transaction().execute(work);
  const durable = () => durability?.sync() ?? Promise.resolve();
  const queue: Entry<DB>[] = [];
  let running = false;
  let scheduled = false;
  let heldForSync = false;
  let announced = 0;
  let deadline: NodeJS.Timeout | undefined;
  let batches = 0;
  let requests = 0;

  const schedule = () => {
    if (running || scheduled || queue.length === 0) return;
    // While a WAL fsync is under way, what joins the queue waits for its end and commits as one
    // batch: a batch committed during the fsync would wait for the next fsync anyway, and each
    // batch costs its own BEGIN, COMMIT and WAL writes. A full batch goes at once.
    const inFlight = queue.length < maxBatch ? durability?.syncing() : undefined;
    if (inFlight) {
      if (heldForSync) return;
      heldForSync = true;
      void inFlight.then(() => {
        heldForSync = false;
        schedule();
      });
      return;
    }
    if (announced > 0 && queue.length < maxBatch) {
      deadline ??= setTimeout(start, maxWaitMs);
      return;
    }
    scheduled = true;
    // After this turn's I/O callbacks: requests that arrived together join one batch.
    setImmediate(start);
  };

  const start = () => {
    scheduled = false;
    clearTimeout(deadline);
    deadline = undefined;
    void flush();
  };

  const announce = (): Announcement => {
    announced += 1;
    let done = false;
    return {
      withdraw() {
        if (done) return;
        done = true;
        announced -= 1;
        schedule();
      },
    };
  };

  const flush = async () => {
    if (running || queue.length === 0) return;
    running = true;
    const batch = queue.splice(0, maxBatch);
    let outcomes: Outcome[];
    try {
      outcomes = await transaction((trx) => runBatch(trx, batch));
      batches += 1;
      requests += batch.length;
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    } finally {
      // The next batch may start (if full) or gather while this one's WAL is fsynced.
      running = false;
      schedule();
    }
    try {
      await durable();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) entry.resolve(outcome.value);
      else entry.reject(outcome?.error);
    });
  };

  return {
    run<T>(work: (trx: Kysely<DB>) => Promise<T>, announced?: Announcement): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        announced?.withdraw();
        schedule();
      });
    },
    announce,
    durable,
    stats: () => ({ batches, requests }),
  };
}

/** The deferred WAL sync of a SQLite database file; none for PostgreSQL (its COMMIT does not block) or `:memory:`. */
function walSyncOf<DB>(db: Kysely<DB>): WalSync<DB> | undefined {
  const walFile = sqliteWalFile(db);
  if (walFile === undefined) return undefined;
  // The checkpointer's worker starts with the first batch.
  return createWalSync(db, walFile, undefined, () => sqliteCheckpointer(db)?.committed());
}

// Compiled once: every request of a batch runs two of them.
const SAVEPOINT = CompiledQuery.raw('savepoint group_commit');
const RELEASE = CompiledQuery.raw('release group_commit');
const ROLLBACK_TO = CompiledQuery.raw('rollback to group_commit');

/** Each running batch's shared values, by its transaction (see {@link batchShared}). */
const sharedOf = new WeakMap<object, Map<unknown, unknown>>();

/**
 * Values the requests of one batch read once and share (the audit chain's
 * head, the insurers), by the batch's transaction; undefined for any other
 * transaction or database. A request whose work is rolled back forgets them
 * all (it may have moved the head), so the next one reads them again.
 */
export function batchShared(trx: object): Map<unknown, unknown> | undefined {
  return sharedOf.get(trx);
}

async function runBatch<DB>(trx: Kysely<DB>, batch: Entry<DB>[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const shared = new Map<unknown, unknown>();
  sharedOf.set(trx, shared);
  try {
    for (const entry of batch) {
      await trx.executeQuery(SAVEPOINT);
      try {
        const value = await entry.work(trx);
        await trx.executeQuery(RELEASE);
        outcomes.push({ ok: true, value });
      } catch (error) {
        shared.clear();
        await trx.executeQuery(ROLLBACK_TO);
        await trx.executeQuery(RELEASE);
        outcomes.push({ ok: false, error });
      }
    }
  } finally {
    sharedOf.delete(trx);
  }
  return outcomes;
}
