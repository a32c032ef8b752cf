/**
 * 0022: each brigade's lock settings for its officers' phones (issue 18):
 * the idle minutes before the app locks (5), the hours without reaching the
 * server after which a phone opens no new case (72), and whether an officer
 * must set a PIN — so his phone seals what it keeps — before using the app
 * (1: required). Existing brigades included: a phone learns them at its
 * officer's next sign-in. Portable schema builder only.
 */
import type { MigrationDb } from './migration-db';

const COLUMNS = [
  ['lock_idle_min', 5],
  ['offline_limit_h', 72],
  ['pin_required', 1],
] as const;

export async function up(db: MigrationDb): Promise<void> {
  for (const [column, value] of COLUMNS) {
    await db.schema
      .alterTable('brigades')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(value))
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const [column] of [...COLUMNS].reverse()) {
    await db.schema.alterTable('brigades').dropColumn(column).execute();
  }
}
