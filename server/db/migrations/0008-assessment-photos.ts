/**
 * 0008: an insurer's assessment (定损) may carry photos.
 *
 * `assessment_photos`: one row per photo an insurer finished uploading for
 * one of its claims (the claim, the bytes' SHA-256 — the blob store's name —
 * their length, their media type as sniffed from the bytes, who uploaded
 * them and when). The assessment names the ones it keeps (claims.assessment
 * JSON); an upload it does not name stays here, attached to nothing.
 *
 * `changes.photos`: the `assessed` entry's photo hashes (JSON text), so the
 * feed says what the assessment carried.
 * Portable: text and integer columns, no JSON functions.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('assessment_photos')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('byte_length', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_photos_pk', ['claim_id', 'sha256'])
    .execute();
  await db.schema.alterTable('changes').addColumn('photos', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('changes').dropColumn('photos').execute();
  await db.schema.dropTable('assessment_photos').execute();
}
