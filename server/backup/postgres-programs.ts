/**
 * PostgreSQL from outside the app's pool: where its programs are (PATH first,
 * then Debian's /usr/lib/postgresql/<n>/bin, newest), and one statement on a
 * connection of its own (CREATE/DROP DATABASE cannot run in a transaction).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The folder holding `program` (pg_ctl, pg_dump …), or undefined when PostgreSQL is not installed. */
export function findPostgresBin(program = 'pg_ctl'): string | undefined {
  const which = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (onPath) return path.dirname(onPath);
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin', program)))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

/** One statement on its own connection to `url`. */
export async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
