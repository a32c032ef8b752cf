/**
 * Migration 0006 on a database that already holds cases and feed entries:
 * the entries keep what they said and carry no amendment; the squad's
 * determinations start empty and take one per amendment.
 */
import { describe, expect, it } from 'vitest';
import { insuredCase } from '../case-fixtures';
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

describe('0006-squad-amendments', () => {
  it('keeps every feed entry as it was, and records the squad’s determinations from then on', async () => {
    const db = fresh.current();
    // Given a database at 0005 with a case the squad returned, item by item
    const amendments = migrations['0006-squad-amendments'];
    const upTo0005 = migrationsBefore('0006-squad-amendments');
    await migrateToLatest(db, upTo0005);
    const k = db as unknown as OldDb;
    await seedOfficer(k);
    const record = insuredCase('before-0006').record;
    await storeCase(k, record.id, 'returned', JSON.stringify(record), [[]]);
    const missing = JSON.stringify([{ kind: 'shot', key: 'collision-point' }]);
    await k
      .insertInto('changes')
      .values({
        case_id: record.id,
        kind: 'returned',
        state: 'returned',
        actor_id: ids.officer,
        actor_role: 'reviewer',
        note: '补拍',
        at,
        missing,
        manifest_version: 1,
      })
      .execute();

    // When 0006 runs
    const run = await migrateToLatest(db, { ...upTo0005, '0006-squad-amendments': amendments! });

    // Then the entry is unchanged and has no amendment, and a determination can be stored
    expect(run.applied).toEqual(['0006-squad-amendments']);
    expect(
      await db
        .selectFrom('changes')
        .select(['kind', 'note', 'missing', 'manifest_version', 'amendment'])
        .execute(),
    ).toEqual([{ kind: 'returned', note: '补拍', missing, manifest_version: 1, amendment: null }]);
    expect(await db.selectFrom('squad_determinations').selectAll().execute()).toEqual([]);
    await db
      .insertInto('squad_determinations')
      .values({
        case_id: record.id,
        based_on_version: 1,
        by_user_id: ids.officer,
        reason: '改判',
        liability: '{"A":"full","B":"none"}',
        facts: null,
        decision: null,
        at,
      })
      .execute();
    expect(
      await db.selectFrom('squad_determinations').select(['id', 'reason', 'facts']).execute(),
    ).toEqual([{ id: 1, reason: '改判', facts: null }]);
  });
});
