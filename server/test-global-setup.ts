/**
 * The unit suite's global setup (vitest.config.ts): every server test
 * database is made under one folder (test-support.ts), and when the suite
 * ends `verify-audit` runs on each of them — the audit chain and every stored
 * case version and photo. The run fails unless every one is intact, so a code
 * path that writes a chain or evidence the verifier cannot confirm is caught
 * by whichever test happened to take it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runAdmin } from './admin-cli';
import { createFsBlobStore } from './blobs/fs-blob-store';
import { openDatabase } from './db/database';
import { TEST_DB_FILE } from './test-support';

export default function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kuaichu-suite-'));
  project.provide('serverTestRoot', root);
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
      await fs.rm(root, { recursive: true, force: true });
    }
  };
}

/** Runs verify-audit on every database under `root`; answers how many, and the lines of each broken one. */
export async function verifyTestDatabases(
  root: string,
): Promise<{ checked: number; broken: string[] }> {
  const broken: string[] = [];
  let checked = 0;
  for (const name of (await fs.readdir(root)).sort()) {
    const dir = path.join(root, name);
    const file = path.join(dir, TEST_DB_FILE);
    if (!existsSync(file)) continue;
    checked += 1;
    const db = openDatabase({ dialect: 'sqlite', file });
    const lines: string[] = [];
    try {
      const code = await runAdmin(['verify-audit'], {
        db,
        blobs: await createFsBlobStore(path.join(dir, 'blobs')),
        now: () => new Date(),
        out: () => undefined,
        err: (line) => void lines.push(line),
      });
      if (code !== 0) broken.push(`${dir}:`, ...lines.map((l) => `  ${l}`));
    } finally {
      await db.destroy();
    }
  }
  return { checked, broken };
}
