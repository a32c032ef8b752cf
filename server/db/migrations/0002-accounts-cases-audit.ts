/**
 * 0002: accounts (brigades, units, insurers, users, sessions, devices), the
 * evidence tables (cases, case_versions, case_vehicles_insurers, photos), the
 * change feed and the hash-chained audit trail. Instants are ISO 8601 text,
 * JSON is text, ids are UUID text: portable to PostgreSQL as they are. The two
 * counters (changes.id) use the dialect's own auto-increment.
 */
import type { ColumnDefinitionBuilder } from 'kysely';
import { isPostgres, type MigrationDb } from './migration-db';

const now = (col: ColumnDefinitionBuilder) => col.notNull();

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('brigades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', now)
    .execute();
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brigade_id', 'text', (c) => c.notNull().references('brigades.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', now)
    .execute();
  await db.schema
    .createTable('insurers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', now)
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('insurer_id', 'text', (c) => c.references('insurers.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', now)
    .addColumn('updated_at', 'text', now)
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', now)
    .addColumn('expires_at', 'text', now)
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('public_key_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', now)
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('manifest_version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('manifest_hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', now)
    .addColumn('updated_at', 'text', now)
    .execute();
  await db.schema
    .createTable('case_versions')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('manifest_hash', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', now)
    .addPrimaryKeyConstraint('case_versions_pk', ['case_id', 'version'])
    .execute();
  await db.schema
    .createTable('case_vehicles_insurers')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('vehicle_id', 'text', (c) => c.notNull())
    .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
    .addPrimaryKeyConstraint('case_vehicles_insurers_pk', ['case_id', 'vehicle_id', 'insurer_id'])
    .execute();
  await db.schema
    .createIndex('case_vehicles_insurers_by_insurer')
    .on('case_vehicles_insurers')
    .columns(['insurer_id', 'case_id'])
    .execute();
  await db.schema
    .createTable('photos')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('byte_length', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', now)
    .addPrimaryKeyConstraint('photos_pk', ['sha256', 'case_id'])
    .execute();
  await db.schema
    .createTable('changes')
    .addColumn('id', isPostgres(db) ? 'bigserial' : 'integer', (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', now)
    .execute();
  await db.schema.createIndex('changes_by_case').on('changes').columns(['case_id', 'id']).execute();
  // Ids are assigned by the appender (previous + 1) inside its transaction, so
  // a deleted row leaves a gap the verifier names.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', now)
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'audit_events',
    'changes',
    'photos',
    'case_vehicles_insurers',
    'case_versions',
    'cases',
    'devices',
    'sessions',
    'users',
    'insurers',
    'units',
    'brigades',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
