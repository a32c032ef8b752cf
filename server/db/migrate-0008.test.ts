/**
 * Migration 0008 on a database that already holds an assessed claim and its
 * feed entry: the claim's assessment and the entry keep what they said (no
 * photos), and the claim can take assessment photos from then on.
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

const INSURER = 'c0000000-0000-4000-8000-0000000000a1';
const CLAIM = 'c0000000-0000-4000-8000-0000000000c1';
const ASSESSMENT = JSON.stringify({ vehicles: [], assessor: '周定损' });

async function seedAssessedClaim(k: OldDb, caseId: string): Promise<void> {
  await k
    .insertInto('insurers')
    .values({ id: INSURER, name: 'I', code: 'I', created_at: at })
    .execute();
  await k
    .insertInto('claims')
    .values({
      id: CLAIM,
      case_id: caseId,
      insurer_id: INSURER,
      manifest_version: 1,
      manifest_hash: 'f'.repeat(64),
      state: 'assessed',
      delivered_at: at,
      assessed_at: at,
      assessed_fen: 120000,
      assessment: ASSESSMENT,
      updated_at: at,
    })
    .execute();
  const change = { case_id: caseId, kind: 'assessed', state: 'assessed', actor_id: ids.officer };
  await k
    .insertInto('changes')
    .values({
      ...change,
      actor_role: 'insurer',
      note: null,
      at,
      insurer_id: INSURER,
      claim_state: 'assessed',
    })
    .execute();
}

describe('0008-assessment-photos', () => {
  it('keeps an earlier assessment and its feed entry as they were, and takes photos from then on', async () => {
    const db = fresh.current();
    // Given a database at 0007 with an assessed claim
    const upTo0007 = migrationsBefore('0008-assessment-photos');
    await migrateToLatest(db, upTo0007);
    const k = db as unknown as OldDb;
    await seedOfficer(k);
    const record = insuredCase('before-0008').record;
    await storeCase(k, record.id, 'assessed', JSON.stringify(record), [[]]);
    await seedAssessedClaim(k, record.id);

    // When 0008 runs
    const run = await migrateToLatest(db, {
      ...upTo0007,
      '0008-assessment-photos': migrations['0008-assessment-photos']!,
    });

    // Then nothing earlier changed, and a photo of the claim can be stored
    expect(run.applied).toEqual(['0008-assessment-photos']);
    expect(await db.selectFrom('claims').select(['assessment']).execute()).toEqual([
      { assessment: ASSESSMENT },
    ]);
    expect(await db.selectFrom('changes').select(['kind', 'photos']).execute()).toEqual([
      { kind: 'assessed', photos: null },
    ]);
    const photo = {
      claim_id: CLAIM,
      sha256: 'a'.repeat(64),
      byte_length: 2048,
      media_type: 'image/png',
      uploaded_by: ids.officer,
      uploaded_at: at,
    };
    await db.insertInto('assessment_photos').values(photo).execute();
    await db
      .insertInto('assessment_photos')
      .values(photo)
      .onConflict((oc) => oc.doNothing())
      .execute();
    expect(await db.selectFrom('assessment_photos').selectAll().execute()).toEqual([photo]);
  });
});
