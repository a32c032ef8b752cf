/**
 * Shared fixtures for server tests: a temp folder with a real SQLite file,
 * migrated, and a blob store beside it. Not imported by production code.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFsBlobStore } from './blobs/fs-blob-store';
import type { FsBlobStore } from './blobs/fs-blob-store';
import { openDatabase } from './db/database';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrate';

export interface TempServerFixture {
  dir: string;
  db: Db;
  blobs: FsBlobStore;
  /** Closes the database and removes the folder. */
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix = 'kuaichu-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function openTempServerFixture(): Promise<TempServerFixture> {
  const dir = await makeTempDir();
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'test.sqlite') });
  await migrateToLatest(db);
  const blobs = await createFsBlobStore(path.join(dir, 'blobs'));
  let closed = false;
  return {
    dir,
    db,
    blobs,
    async cleanup() {
      if (!closed) await db.destroy();
      closed = true;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
