/**
 * 0016: the brigade's five-fast targets, whole minutes per fast
 * (`target_<fast>_min`), read by the dashboard to say when a median is over
 * its target and to count the cases over it. Every brigade, existing ones
 * included, starts with the project's starter targets (written out here, as
 * a shipped migration never changes: evidence 15, clearance 30, liability 60,
 * assessment 1440 = a day, payout 10080 = 7 days). The call-back keeps its
 * own target, `callback_minutes` (0007). Portable schema builder only.
 */
import type { MigrationDb } from './migration-db';

const STARTERS = [
  ['target_evidence_min', 15],
  ['target_clearance_min', 30],
  ['target_liability_min', 60],
  ['target_assessment_min', 1440],
  ['target_payout_min', 10080],
] as const;

export async function up(db: MigrationDb): Promise<void> {
  for (const [column, minutes] of STARTERS) {
    await db.schema
      .alterTable('brigades')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(minutes))
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const [column] of [...STARTERS].reverse()) {
    await db.schema.alterTable('brigades').dropColumn(column).execute();
  }
}
