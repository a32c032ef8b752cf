/**
 * 0015: each officer's escrow key (issue 18). The phone wraps the officer's
 * data key with it, so that a forgotten PIN, or ten wrong ones, cost an
 * online sign-in and never a case. 32 random bytes, base64url, made on first
 * request; handed only to the officer's own signed-in session, each time
 * audited.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('escrow_keys')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('key_b64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('escrow_keys').execute();
}
