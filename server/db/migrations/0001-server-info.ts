/**
 * 0001: the `server_info` key/value table, holding this installation's id and
 * the instant its schema was created. Written against the table shape of this
 * migration (not schema.ts) and only with portable column types, so it runs
 * unchanged on PostgreSQL later.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

interface Tables {
  server_info: { key: string; value: string; updated_at: string };
}

export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('server_info')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('server_info')
    .values([
      { key: 'instance_id', value: randomUUID(), updated_at: now },
      { key: 'schema_created_at', value: now, updated_at: now },
    ])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('server_info').execute();
}
