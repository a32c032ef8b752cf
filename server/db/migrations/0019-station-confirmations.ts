/**
 * 0019: a rural station's case confirmed by an officer (src/domain/case/station.ts).
 *
 * `station_confirmations`: one row per case a station handed over — the
 * officer who confirmed the capture (`decision` `confirm`) or corrected it
 * (`correct`, saying what in `note`), the stored version he confirmed, and
 * the liability he determined (LiabilityByVehicle JSON) with its reason.
 * The case id is the key: a case is confirmed once, and of two officers
 * confirming at the same time exactly one wins. Portable: text and integer
 * columns, no JSON functions.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('station_confirmations')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('station_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('liability', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('based_on_version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('station_confirmations').execute();
}
