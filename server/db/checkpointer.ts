/**
 * WAL checkpoints off the event loop (SQLite only). By default the connection
 * that commits runs a checkpoint inside its COMMIT once the WAL passes 1,000
 * pages: it copies the pages into the database file and fsyncs the WAL and the
 * database — on the event loop, for better-sqlite3 (one stall of several ms
 * every ~75 case PUTs). Once group commit's deferred sync (wal-sync.ts) is
 * under way, the server's connection stops checkpointing
 * (`wal_autocheckpoint = 0`) and a worker thread with a connection of its own
 * runs `PRAGMA wal_checkpoint(PASSIVE)` at most every {@link CHECKPOINT_EVERY_MS}
 * after a commit: a passive checkpoint runs beside the writer and its readers.
 * If the worker stops, the connection checkpoints by itself again.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Shortest time between two checkpoints asked for. */
export const CHECKPOINT_EVERY_MS = 250;

/** SQLite's default; restored when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
parentPort.on('message', () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next commit asks again.
  }
});
parentPort.on('close', () => db.close());
`;

export interface Checkpointer {
  /** Says a transaction committed: a checkpoint follows soon. */
  committed(): void;
  /** Stops the worker (the database is closing). */
  stop(): Promise<void>;
}

/**
 * Starts the worker for the database `file`; `setAutocheckpoint` sets the
 * server connection's `wal_autocheckpoint` (0 while the worker runs).
 */
export function startCheckpointer(
  file: string,
  busyTimeoutMs: number,
  setAutocheckpoint: (pages: number) => void,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, busyTimeoutMs } });
  worker.unref();
  let alive = true;
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  const gone = () => {
    if (!alive) return;
    alive = false;
    clearTimeout(timer);
    setAutocheckpoint(AUTOCHECKPOINT_PAGES);
  };
  worker.once('error', gone);
  worker.once('exit', gone);
  setAutocheckpoint(0);
  const ask = () => {
    timer = undefined;
    last = Date.now();
    if (alive) worker.postMessage('checkpoint');
  };
  return {
    committed() {
      if (!alive || timer) return;
      const wait = last + CHECKPOINT_EVERY_MS - Date.now();
      if (wait <= 0) ask();
      else timer = setTimeout(ask, wait).unref();
    },
    async stop() {
      gone();
      await worker.terminate();
    },
  };
}
