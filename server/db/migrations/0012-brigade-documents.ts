/**
 * 0012: a brigade's own documents for its officers' phones (the field pack),
 * one row per brigade and kind (now `courtesy-script`): the JSON body, its
 * version (each save adds one; no row means the project's starter, version
 * 0), and who saved it when. Earlier versions are in the audit trail.
 * Portable: text and integer columns, no JSON functions.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('brigade_documents')
    .addColumn('brigade_id', 'text', (c) => c.notNull().references('brigades.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brigade_documents_pk', ['brigade_id', 'kind'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('brigade_documents').execute();
}
