/**
 * 0009: the brigade's overdue list (`GET /api/claims/overdue`) reads the
 * packets still waiting for their insurer's call-back, by delivery time. A
 * partial index holds only those (not acknowledged, not replaced), so the
 * list walks a short index up to each brigade's cut-off instead of every
 * claim ever delivered. Partial indexes exist in SQLite and Postgres alike.
 */
import { sql } from 'kysely';
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('claims_awaiting_callback')
    .on('claims')
    .columns(['delivered_at'])
    .where(sql.ref('acknowledged_at'), 'is', null)
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('claims_awaiting_callback').execute();
}
