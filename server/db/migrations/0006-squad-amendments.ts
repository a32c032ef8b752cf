/**
 * 0006: the accident squad amends a case's liability.
 *
 * `squad_determinations`: one row per amendment — the case, the manifest
 * version it was made on, the reviewer, the reason, the squad's liability
 * (LiabilityByVehicle JSON) and, when the squad corrected the facts, those
 * facts and the engine's decision on them (LiabilityFacts and
 * DecisionSnapshot JSON). Rows are only ever added: every earlier
 * determination stays.
 *
 * `changes.amendment`: the squad's determination on the feed's `amended`
 * entry (JSON text), so the officer's phone gets it with the change.
 * Portable: text and integer columns, no JSON functions.
 */
import { isPostgres, type MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('squad_determinations')
    .addColumn('id', isPostgres(db) ? 'bigserial' : 'integer', (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('based_on_version', 'integer', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('liability', 'text', (c) => c.notNull())
    .addColumn('facts', 'text')
    .addColumn('decision', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('squad_determinations_by_case')
    .on('squad_determinations')
    .columns(['case_id', 'id'])
    .execute();
  await db.schema.alterTable('changes').addColumn('amendment', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('changes').dropColumn('amendment').execute();
  await db.schema.dropTable('squad_determinations').execute();
}
