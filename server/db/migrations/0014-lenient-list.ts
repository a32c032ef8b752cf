/**
 * 0014: warnings instead of fines (首违警告) on the five-fast dashboard.
 * `cases.lenient_warnings`: how many warnings the stored version's officer
 * confirmed for out-of-town drivers (`confirmedWarnings`,
 * src/domain/case/lenient-step.ts), kept current with the five-fast columns
 * (server/dashboard/five-fast-columns.ts), so the dashboard sums an integer
 * column per group. The covering index of 0010 is rebuilt with it.
 * The brigade's list itself is a `brigade_documents` row (kind
 * `lenient-list`, migration 0012): no table of its own.
 * Existing rows are backfilled in JS (bodies parsed by 0005's reader).
 * Portable schema builder only.
 */
import { confirmedWarnings } from '../../../src/domain/case/lenient-step';
import type { MigrationDb } from './migration-db';
// 0005's reading of a stored body (a shipped migration never changes).
import { parseRecord } from './0005-review';

const INDEXED = [
  'arrived_at',
  'unit_id',
  'officer_id',
  'ff_week',
  'id',
  'ff_evidence_s',
  'ff_clearance_s',
  'ff_liability_s',
  'sig_escalated',
  'sig_disputed',
  'ff_returned',
];

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('lenient_warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.dropIndex('cases_five_fast').execute();
  await db.schema
    .createIndex('cases_five_fast')
    .on('cases')
    .columns([...INDEXED, 'lenient_warnings'])
    .execute();
  const rows = (await db.selectFrom('cases').select(['id', 'body']).execute()) as {
    id: string;
    body: string;
  }[];
  for (const row of rows) {
    const record = parseRecord(row.body);
    const warnings = record ? confirmedWarnings(record) : 0;
    if (warnings === 0) continue;
    await db
      .updateTable('cases')
      .set({ lenient_warnings: warnings })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('cases_five_fast').execute();
  await db.schema.createIndex('cases_five_fast').on('cases').columns(INDEXED).execute();
  await db.schema.alterTable('cases').dropColumn('lenient_warnings').execute();
}
