/**
 * Migration 0014 on a database that already holds cases with warnings
 * instead of fines decided: the confirmed ones are counted into
 * `lenient_warnings` (declines are not), other cases stay at 0.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRecord, LenientDecision } from '../../src/domain';
import { insuredCase } from '../case-fixtures';
import {
  freshDatabasePerTest,
  migrationsBefore,
  seedOfficer,
  storeCase,
  type OldDb,
} from './migration-fixtures';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';

const fresh = freshDatabasePerTest();

const decision = (d: LenientDecision['decision'], itemId: string): LenientDecision => ({
  partyId: '0190a0b0-0000-7000-8000-000000000001',
  itemId,
  listVersion: 1,
  violation: { zh: '违法', en: 'Violation' },
  basis: [{ law: '中华人民共和国道路交通安全法', article: '第51条' }],
  source: 'officer',
  decision: d,
  ...(d === 'declined' && { reason: '理由' }),
  at: '2026-11-27T02:10:00.000Z',
});

function withDecisions(name: string, lenient: LenientDecision[]): CaseRecord {
  const base = insuredCase(name).record;
  const liability = base.liability ?? { schemaVersion: 1 as const, signatures: [] };
  return { ...base, liability: { ...liability, lenient } };
}

describe('0014-lenient-list', () => {
  it('counts the confirmed warnings of existing cases', async () => {
    const db = fresh.current();
    const upTo0012 = migrationsBefore('0014-lenient-list');
    await migrateToLatest(db, upTo0012);
    const k = db as unknown as OldDb;
    await seedOfficer(k);
    const two = withDecisions('two-warnings', [
      decision('warning', 'seat-belt'),
      decision('declined', 'door-opening'),
      decision('warning', 'driving-licence-not-carried'),
    ]);
    const none = insuredCase('no-warnings').record;
    await storeCase(k, two.id, 'submitted', JSON.stringify(two), [[]]);
    await storeCase(k, none.id, 'submitted', JSON.stringify(none), [[]]);

    const all = { ...upTo0012, '0014-lenient-list': migrations['0014-lenient-list']! };
    const run = await migrateToLatest(db, all);
    expect(run.applied).toEqual(['0014-lenient-list']);
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'lenient_warnings'])
      .orderBy('lenient_warnings', 'desc')
      .execute();
    expect(rows).toEqual([
      { id: two.id, lenient_warnings: 2 },
      { id: none.id, lenient_warnings: 0 },
    ]);
  });
});
