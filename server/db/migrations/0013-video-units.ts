/**
 * 0013: roadside video units and footage requests. A brigade's units (its
 * own code, unique in the brigade; the place in integer microdegrees, exact
 * and portable; the compass point it faces; how many days it keeps footage;
 * `active` 0 once taken out of use, kept for the requests that name it), the
 * brigade's search radius around a case, and each footage request of a case
 * (who asked, the window, when it expires, its state and who answered it).
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('brigades')
    .addColumn('video_radius_m', 'integer', (c) => c.notNull().defaultTo(2000))
    .execute();
  await db.schema
    .createTable('video_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brigade_id', 'text', (c) => c.notNull().references('brigades.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lat_e6', 'integer', (c) => c.notNull())
    .addColumn('lng_e6', 'integer', (c) => c.notNull())
    .addColumn('facing', 'text', (c) => c.notNull())
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('video_units_brigade_code', ['brigade_id', 'code'])
    .execute();
  await db.schema
    .createTable('footage_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('video_unit_id', 'text', (c) => c.notNull().references('video_units.id'))
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('resolution', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('footage_requests_case')
    .on('footage_requests')
    .columns(['case_id', 'requested_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('footage_requests').execute();
  await db.schema.dropTable('video_units').execute();
  await db.schema.alterTable('brigades').dropColumn('video_radius_m').execute();
}
