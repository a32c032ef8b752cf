/**
 * The server CLI: config → blob store (BLOB_STORE: files, or an S3 bucket
 * reached once) → database → migrations → (demo seed with `--demo` or
 * KUAICHU_DEMO=1) → app → listen.
 * Prints the URL to open (and the LAN addresses for a phone), and on SIGTERM
 * or SIGINT stops accepting requests, lets in-flight ones finish, then closes
 * the database. `npm start` runs this through scripts/start.mjs.
 */
import { buildApp } from './app';
import { openBlobStore } from './blobs/open-blob-store';
import { scheduleScrub } from './blobs/scrub';
import { scheduleUploadSweep } from './uploads/upload-sweep';
import { ConfigError, loadConfig } from './config';
import { openDatabase, reachDatabase } from './db/database';
import { PROCESS_HOLDER } from './db/job-lease';
import { migrateToLatest } from './db/migrate';
import { demoMessage, seedDemo } from './demo';
import { lanAddresses, startupMessage } from './startup-message';
import { readVersion } from './version';

/** A graceful stop that takes longer than this is cut short. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // First: a bucket that cannot be reached stops start-up before the database is touched.
  const blobs = await openBlobStore(config);
  const db = openDatabase(config.database);
  await reachDatabase(db, config.database);
  const { applied } = await migrateToLatest(db);
  const demo = config.demo || process.argv.slice(2).includes('--demo');
  const demoSeed = demo ? await seedDemo(db, new Date()) : undefined;
  const app = buildApp(config, { db, blobs, version: readVersion() });
  if (applied.length > 0) app.log.info({ applied }, 'database migrated');

  let stopping = false;
  let stopScrub = () => {};
  let stopSweep = () => {};
  const stop = (signal: NodeJS.Signals) => {
    // The terminal sends Ctrl+C to start.mjs and to us; a repeat is not an emergency.
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    stopScrub();
    stopSweep();
    setTimeout(() => {
      console.error('Kuaichu: shutdown took too long, exiting.');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app
      .close()
      .then(() => db.destroy())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Kuaichu: error while shutting down:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const address = app.server.address();
  app.webhooks.start();
  stopSweep = scheduleUploadSweep(
    { db, folder: app.uploads, now: () => new Date(), expiryMs: config.uploadExpiryMs },
    PROCESS_HOLDER,
    (result) => {
      if (result.removed.length > 0) app.log.info(result, 'stale uploads swept');
    },
    (error) => app.log.error({ err: error }, 'upload sweep failed'),
  );
  stopScrub = scheduleScrub(
    { db, blobs, now: () => new Date() },
    PROCESS_HOLDER,
    (result) => app.log.info(result, 'blob scrub done'),
    (error) => app.log.error({ err: error }, 'blob scrub failed'),
  );
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  console.log(startupMessage(config, port, lanAddresses()));
  if (demoSeed) console.log(demoMessage(demoSeed));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    console.error(
      `Kuaichu: the port is already in use. Set PORT to another one. (${String(error)})`,
    );
  } else console.error('Kuaichu failed to start:', error);
  process.exit(1);
});
