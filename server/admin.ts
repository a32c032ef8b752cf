/**
 * The admin CLI entry: `npm run admin -- <command>` (script: `tsx server/admin.ts`).
 * Opens the configured database, brings it to the latest schema, runs one
 * command (see admin-cli.ts) and exits with its code.
 */
import { runAdmin } from './admin-cli';
import { openBlobStore } from './blobs/open-blob-store';
import { ConfigError, loadConfig } from './config';
import { openDatabase, reachDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const db = openDatabase(config.database);
  try {
    await reachDatabase(db, config.database);
    await migrateToLatest(db);
    return await runAdmin(process.argv.slice(2), {
      db,
      blobs: await openBlobStore(config),
      now: () => new Date(),
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
