/**
 * 0003: per-insurer claims and who holds which photo bytes.
 *  - `claims`: one row per insurer and reviewed case version (its packet),
 *    with that insurer's own assessment and payout;
 *  - `changes.insurer_id`, `changes.claim_state`: a feed entry that is a step
 *    of one insurer's claim, so no other insurer sees it;
 *  - `photo_holders`: the units whose officers uploaded each blob — a hash
 *    counts as held for a case only when the case's unit uploaded it.
 * Existing data is carried over: cases already reviewed (or further) get a
 * claim per linked insurer, in the state that insurer's own feed entries
 * reached; insurer feed entries are tied to their insurer; photos rows give
 * their uploader's unit.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MigrationDb } from './migration-db';

const PAST_REVIEW = ['reviewed', 'delivered', 'acknowledged', 'assessed', 'paid'];

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
    .addColumn('manifest_version', 'integer', (c) => c.notNull())
    .addColumn('manifest_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text')
    .addColumn('assessed_fen', 'integer')
    .addColumn('assessment_note', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('paid_fen', 'integer')
    .addColumn('payout_note', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('claims_packet', ['case_id', 'insurer_id', 'manifest_version'])
    .execute();
  await db.schema
    .createIndex('claims_by_insurer')
    .on('claims')
    .columns(['insurer_id', 'case_id'])
    .execute();
  await db.schema.alterTable('changes').addColumn('insurer_id', 'text').execute();
  await db.schema.alterTable('changes').addColumn('claim_state', 'text').execute();
  await db.schema
    .createIndex('changes_by_insurer')
    .on('changes')
    .columns(['insurer_id', 'id'])
    .execute();
  await db.schema
    .createTable('photo_holders')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_holders_pk', ['sha256', 'unit_id'])
    .execute();

  await db
    .insertInto('photo_holders')
    .columns(['sha256', 'unit_id', 'uploaded_by', 'uploaded_at'])
    .expression(
      db
        .selectFrom('photos')
        .innerJoin('users', 'users.id', 'photos.uploaded_by')
        .where('users.unit_id', 'is not', null)
        .groupBy(['photos.sha256', 'users.unit_id'])
        .select([
          'photos.sha256',
          'users.unit_id',
          sql<string>`min(photos.uploaded_by)`.as('uploaded_by'),
          sql<string>`min(photos.uploaded_at)`.as('uploaded_at'),
        ]),
    )
    .execute();
  await db
    .updateTable('changes')
    .set({
      insurer_id: sql`(select users.insurer_id from users where users.id = changes.actor_id)`,
      claim_state: sql`changes.state`,
    })
    .where('actor_role', '=', 'insurer')
    .execute();
  await carryOverClaims(db);
}

interface Step {
  at: string;
  fen: number | null;
  note: string | null;
}

/** The insurer's latest `case.assessed` / `case.paid` audit event on a case, as a claim step. */
async function lastStep(
  db: MigrationDb,
  caseId: string,
  insurerId: string,
  kind: 'assessed' | 'paid',
): Promise<Step | null> {
  const row = await db
    .selectFrom('audit_events')
    .innerJoin('users', 'users.id', 'audit_events.actor')
    .select(['audit_events.at', 'audit_events.details'])
    .where('audit_events.action', '=', `case.${kind}`)
    .where('audit_events.subject', '=', caseId)
    .where('users.insurer_id', '=', insurerId)
    .orderBy('audit_events.id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const details = JSON.parse(row.details as string) as { amountYuan?: unknown; note?: unknown };
  return {
    at: row.at as string,
    fen: typeof details.amountYuan === 'number' ? Math.round(details.amountYuan * 100) : null,
    note: typeof details.note === 'string' ? details.note : null,
  };
}

/** A claim per linked insurer for every case past review, at the state its own steps reached. */
async function carryOverClaims(db: MigrationDb): Promise<void> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'manifest_version', 'manifest_hash', 'updated_at'])
    .where('state', 'in', PAST_REVIEW)
    .execute();
  for (const c of cases) {
    const insurers = await db
      .selectFrom('case_vehicles_insurers')
      .select('insurer_id')
      .distinct()
      .where('case_id', '=', c.id)
      .execute();
    for (const { insurer_id } of insurers) {
      const assessed = await lastStep(db, c.id, insurer_id, 'assessed');
      const paid = assessed && (await lastStep(db, c.id, insurer_id, 'paid'));
      await db
        .insertInto('claims')
        .values({
          id: randomUUID(),
          case_id: c.id,
          insurer_id,
          manifest_version: c.manifest_version,
          manifest_hash: c.manifest_hash,
          state: paid ? 'paid' : assessed ? 'assessed' : 'delivered',
          delivered_at: c.updated_at,
          assessed_at: assessed?.at ?? null,
          assessed_fen: assessed?.fen ?? null,
          assessment_note: assessed?.note ?? null,
          paid_at: paid?.at ?? null,
          paid_fen: paid?.fen ?? null,
          payout_note: paid?.note ?? null,
          updated_at: c.updated_at,
        })
        .execute();
    }
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('photo_holders').execute();
  await db.schema.dropIndex('changes_by_insurer').execute();
  await db.schema.alterTable('changes').dropColumn('claim_state').execute();
  await db.schema.alterTable('changes').dropColumn('insurer_id').execute();
  await db.schema.dropTable('claims').execute();
}
