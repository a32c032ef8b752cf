/**
 * Migration 0010 on a database that already holds a measured case, its
 * claim at every step and a return: the five-fast columns are backfilled
 * from the body, the claim's timestamps and the feed.
 */
import { describe, expect, it } from 'vitest';
import { insuredCase } from '../case-fixtures';
import { caseFiveFastColumns } from '../dashboard/five-fast-columns';
import {
  at,
  freshDatabasePerTest,
  ids,
  migrationsBefore,
  seedOfficer,
  storeCase,
  type OldDb,
} from './migration-fixtures';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';

const fresh = freshDatabasePerTest();

const INSURER = 'c0000000-0000-4000-8000-0000000000a1';
const later = (seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString();

async function seedPaidClaim(k: OldDb, caseId: string): Promise<void> {
  await k
    .insertInto('insurers')
    .values({ id: INSURER, name: 'I', code: 'I', created_at: at })
    .execute();
  await k
    .insertInto('claims')
    .values({
      id: 'c0000000-0000-4000-8000-0000000000c1',
      case_id: caseId,
      insurer_id: INSURER,
      manifest_version: 1,
      manifest_hash: 'f'.repeat(64),
      state: 'paid',
      delivered_at: at,
      acknowledged_at: later(600),
      assessed_at: later(3600),
      paid_at: later(90_000),
      updated_at: later(90_000),
    })
    .execute();
  await k
    .insertInto('changes')
    .values({
      case_id: caseId,
      kind: 'returned',
      state: 'returned',
      actor_id: ids.officer,
      actor_role: 'reviewer',
      note: null,
      at,
    })
    .execute();
}

describe('0010-five-fast', () => {
  it('backfills the intervals of existing cases and claims, and the returned flag', async () => {
    const db = fresh.current();
    // Given a database at 0009 with a case, its paid claim and a return
    const upTo0009 = migrationsBefore('0010-five-fast');
    await migrateToLatest(db, upTo0009);
    const k = db as unknown as OldDb;
    await seedOfficer(k);
    const base = insuredCase('before-0010').record;
    const record = {
      ...base,
      transitions: [
        ...base.transitions,
        { from: 'triaged', to: 'evidence-complete', at: '2026-11-27T02:07:30.000Z' },
      ] as typeof base.transitions,
    };
    await storeCase(k, record.id, 'paid', JSON.stringify(record), [[]]);
    await seedPaidClaim(k, record.id);

    // When 0010 runs
    const run = await migrateToLatest(db, {
      ...upTo0009,
      '0010-five-fast': migrations['0010-five-fast']!,
    });

    // Then the case and the claim carry their intervals in seconds
    expect(run.applied).toEqual(['0010-five-fast']);
    const row = await db
      .selectFrom('cases')
      .select(['ff_evidence_s', 'ff_clearance_s', 'ff_liability_s', 'ff_week', 'ff_returned'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ ...caseFiveFastColumns(record), ff_returned: 1 });
    expect(row.ff_evidence_s).toBe(450);
    expect(
      await db
        .selectFrom('claims')
        .select(['ff_callback_s', 'ff_assessment_s', 'ff_payout_s'])
        .execute(),
    ).toEqual([{ ff_callback_s: 600, ff_assessment_s: 3600, ff_payout_s: 86_400 }]);
  });
});
