/**
 * 0017: each party's own confirmation of a case's determination, pressed on
 * their own phone from the officer's QR code (`POST
 * /api/party-confirmations`): the case, the vehicle the party is with (its
 * label), the determination's SHA-256 confirmed, and when. One row per case,
 * vehicle and hash: a party confirming again changes nothing, and a
 * confirmation of an amended determination is a new row beside the old one.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('party_confirmations')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('vehicle', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('party_confirmations_pk', ['case_id', 'vehicle', 'sha256'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('party_confirmations').execute();
}
