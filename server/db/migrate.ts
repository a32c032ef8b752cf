/**
 * The migration runner: Kysely's Migrator over the statically imported list
 * in ./migrations. Running it again is a no-op; a failure names the migration.
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { migrations as allMigrations } from './migrations';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly reason = 'migration_failed';
  constructor(
    readonly migrationName: string | undefined,
    override readonly cause: unknown,
  ) {
    const what = migrationName ? `migration ${migrationName}` : 'migrations';
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Database ${what} failed: ${why}`, { cause });
  }
}

export interface MigrateResult {
  /** Names of the migrations applied by this run, in order (empty when up to date). */
  applied: string[];
}

/** A provider over an in-memory record, so tests can pass their own list. */
export function staticMigrationProvider(
  migrations: Readonly<Record<string, Migration>>,
): MigrationProvider {
  return { getMigrations: () => Promise.resolve({ ...migrations }) };
}

/** Brings the database to the latest schema. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Readonly<Record<string, Migration>> = allMigrations,
): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider(migrations) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
