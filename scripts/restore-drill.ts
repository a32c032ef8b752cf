/**
 * The restore drill: `npx tsx scripts/restore-drill.ts [work-folder]` with
 * the server's environment (DATABASE_URL, DATA_DIR, BLOB_STORE, S3_*) backs
 * up the database, restores it into a fresh one and runs verify-audit on the
 * copy (server/backup/restore-drill.ts). Exit 0 when the copy verifies.
 * KEEP_RESTORED=1 keeps a restored PostgreSQL database for a look.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { restoreDrill } from '../server/backup/restore-drill';
import { openBlobStore } from '../server/blobs/open-blob-store';
import { ConfigError, loadConfig } from '../server/config';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const workDir = process.argv[2] ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-drill-')));
  await fs.mkdir(workDir, { recursive: true });
  console.log(`backup into ${workDir}`);
  return restoreDrill({
    database: config.database,
    blobs: await openBlobStore(config),
    workDir,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    keep: process.env.KEEP_RESTORED === '1',
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `restore drill failed: ${String(error)}`,
    );
    process.exit(1);
  },
);
