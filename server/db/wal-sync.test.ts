import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Generated, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteCheckpointer, sqliteWalFile } from './database';
import { createGroupCommitter } from './group-commit';
import { createWalSync } from './wal-sync';

// The deferred sync is SQLite's (PostgreSQL's COMMIT does not block the event
// loop), so these tests open a SQLite file of their own on either test run.
interface Tables {
  notes: { id: Generated<number>; subject: string };
}

let dir: string;
let db: Kysely<Tables>;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-wal-sync-'));
  db = openDatabase({
    dialect: 'sqlite',
    file: path.join(dir, 'wal.sqlite'),
  }) as unknown as Kysely<Tables>;
  await sql`create table notes (id integer primary key, subject text not null)`.execute(db);
});

afterEach(async () => {
  await db.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

/** An fsync the test finishes by hand: each call waits until `finish` (or `fail`) is called. */
function heldFsync() {
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  return {
    fsync: () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
    calls: () => pending.length,
    finish: (i: number) => pending[i]?.resolve(),
    fail: (i: number, error: Error) => pending[i]?.reject(error),
  };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

const walFileOf = (db: object) => {
  const file = sqliteWalFile(db);
  if (file === undefined) throw new Error('the fixture is not a SQLite file');
  return file;
};

describe('group commit with the WAL fsynced after COMMIT', () => {
  const audit = (subject: string) => async (trx: Kysely<Tables>) => {
    const row = await trx
      .insertInto('notes')
      .values({ subject })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  /** A committer on a held fsync, its first batch committed and waiting for the disk. */
  const firstBatchFsyncing = async () => {
    const disk = heldFsync();
    const walSync = createWalSync(db, walFileOf(db), disk.fsync);
    const commits = createGroupCommitter(db, { walSync });
    const first = commits.run(audit('first'));
    expect(await settled(first)).toBe(false);
    return { disk, walSync, commits, first };
  };

  it('answers a batch only after its fsync; what arrives meanwhile commits after it, as one batch', async () => {
    const { disk, walSync, commits, first } = await firstBatchFsyncing();
    expect(disk.calls()).toBe(1);
    // Committed (another reader sees it), not yet answered.
    expect(await db.selectFrom('notes').select('subject').execute()).toHaveLength(1);
    const second = commits.run(audit('second'));
    const third = commits.run(audit('third'));
    expect(await settled(second)).toBe(false);
    // Held while the fsync runs: committed now, they would wait for the next fsync anyway.
    expect(commits.stats().batches).toBe(1);
    disk.finish(0);
    await first;
    expect(await settled(second)).toBe(false);
    expect(commits.stats()).toEqual({ batches: 2, requests: 3 });
    expect(disk.calls()).toBe(2);
    disk.finish(1);
    await Promise.all([second, third]);
    expect(walSync.stats().syncs).toBe(2);
  });

  it('commits a full batch during an fsync: the next fsync covers it', async () => {
    const disk = heldFsync();
    const walSync = createWalSync(db, walFileOf(db), disk.fsync);
    const commits = createGroupCommitter(db, { walSync, maxBatch: 2 });
    const first = commits.run(audit('first'));
    expect(await settled(first)).toBe(false);
    const next = [commits.run(audit('second')), commits.run(audit('third'))];
    expect(await settled(next[0] as Promise<number>)).toBe(false);
    expect(commits.stats()).toEqual({ batches: 2, requests: 3 });
    // The first fsync started before the second batch's COMMIT: it does not cover it.
    expect(disk.calls()).toBe(1);
    disk.finish(0);
    await first;
    expect(await settled(next[0] as Promise<number>)).toBe(false);
    disk.finish(1);
    expect(await Promise.all(next)).toEqual([2, 3]);
  });

  it('keeps synchronous = FULL for every other transaction on the connection', async () => {
    const commits = createGroupCommitter(db);
    await commits.run(audit('batched'));
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(rows[0]?.synchronous).toBe(2);
  });

  it('fails the batch whose fsync failed, and every later one: no receipt for lost bytes', async () => {
    const { disk, commits, first } = await firstBatchFsyncing();
    disk.fail(0, new Error('EIO: i/o error, fdatasync'));
    await expect(first).rejects.toThrow('EIO');
    await expect(commits.run(audit('later'))).rejects.toThrow('EIO');
    await expect(commits.durable()).rejects.toThrow('EIO');
    expect(disk.calls()).toBe(1);
  });

  it('durable() waits for the fsync of what was committed, and is at once when nothing is pending', async () => {
    expect(await settled(createGroupCommitter(db).durable())).toBe(true);
    const { disk, commits, first } = await firstBatchFsyncing();
    const durable = commits.durable();
    expect(await settled(durable)).toBe(false);
    disk.finish(0);
    await Promise.all([first, durable]);
  });

  it('fsyncs the real WAL file (and answers) with the default fsync', async () => {
    const commits = createGroupCommitter(db);
    const ids = await Promise.all(['a', 'b'].map((s) => commits.run(audit(s))));
    expect(ids).toEqual([1, 2]);
    await commits.durable();
  });
});

describe('the WAL checkpointer', () => {
  it('moves checkpoints off the connection that commits, and hands them back when it stops', async () => {
    const autocheckpoint = async () =>
      (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]
        ?.wal_autocheckpoint;
    expect(await autocheckpoint()).toBe(1000);
    const commits = createGroupCommitter(db);
    await commits.run((trx) => trx.insertInto('notes').values({ subject: 'a' }).execute());
    expect(await autocheckpoint()).toBe(0);
    const checkpointer = sqliteCheckpointer(db);
    if (!checkpointer) throw new Error('no checkpointer for a SQLite file');
    await checkpointer.stop();
    expect(await autocheckpoint()).toBe(1000);
  });

  it('checkpoints the WAL into the database file from its worker', async () => {
    const commits = createGroupCommitter(db);
    const rows = Array.from({ length: 50 }, (_, i) => `note ${i}`.padEnd(2000, '.'));
    await Promise.all(
      rows.map((subject) =>
        commits.run((trx) => trx.insertInto('notes').values({ subject }).execute()),
      ),
    );
    const file = walFileOf(db).replace(/-wal$/, '');
    const before = (await fs.stat(file)).size;
    // The worker's passive checkpoint copies the committed pages into the database file.
    await expect
      .poll(async () => (await fs.stat(file)).size, { timeout: 10_000 })
      .toBeGreaterThan(before + 50 * 2000);
  });
});
