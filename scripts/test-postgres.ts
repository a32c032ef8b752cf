/**
 * `npx tsx scripts/test-postgres.ts [command …]`: starts a throw-away
 * PostgreSQL cluster (server/test-postgres.ts) and prints its DATABASE_URL.
 * With a command, runs it with DATABASE_URL and TEST_DATABASE_URL set to the
 * cluster, then stops and removes the cluster and exits with the command's
 * code. Without one, keeps the cluster until Ctrl-C (or SIGTERM).
 *
 * `--if-installed` (npm run test:server:pg): without PostgreSQL, say that the
 * PostgreSQL half is skipped and why, and succeed — unless
 * KUAICHU_REQUIRE_POSTGRES=1 (CI), where a missing PostgreSQL is an error.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPostgresBin, startThrowawayPostgres } from '../server/test-postgres';

const SKIPPED =
  'PostgreSQL half SKIPPED: PostgreSQL is not installed (no pg_ctl on PATH or in /usr/lib/postgresql/*/bin); ' +
  'the server suite ran on SQLite only. Install it with `apt-get install -y postgresql`.';

/** Without PostgreSQL: what to say and the exit code (0: skipped; 1: CI requires it). */
export function withoutPostgres(required: boolean): { code: 0 | 1; message: string } {
  return required
    ? {
        code: 1,
        message: `${SKIPPED}\nKUAICHU_REQUIRE_POSTGRES=1: the PostgreSQL half may not be skipped.`,
      }
    : { code: 0, message: SKIPPED };
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--if-installed') {
    argv = argv.slice(1);
    if (findPostgresBin() === undefined) {
      const { code, message } = withoutPostgres(process.env.KUAICHU_REQUIRE_POSTGRES === '1');
      (code === 0 ? console.log : console.error)(message);
      return code;
    }
  }
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
    const env = {
      ...process.env,
      DATABASE_URL: pg.url,
      TEST_DATABASE_URL: pg.url,
      // The cluster goes whole: the suite need not drop its databases one by one.
      TEST_DATABASE_THROWAWAY: '1',
    };
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

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`test-postgres: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
