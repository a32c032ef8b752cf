/**
 * 0018: the review signal `revoked-device` (issue 18): a case version signed
 * by a phone before an admin revoked it, received after, is taken (nothing an
 * officer captured is lost with his phone) and flagged for the accident
 * squad. One 0/1 column like the other signals (0005); no case stored before
 * carries the flag, so the default 0 is every row's value.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('sig_revoked_device', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('sig_revoked_device').execute();
}
