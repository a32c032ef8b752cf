/**
 * Many cases straight into the database, for the review queue's tests and
 * benchmark: realistic bodies (case-fixtures.ts) with their queue columns
 * computed by the real code (cases/review-columns.ts), in one transaction.
 * They are rows only — no signed versions, photos or audit events — so a
 * test database seeded this way is not one verify-audit can pass. Test-only.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../src/domain/case/case.schema';
import type { CaseState } from '../src/domain/case/case-state';
import { fullyPopulatedCase, insuredCase } from './case-fixtures';
import { reviewColumns } from './cases/review-columns';
import { caseFiveFastColumns, caseLenientColumns } from './dashboard/five-fast-columns';
import type { Db } from './db/database';

export interface SeedOfficer {
  id: string;
  unitId: string;
}

/** What the seeded case `i` is: its state, its variant of the body, its arrival. */
export interface SeedPlan {
  state: CaseState;
  /** plain: no signal; populated: disputed, overridden, refused, amended; escalated. */
  variant: 'plain' | 'populated' | 'escalated';
  arrivedAt: string;
  /** Index into the officers given (default: each in turn). */
  officer?: number;
}

const STATES: readonly CaseState[] = ['synced', 'synced', 'synced', 'returned', 'reviewed', 'paid'];
const VARIANTS: readonly SeedPlan['variant'][] = ['plain', 'plain', 'populated', 'escalated'];
const START = Date.parse('2026-11-01T00:00:00.000Z');

/** The default plan: states and variants in turn; one case every 97 minutes from 1 November. */
export function seedPlan(i: number): SeedPlan {
  return {
    state: STATES[i % STATES.length]!,
    variant: VARIANTS[i % VARIANTS.length]!,
    arrivedAt: new Date(START + i * 97 * 60_000).toISOString(),
  };
}

function bodyOf(template: CaseRecord, plan: SeedPlan, id: string): CaseRecord {
  const record: CaseRecord = {
    ...template,
    id,
    caseNumber: `KC-SEED-${id.slice(-6).toUpperCase()}`,
    arrivedAt: plan.arrivedAt,
  };
  if (plan.variant !== 'escalated') return record;
  return {
    ...record,
    state: 'escalated',
    transitions: [
      ...record.transitions,
      { from: 'opened', to: 'escalated', at: plan.arrivedAt, reason: '有人受伤' },
    ],
  };
}

/** Inserts `count` cases spread over the officers; answers their ids in order. */
export async function seedQueueCases(
  db: Db,
  officers: readonly SeedOfficer[],
  count: number,
  plan: (i: number) => SeedPlan = seedPlan,
): Promise<string[]> {
  const templates = {
    plain: insuredCase('seed', 0).record,
    populated: fullyPopulatedCase().record,
    escalated: insuredCase('seed-escalated', 0).record,
  };
  const ids: string[] = [];
  const now = '2026-11-27T09:30:00.000Z';
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const p = plan(i);
      const officer = officers[p.officer ?? i % officers.length]!;
      const id = randomUUID();
      const record = bodyOf(templates[p.variant], p, id);
      await trx
        .insertInto('cases')
        .values({
          id,
          unit_id: officer.unitId,
          officer_id: officer.id,
          case_number: record.caseNumber,
          state: p.state,
          manifest_version: 1,
          body: JSON.stringify(record),
          photos: '[]',
          manifest: '{}',
          manifest_hash: '0'.repeat(64),
          signature: '',
          received_at: now,
          updated_at: now,
          ...reviewColumns(record, [], p.state),
          ...caseFiveFastColumns(record),
          ...caseLenientColumns(record),
        })
        .execute();
      ids.push(id);
    }
  });
  return ids;
}
