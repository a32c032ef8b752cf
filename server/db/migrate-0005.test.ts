/**
 * Migration 0005 on a database that already holds cases: each gets its
 * arrival, its review signals (from its body and every version's flags) and
 * its queue bucket, and the new feed and request columns start empty.
 */
import { describe, expect, it } from 'vitest';
import { fullyPopulatedCase, insuredCase } from '../case-fixtures';
import {
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

describe('0005-review', () => {
  it('backfills the arrival, signals and bucket of every stored case', async () => {
    const db = fresh.current();
    // Given a database at 0004 with a plain synced case, a disputed, amended, overridden
    // case already reviewed, a returned case whose first version had a gap, and a body that is not a case
    const review = migrations['0005-review'];
    const upTo0004 = migrationsBefore('0005-review');
    await migrateToLatest(db, upTo0004);
    const k = db as unknown as OldDb;
    await seedOfficer(k);
    const plain = insuredCase('plain').record;
    const populated = fullyPopulatedCase(ids.officer).record;
    const gapped = { ...insuredCase('gap').record, arrivedAt: '2026-11-27T10:00:00+08:00' };
    const stored = [
      { record: plain, state: 'synced', flags: [[]] },
      { record: populated, state: 'reviewed', flags: [[], ['amended']] },
      { record: gapped, state: 'returned', flags: [['version_gap'], []] },
    ];
    for (const s of stored)
      await storeCase(k, s.record.id, s.state, JSON.stringify(s.record), s.flags);
    const broken = 'c0000000-0000-4000-8000-0000000000ff';
    await storeCase(k, broken, 'synced', '{"not":"a case"}', [[]]);

    // When 0005 runs
    expect((await migrateToLatest(db, { ...upTo0004, '0005-review': review! })).applied).toEqual([
      '0005-review',
    ]);

    // Then each case holds its arrival (UTC), signals and bucket
    const rows = await db
      .selectFrom('cases')
      .select([
        'id',
        'arrived_at',
        'bucket',
        'sig_escalated',
        'sig_disputed',
        'sig_primary_secondary',
        'sig_override',
        'sig_version_gap',
        'sig_refusal',
        'sig_amended',
        'sig_any',
        'taken_over_at',
      ])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const signals = (id: string) => {
      const r = byId.get(id)!;
      return [
        r.sig_escalated,
        r.sig_disputed,
        r.sig_primary_secondary,
        r.sig_override,
        r.sig_version_gap,
        r.sig_refusal,
        r.sig_amended,
        r.sig_any,
      ];
    };
    expect(byId.get(plain.id)).toMatchObject({
      arrived_at: '2026-11-27T02:00:00.000Z',
      bucket: 'new',
      taken_over_at: null,
    });
    expect(signals(plain.id)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(byId.get(populated.id)).toMatchObject({ bucket: 'reviewed' });
    expect(signals(populated.id)).toEqual([0, 1, 1, 1, 0, 1, 1, 1]);
    expect(byId.get(gapped.id)).toMatchObject({
      arrived_at: '2026-11-27T02:00:00.000Z',
      bucket: 'returned',
    });
    expect(signals(gapped.id)).toEqual([0, 0, 0, 0, 1, 0, 0, 1]);
    expect(byId.get(broken)).toMatchObject({ arrived_at: '', bucket: 'new', sig_any: 0 });
    const changes = await db
      .selectFrom('changes')
      .select(['missing', 'manifest_version'])
      .execute();
    expect(changes).toEqual([]);
    expect(await db.selectFrom('review_requests').selectAll().execute()).toEqual([]);
  });
});
