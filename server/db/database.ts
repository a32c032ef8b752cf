/**
 * Opens the relational database. Today that is SQLite through better-sqlite3;
 * PostgreSQL arrives as a second dialect behind the same `Kysely<Database>`,
 * so routes never learn which one they talk to.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import type { DialectAdapter, SqliteDatabase } from 'kysely';
import type { DatabaseConfig } from '../config';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens the database described by `config`, creating the SQLite file's folder if needed. */
export function openDatabase(config: DatabaseConfig): Db {
  const file = config.file;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers (health checks, dashboards) run beside the single writer.
    sqlite.pragma('journal_mode = WAL');
    // A receipt tells the device its evidence is stored: FULL makes that true
    // across a power cut, not merely across a crash of this process.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return new Kysely<Database>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }),
  });
}

/** Most distinct SQL texts kept prepared (an `in (?, ?, …)` list makes one per length). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs as much
 * as running a small one. This keeps each SQL text's prepared statement for
 * reuse (least recently used dropped first). Safe because the driver runs one
 * query at a time on the one connection, so a statement is never reused while
 * it is still stepping; SQLite re-prepares a statement itself when the schema
 * changes.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

/**
 * SQLite can roll back DDL, but Kysely's adapter says it cannot, so its
 * Migrator would leave a half-applied migration behind on failure. Saying yes
 * makes each migrateToLatest one transaction, as on PostgreSQL. (A future
 * table rebuild that needs foreign keys off must use `pragma
 * defer_foreign_keys = on` instead: `foreign_keys` cannot change in a transaction.)
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** A trivial round trip, for /api/health: resolves when the database answers. */
export async function pingDatabase<DB>(db: Kysely<DB>): Promise<void> {
  const result = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  if (result.rows[0]?.ok !== 1) throw new Error('database answered the ping unexpectedly');
}
