/**
 * The restore drill (docs/capacity.md, "Backups"): takes a backup of the
 * live database the way an operator would, restores it into a fresh
 * database, and runs verify-audit on the copy — the audit chain, every
 * stored case version and its photos in the blob store (which is not copied:
 * its objects are immutable and content-addressed; bucket versioning or the
 * file store's own backup keeps them). The restored chain must also reach
 * the head hash the live database had when the drill began.
 *
 * SQLite: `VACUUM INTO` (a consistent copy while the server runs), then the
 * copy opened as a new file. PostgreSQL: `pg_dump -Fc`, a new database,
 * `pg_restore` into it, dropped after the check unless `keep`.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { runAdmin } from '../admin-cli';
import { verifyAuditChain } from '../audit/audit-log';
import type { BlobStore } from '../blobs/blob-store';
import type { DatabaseConfig } from '../config';
import { openDatabase, postgresWhere } from '../db/database';
import type { Db } from '../db/database';
import { findPostgresBin, onPostgres } from './postgres-programs';

const run = promisify(execFile);

export interface DrillOptions {
  database: DatabaseConfig;
  blobs: BlobStore;
  /** Where the backup file (and a restored SQLite file) go. */
  workDir: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Keep the restored PostgreSQL database (default: dropped after the check). */
  keep?: boolean;
}

interface Restored {
  db: Db;
  where: string;
  drop(): Promise<void>;
}

/** Runs the drill; answers 0 when the restored copy verifies, else 1. */
export async function restoreDrill(o: DrillOptions): Promise<number> {
  const live = openDatabase(o.database);
  let head: { count: number; headHash: string };
  try {
    head = await verifyAuditChain(live);
    if (o.database.dialect === 'sqlite') await backupSqlite(live, o.workDir);
  } finally {
    await live.destroy();
  }
  const restored =
    o.database.dialect === 'sqlite'
      ? await restoreSqlite(o.workDir)
      : await restorePostgres(o.database.url, o.workDir, o.keep === true);
  try {
    o.out(`restored into ${restored.where}`);
    const verified = await runAdmin(['verify-audit'], {
      db: restored.db,
      blobs: o.blobs,
      now: () => new Date(),
      out: o.out,
      err: o.err,
    });
    const reached = await restored.db
      .selectFrom('audit_events')
      .select('hash')
      .where('id', '=', head.count)
      .executeTakeFirst();
    const hashOk = head.count === 0 || reached?.hash === head.headHash;
    if (!hashOk) o.err(`restored chain does not reach the live head ${head.headHash}`);
    return verified === 0 && hashOk ? 0 : 1;
  } finally {
    await restored.db.destroy();
    if (!o.keep) await restored.drop();
  }
}

const BACKUP_SQLITE = 'backup.sqlite';
const BACKUP_DUMP = 'backup.dump';

async function backupSqlite(live: Db, workDir: string): Promise<void> {
  const file = path.join(workDir, BACKUP_SQLITE);
  await fs.rm(file, { force: true });
  await sql`vacuum into ${file}`.execute(live);
}

async function restoreSqlite(workDir: string): Promise<Restored> {
  const file = path.join(workDir, 'restored', 'kuaichu.sqlite');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.copyFile(path.join(workDir, BACKUP_SQLITE), file);
  return {
    db: openDatabase({ dialect: 'sqlite', file }),
    where: file,
    drop: () => fs.rm(path.dirname(file), { recursive: true, force: true }),
  };
}

/** The program's path; a clear error when PostgreSQL's client programs are not installed. */
function program(name: 'pg_dump' | 'pg_restore'): string {
  const bin = findPostgresBin(name);
  if (bin === undefined)
    throw new Error(`${name} not found: install PostgreSQL's client programs (postgresql-client)`);
  return path.join(bin, name);
}

async function restorePostgres(url: string, workDir: string, keep: boolean): Promise<Restored> {
  const dump = path.join(workDir, BACKUP_DUMP);
  await run(program('pg_dump'), ['--format=custom', '--no-owner', `--file=${dump}`, url]);
  const name = `kuaichu_restore_${randomBytes(6).toString('hex')}`;
  const target = new URL(url);
  target.pathname = `/${name}`;
  await onPostgres(url, `create database ${name}`);
  const drop = () => onPostgres(url, `drop database if exists ${name} with (force)`);
  try {
    await run(program('pg_restore'), ['--no-owner', `--dbname=${target.href}`, dump]);
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    db: openDatabase({ dialect: 'postgres', url: target.href, poolSize: 2 }),
    where: postgresWhere(target.href) + (keep ? ' (kept)' : ''),
    drop,
  };
}
