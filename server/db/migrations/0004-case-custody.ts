/**
 * 0004: case custody. A case belongs to the officer in `cases.officer_id` (the
 * one who sent version 1); `case_handovers` records every change of that
 * officer — by the officer himself, or by a reviewer of the brigade taking it
 * over — with who did it and why. Rows are only ever added.
 */
import { isPostgres, type MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('case_handovers')
    .addColumn('id', isPostgres(db) ? 'bigserial' : 'integer', (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('from_officer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_officer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('from_unit_id', 'text', (c) => c.notNull())
    .addColumn('to_unit_id', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('by_role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('manifest_version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_handovers_by_case')
    .on('case_handovers')
    .columns(['case_id', 'id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('case_handovers').execute();
}
