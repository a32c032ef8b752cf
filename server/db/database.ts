/**
 * Opens the relational database: SQLite through better-sqlite3 (the
 * zero-configuration default) or PostgreSQL through `pg` (DATABASE_URL=
 * postgres://…), both behind the same `Kysely<Database>`, so routes never
 * learn which one they talk to. PostgreSQL's bigint and numeric (count(*),
 * sum(), bigserial ids) are read as JavaScript numbers, as SQLite answers them.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  SqliteAdapter,
  SqliteDialect,
  sql,
} from 'kysely';
import type {
  DatabaseConnection,
  DialectAdapter,
  Driver,
  PostgresDialectConfig,
  SqliteDatabase,
  TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { ConfigError } from '../config';
import type { DatabaseConfig } from '../config';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Connections each process keeps to PostgreSQL. */
export const POSTGRES_POOL_SIZE = 10;

/** Opens the database described by `config`, creating the SQLite file's folder if needed. */
export function openDatabase(config: DatabaseConfig): Db {
  if (config.dialect === 'postgres') return openPostgres(config.url, config.poolSize);
  return openSqlite(config.file);
}

/** bigint (20) and numeric (1700) as numbers: ids, counts and sums stay far below 2^53. */
const POSTGRES_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(url: string, max = POSTGRES_POOL_SIZE): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: POSTGRES_TYPES,
  });
  // An idle connection the server drops (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new SerializedPostgresDialect({ pool }) });
}

/** The key of the advisory lock every PostgreSQL transaction takes first ("kc" in ASCII). */
export const WRITER_LOCK_KEY = 0x6b63;

/**
 * SQLite runs one transaction at a time, and the code was written for that:
 * "read the state, then write what follows from it" (the audit chain's head,
 * a case's version, a claim's state) is atomic inside a transaction. On
 * PostgreSQL every transaction therefore first takes one transaction-scoped
 * advisory lock, shared by every API process on the database: transactions
 * run one after another as on SQLite, while reads outside a transaction run
 * beside them. (Finer locks — `FOR UPDATE`, `SKIP LOCKED` work queues — can
 * replace it table by table; issue 15.)
 */
class SerializedPostgresDriver extends PostgresDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITER_LOCK_KEY})`),
    );
  }
}

class SerializedPostgresDialect extends PostgresDialect {
  readonly #settings: PostgresDialectConfig;
  constructor(settings: PostgresDialectConfig) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver(): Driver {
    return new SerializedPostgresDriver(this.#settings);
  }
}

function openSqlite(file: string): Db {
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
  let checkpointer: Checkpointer | undefined;
  const close = () => {
    void checkpointer?.stop();
    sqlite.close();
  };
  const db = new Kysely<Database>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite, close) }),
  });
  if (file !== ':memory:') {
    const resolved = path.resolve(file);
    sqliteFiles.set(db, {
      walFile: `${resolved}-wal`,
      checkpointer: () =>
        (checkpointer ??= startCheckpointer(resolved, SQLITE_BUSY_TIMEOUT_MS, (pages) => {
          if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${pages}`);
        })),
    });
  }
  return db;
}

interface SqliteFile {
  walFile: string;
  /** The worker that checkpoints the WAL (checkpointer.ts), started on first use. */
  checkpointer(): Checkpointer;
}

const sqliteFiles = new WeakMap<object, SqliteFile>();

/** The WAL file of a SQLite database opened by {@link openDatabase}; undefined for PostgreSQL and `:memory:`. */
export function sqliteWalFile(db: object): string | undefined {
  return sqliteFiles.get(db)?.walFile;
}

/** The WAL checkpointer of a SQLite database file, started now if not yet; undefined for PostgreSQL and `:memory:`. */
export function sqliteCheckpointer(db: object): Checkpointer | undefined {
  return sqliteFiles.get(db)?.checkpointer();
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
function withStatementCache(sqlite: SQLite.Database, close: () => void): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      close();
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

/**
 * Start-up's first round trip: a database that cannot be reached stops the
 * server with one line naming DATABASE_URL (never its password).
 */
export async function reachDatabase<DB>(db: Kysely<DB>, config: DatabaseConfig): Promise<void> {
  try {
    await pingDatabase(db);
  } catch (error) {
    const where = config.dialect === 'postgres' ? postgresWhere(config.url) : config.file;
    const why = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`DATABASE_URL: cannot reach the database ${where}: ${why}`);
  }
}

function postgresWhere(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `postgres://${hostname}:${port || '5432'}${pathname}`;
}
