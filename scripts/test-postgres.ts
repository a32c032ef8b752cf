/**
 * `npx tsx scripts/test-postgres.ts [command …]`: starts a throw-away
 * PostgreSQL cluster (server/test-postgres.ts) and prints its DATABASE_URL.
 * With a command, runs it with DATABASE_URL and TEST_DATABASE_URL set to the
 * cluster, then stops and removes the cluster and exits with the command's
 * code. Without one, keeps the cluster until Ctrl-C (or SIGTERM).
 */
import { spawn } from 'node:child_process';
import { startThrowawayPostgres } from '../server/test-postgres';

async function main(argv: string[]): Promise<number> {
  const pg = await startThrowawayPostgres();
  console.log(`DATABASE_URL=${pg.url}`);
  try {
    const [command, ...args] = argv;
    if (command === undefined) {
      console.log('PostgreSQL is running; Ctrl-C stops it and removes its data.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      return 0;
    }
    const env = { ...process.env, DATABASE_URL: pg.url, TEST_DATABASE_URL: pg.url };
    const child = spawn(command, args, { stdio: 'inherit', env });
    return await new Promise<number>((resolve) => {
      child.once('error', (error) => {
        console.error(`${command}: ${error.message}`);
        resolve(127);
      });
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await pg.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test-postgres: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
