/**
 * 0010: the five-fast dashboard (`GET /api/dashboard/five-fast`).
 *
 * Each interval as an integer column of seconds, so a median or p90 per
 * unit, officer, insurer or week is an ordered window over indexed integers,
 * the same SQL on SQLite and PostgreSQL (server/dashboard/five-fast-columns.ts
 * keeps them current):
 *  - `cases`: `ff_evidence_s`, `ff_clearance_s`, `ff_liability_s` (from
 *    arrival, null until measured), `ff_week` (the China-time Monday of the
 *    arrival) and `ff_returned` (0/1: the case was returned at least once);
 *  - `claims`: `ff_callback_s` (delivered → acknowledged), `ff_assessment_s`
 *    (delivered → assessed), `ff_payout_s` (assessed → paid).
 * Indexes: cases by arrival, covering the group keys, the three intervals
 * and the counted flags (a month of the brigade reads the index alone);
 * claims by case and supersession, covering the insurer and the three
 * intervals (a plain index: SQLite's planner did not pick a partial one for
 * the join's `superseded_at is null`).
 *
 * Existing rows are backfilled in JS (bodies parsed by 0005's reader; claims from
 * their timestamps; `ff_returned` from the feed's `returned` entries).
 * Portable schema builder only: integer and text columns, plain indexes.
 */
import { caseFiveFastColumns, secondsBetween } from '../../dashboard/five-fast-columns';
import type { MigrationDb } from './migration-db';
// 0005's reading of a stored body (a shipped migration never changes).
import { parseRecord } from './0005-review';

const CASE_SECONDS = ['ff_evidence_s', 'ff_clearance_s', 'ff_liability_s'];
const CLAIM_SECONDS = ['ff_callback_s', 'ff_assessment_s', 'ff_payout_s'];

export async function up(db: MigrationDb): Promise<void> {
  for (const name of CASE_SECONDS) {
    await db.schema.alterTable('cases').addColumn(name, 'integer').execute();
  }
  await db.schema
    .alterTable('cases')
    .addColumn('ff_week', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('ff_returned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const name of CLAIM_SECONDS) {
    await db.schema.alterTable('claims').addColumn(name, 'integer').execute();
  }
  await db.schema
    .createIndex('cases_five_fast')
    .on('cases')
    .columns([
      'arrived_at',
      'unit_id',
      'officer_id',
      'ff_week',
      'id',
      ...CASE_SECONDS,
      'sig_escalated',
      'sig_disputed',
      'ff_returned',
    ])
    .execute();
  await db.schema
    .createIndex('claims_five_fast')
    .on('claims')
    .columns(['case_id', 'superseded_at', 'insurer_id', ...CLAIM_SECONDS])
    .execute();
  await backfillCases(db);
  await backfillClaims(db);
}

async function backfillCases(db: MigrationDb): Promise<void> {
  const rows = (await db.selectFrom('cases').select(['id', 'body']).execute()) as {
    id: string;
    body: string;
  }[];
  for (const row of rows) {
    const record = parseRecord(row.body);
    if (!record) continue;
    await db
      .updateTable('cases')
      .set(caseFiveFastColumns(record))
      .where('id', '=', row.id)
      .execute();
  }
  await db
    .updateTable('cases')
    .set({ ff_returned: 1 })
    .where('id', 'in', db.selectFrom('changes').select('case_id').where('kind', '=', 'returned'))
    .execute();
}

async function backfillClaims(db: MigrationDb): Promise<void> {
  const rows = (await db
    .selectFrom('claims')
    .select(['id', 'delivered_at', 'acknowledged_at', 'assessed_at', 'paid_at'])
    .execute()) as {
    id: string;
    delivered_at: string;
    acknowledged_at: string | null;
    assessed_at: string | null;
    paid_at: string | null;
  }[];
  for (const row of rows) {
    await db
      .updateTable('claims')
      .set({
        ff_callback_s: secondsBetween(row.delivered_at, row.acknowledged_at),
        ff_assessment_s: secondsBetween(row.delivered_at, row.assessed_at),
        ff_payout_s: secondsBetween(row.assessed_at, row.paid_at),
      })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('claims_five_fast').execute();
  await db.schema.dropIndex('cases_five_fast').execute();
  for (const name of CLAIM_SECONDS) {
    await db.schema.alterTable('claims').dropColumn(name).execute();
  }
  for (const name of ['ff_returned', 'ff_week', ...CASE_SECONDS]) {
    await db.schema.alterTable('cases').dropColumn(name).execute();
  }
}
