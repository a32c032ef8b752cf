/**
 * Shared fixtures for server tests: a temp folder with a real SQLite file,
 * migrated, and a blob store beside it. Not imported by production code.
 *
 * Under the unit suite every fixture's folder is made inside one folder the
 * suite's global setup provides (test-global-setup.ts), and is left there on
 * cleanup: when the suite ends, verify-audit runs on every database it made
 * and fails the run unless each is intact. A test that breaks its database
 * on purpose says so with `tampered()`; its folder is then removed at cleanup.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createFsBlobStore } from './blobs/fs-blob-store';
import type { FsBlobStore } from './blobs/fs-blob-store';
import { openDatabase } from './db/database';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder whose databases are verified when the suite ends. */
    serverTestRoot: string;
  }
}

/** The file name of a fixture's database inside its folder. */
export const TEST_DB_FILE = 'test.sqlite';

export interface TempServerFixture {
  dir: string;
  db: Db;
  blobs: FsBlobStore;
  /** This test breaks the database or its blobs on purpose: leave it out of the suite's check. */
  tampered(): void;
  /** Closes the database and removes the folder (or leaves it for the suite's check). */
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix = 'kuaichu-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function openTempServerFixture(): Promise<TempServerFixture> {
  const root = inject('serverTestRoot');
  const dir = root ? await fs.mkdtemp(path.join(root, 'db-')) : await makeTempDir();
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, TEST_DB_FILE) });
  await migrateToLatest(db);
  const blobs = await createFsBlobStore(path.join(dir, 'blobs'));
  let closed = false;
  let tampered = false;
  return {
    dir,
    db,
    blobs,
    tampered() {
      tampered = true;
    },
    async cleanup() {
      if (!closed) await db.destroy();
      closed = true;
      if (!root || tampered) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** How many rows a table holds. */
export async function rowCount(db: Db, table: 'cases' | 'changes' | 'audit_events' | 'claims') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The details of every audit event of this action, oldest first. */
export async function auditDetails(db: Db, action: string): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.details) as Record<string, unknown>);
}
