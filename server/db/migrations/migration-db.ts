/**
 * What every migration works with: the database as it was at the migration's
 * own time (so not schema.ts, which describes today), and which dialect runs it.
 */
import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not schema.ts
export type MigrationDb = Kysely<any>;

export const isPostgres = (db: MigrationDb): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;
