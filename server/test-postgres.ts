/**
 * A throw-away PostgreSQL cluster for tests and CI: `initdb` into a temp
 * folder, `pg_ctl start` on a free port of 127.0.0.1 with trust auth (and no
 * fsync: the data dies with the cluster), then stop and remove on `stop()`.
 * PostgreSQL refuses to run as root, so under root the server programs run
 * as the `postgres` user Debian's package creates (`runuser`). Test-only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin } from './backup/postgres-programs';

export interface ThrowawayPostgres {
  /** `postgres://kuaichu@127.0.0.1:<port>/postgres` (trust auth: no password). */
  url: string;
  /** Stops the cluster and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** The folder holding `pg_ctl` and `initdb`. */
export { findPostgresBin };

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as `postgres` when we are root (initdb refuses root). */
function runPg(bin: string, program: string, args: string[]): void {
  const file = path.join(bin, program);
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
}

/** Starts a fresh cluster (`durable`: with fsync, for the bench); throws when PostgreSQL is not installed. */
export async function startThrowawayPostgres(
  options: { durable?: boolean } = {},
): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (bin === undefined) {
    throw new Error('PostgreSQL is not installed: no pg_ctl (apt-get install -y postgresql)');
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await fs.chown(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  let running = false;
  const stop = async () => {
    if (running) runPg(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-s']);
    running = false;
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    runPg(bin, 'initdb', ['-D', data, '-U', 'kuaichu', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      // Tests: no fsync (the data dies with the cluster). The bench (`durable`)
      // keeps PostgreSQL's defaults, so its commits are on disk as SQLite's are.
      ...(options.durable
        ? []
        : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=200',
    ].join(' ');
    runPg(bin, 'pg_ctl', [
      'start',
      '-D',
      data,
      '-w',
      '-s',
      '-l',
      path.join(dir, 'log'),
      '-o',
      settings,
    ]);
    running = true;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://kuaichu@127.0.0.1:${port}/postgres`, stop };
}
