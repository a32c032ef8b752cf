/**
 * The unit suite's global setup (vitest.config.ts): every server test
 * database is made under one folder (test-support.ts), and when the suite
 * ends `verify-audit` runs on each of them — the audit chain and every stored
 * case version and photo. The run fails unless every one is intact, so a code
 * path that writes a chain or evidence the verifier cannot confirm is caught
 * by whichever test happened to take it.
 *
 * With TEST_DATABASE_URL=postgres://… (test-database.ts) the fixtures are
 * PostgreSQL databases copied from one template migrated here; they are
 * verified the same way, then dropped.
 */
import { mkdtempSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { DatabaseConfig } from './config';
import { runAdmin } from './admin-cli';
import { createFsBlobStore } from './blobs/fs-blob-store';
import { openDatabase } from './db/database';
import {
  createTemplateDatabase,
  dropRunDatabases,
  fixtureDatabase,
  testPostgresUrl,
} from './test-database';
import { TEST_DB_FILE } from './test-support';

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kuaichu-suite-'));
  project.provide('serverTestRoot', root);
  const postgres = testPostgresUrl();
  const template = postgres === undefined ? '' : await createTemplateDatabase(postgres);
  project.provide('postgresTemplate', template);
  if (postgres !== undefined) console.log('server tests on PostgreSQL (TEST_DATABASE_URL)');
  return async () => {
    try {
      const { checked, broken } = await verifyTestDatabases(root);
      if (broken.length > 0) {
        // Vitest reports an error thrown here but keeps the exit code of the tests.
        process.exitCode = 1;
        throw new Error(`verify-audit: not every test database is intact\n${broken.join('\n')}`);
      }
      console.log(`verify-audit: all ${checked} test databases intact`);
    } finally {
      // A throw-away cluster (scripts/test-postgres.ts) is removed whole.
      if (postgres !== undefined && process.env.TEST_DATABASE_THROWAWAY !== '1') {
        await dropRunDatabases(postgres, template);
      }
      await fs.rm(root, { recursive: true, force: true });
    }
  };
}

/** How many databases verify-audit checks at once (PostgreSQL waits on connections more than on CPU). */
const VERIFY_AT_ONCE = 4;

/** Runs verify-audit on every database under `root`; answers how many, and the lines of each broken one. */
export async function verifyTestDatabases(
  root: string,
): Promise<{ checked: number; broken: string[] }> {
  const found = await Promise.all(
    (await fs.readdir(root)).sort().map(async (name) => {
      const dir = path.join(root, name);
      return { dir, config: await fixtureDatabase(dir, TEST_DB_FILE) };
    }),
  );
  const todo = found.flatMap(({ dir, config }) => (config ? [{ dir, config }] : []));
  const results: string[][] = [];
  for (let i = 0; i < todo.length; i += VERIFY_AT_ONCE) {
    const batch = todo.slice(i, i + VERIFY_AT_ONCE);
    results.push(...(await Promise.all(batch.map(({ dir, config }) => verifyOne(dir, config)))));
  }
  return { checked: todo.length, broken: results.flat() };
}

/** verify-audit on one fixture's database and blobs: no lines when intact. */
async function verifyOne(dir: string, config: DatabaseConfig): Promise<string[]> {
  const db = openDatabase(config);
  const lines: string[] = [];
  try {
    const code = await runAdmin(['verify-audit'], {
      db,
      blobs: await createFsBlobStore(path.join(dir, 'blobs')),
      now: () => new Date(),
      out: () => undefined,
      err: (line) => void lines.push(line),
    });
    return code === 0 ? [] : [`${dir}:`, ...lines.map((l) => `  ${l}`)];
  } finally {
    await db.destroy();
  }
}
