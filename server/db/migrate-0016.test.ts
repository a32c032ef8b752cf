/**
 * Migration 0016 on a database that already holds a brigade with its
 * call-back target changed: the brigade gets the starter five-fast targets,
 * its other settings stay; down takes the columns away again.
 */
import { describe, expect, it } from 'vitest';
import { STARTER_FIVE_FAST_TARGETS } from '../../src/domain/metrics/targets';
import {
  freshDatabasePerTest,
  ids,
  migrationsBefore,
  seedOfficer,
  type OldDb,
} from './migration-fixtures';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import * as m0016 from './migrations/0016-five-fast-targets';

const fresh = freshDatabasePerTest();

describe('0016-five-fast-targets', () => {
  it('gives an existing brigade the starter targets and keeps its call-back target', async () => {
    const db = fresh.current();
    const before = migrationsBefore('0016-five-fast-targets');
    await migrateToLatest(db, before);
    const k = db as unknown as OldDb;
    await seedOfficer(k);
    await k.updateTable('brigades').set({ callback_minutes: 25 }).execute();

    const all = { ...before, '0016-five-fast-targets': migrations['0016-five-fast-targets']! };
    expect((await migrateToLatest(db, all)).applied).toEqual(['0016-five-fast-targets']);
    const row = await db
      .selectFrom('brigades')
      .selectAll()
      .where('id', '=', ids.brigade)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      callback_minutes: 25,
      target_evidence_min: STARTER_FIVE_FAST_TARGETS.evidence,
      target_clearance_min: STARTER_FIVE_FAST_TARGETS.clearance,
      target_liability_min: STARTER_FIVE_FAST_TARGETS.liability,
      target_assessment_min: STARTER_FIVE_FAST_TARGETS.assessment,
      target_payout_min: STARTER_FIVE_FAST_TARGETS.payout,
    });

    await m0016.down(db);
    const after = await k.selectFrom('brigades').selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(after).filter((c) => c.startsWith('target_'))).toEqual([]);
    expect(after.callback_minutes).toBe(25);
  });
});
