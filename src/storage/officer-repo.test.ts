import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { readCase, saveCase } from './cases-repo';
import { createDb, type KuaichuDb } from './db';
import { claimUnclaimed } from './officer-repo';
import { storeReceipt } from './outbox-repo';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T03:00:00.000Z';
const A = { id: '0190a000-0000-7000-8000-0000000000a1', name: '张警官' };
const B = { id: '0190a000-0000-7000-8000-0000000000b2', name: '李警官' };

let db: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb('shared-phone');
});

const officerOf = async (id: string) => {
  const read = await readCase(db, id);
  if (!read.found) throw new Error(`case ${id} not found`);
  return read.value.officer;
};

describe('claimUnclaimed', () => {
  it('gives the unsent cases nobody claimed to the officer signing in, and queues them again', async () => {
    const unclaimed = aCase(T0).build();
    const ofA = { ...aCase(T0).build(), officer: A };
    await saveCase(db, unclaimed, T0);
    await saveCase(db, ofA, T0);
    const revisionBefore = (await db.outbox.get(`case:${unclaimed.id}`))!.revision;

    expect(await claimUnclaimed(db, B, T1)).toEqual([unclaimed.id]);

    expect(await officerOf(unclaimed.id)).toEqual(B);
    expect(await officerOf(ofA.id)).toEqual(A);
    // The stamp is part of the case: the next version carries it.
    expect((await db.outbox.get(`case:${unclaimed.id}`))!.revision).toBe(revisionBefore + 1);
    expect(await claimUnclaimed(db, A, T1)).toEqual([]);
  });

  it('leaves a sent case alone', async () => {
    const sent = aCase(T0).build();
    await saveCase(db, sent, T0);
    await storeReceipt(
      db,
      {
        caseId: sent.id,
        manifestVersion: 1,
        manifestHash: '0'.repeat(64),
        receivedAt: T0,
        photos: { held: [], missing: [] },
        complete: true,
        flags: [],
      },
      1,
      T0,
    );
    expect(await claimUnclaimed(db, B, T1)).toEqual([]);
    expect(await officerOf(sent.id)).toBeUndefined();
  });
});
