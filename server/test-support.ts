/**
 * Shared fixtures for server tests: a temp folder with a real SQLite file
 * (or, with TEST_DATABASE_URL, a fresh PostgreSQL database: test-database.ts),
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
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createFsBlobStore } from './blobs/fs-blob-store';
import type { FsBlobStore } from './blobs/fs-blob-store';
import { openDatabase } from './db/database';
import type { Db } from './db/database';
import type { DatabaseConfig } from './config';
import { migrateToLatest } from './db/migrate';
import {
  POSTGRES_DB_FILE,
  copyDatabase,
  createTestDatabase,
  dropDatabase,
  testPostgresUrl,
  withDatabase,
} from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder whose databases are verified when the suite ends. */
    serverTestRoot: string;
    /** The migrated template each PostgreSQL fixture copies ('' on SQLite). */
    postgresTemplate: string;
  }
}

/** The file name of a fixture's database inside its folder. */
export const TEST_DB_FILE = 'test.sqlite';

export interface TempServerFixture {
  dir: string;
  db: Db;
  blobs: FsBlobStore;
  /** What `db` was opened on. */
  database: DatabaseConfig;
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
  const postgres = await openTestPostgres(dir);
  const database: DatabaseConfig = postgres?.config ?? {
    dialect: 'sqlite',
    file: path.join(dir, TEST_DB_FILE),
  };
  const db = openDatabase(database);
  await migrateToLatest(db);
  const blobs = await createFsBlobStore(path.join(dir, 'blobs'));
  let closed = false;
  let tampered = false;
  return {
    dir,
    db,
    blobs,
    database,
    tampered() {
      tampered = true;
    },
    async cleanup() {
      if (!closed) await db.destroy();
      closed = true;
      if (!root || tampered) {
        await fs.rm(dir, { recursive: true, force: true });
        if (postgres) await postgres.drop();
      }
    },
  };
}

/** On PostgreSQL, a fresh copy of the suite's migrated template, named in `dir`. */
async function openTestPostgres(dir: string) {
  const url = testPostgresUrl();
  if (url === undefined) return undefined;
  const { name, config } = await createTestDatabase(url, inject('postgresTemplate') || undefined);
  await fs.writeFile(path.join(dir, POSTGRES_DB_FILE), name);
  return { config, drop: () => dropDatabase(url, name) };
}

/** A copy of the fixture's database (SQLite: `vacuum into` a file in `dir`), and how to drop it. */
export async function copyFixtureDatabase(
  fx: TempServerFixture,
  dir: string,
): Promise<{ db: Db; drop(): Promise<void> }> {
  const url = testPostgresUrl();
  if (fx.database.dialect === 'sqlite' || url === undefined) {
    const file = path.join(dir, 'copy.sqlite');
    await sql`vacuum into ${file}`.execute(fx.db);
    return { db: openDatabase({ dialect: 'sqlite', file }), drop: () => Promise.resolve() };
  }
  const name = await copyDatabase(url, new URL(fx.database.url).pathname.slice(1));
  const db = openDatabase({ dialect: 'postgres', url: withDatabase(url, name) });
  return { db, drop: () => dropDatabase(url, name) };
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
