import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { anEntry } from '../../tests/builders/outbox.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, type KuaichuDb } from './db';
import type { ReceiptRow } from './records';
import { readRevocation, wipeAfterRevocation } from './revocation';

beforeEach(useFreshIndexedDb);

const T = '2026-11-27T10:00:00.000Z';
const ME = '0190a0b0-0000-7000-8000-0000000000a1';
const OTHER = '0190a0b0-0000-7000-8000-0000000000b2';

function caseOf(officerId: string) {
  return aCase()
    .with({ officer: { id: officerId, name: officerId === ME ? '乌兰' : '巴特尔' } })
    .build();
}

/** A phone with: my sent case, my case refused as revoked, another officer's sent case. */
async function phone(refusedReason = 'device_revoked') {
  const db = createDb('revocation-test');
  const [sent, refused, others] = [caseOf(ME), caseOf(ME), caseOf(OTHER)];
  await db.cases.bulkPut([sent, refused, others]);
  const receipt = (caseId: string) => ({ caseId, receipt: {}, revision: 1, storedAt: T });
  await db.receipts.bulkPut([receipt(sent.id), receipt(others.id)] as unknown as ReceiptRow[]);
  await db.photos.bulkPut(
    [sent, refused].map((c, i) => ({
      id: `${'a'.repeat(63)}${i}|scene`,
      sha256: `${'a'.repeat(63)}${i}`,
      caseId: c.id,
      meta: {} as never,
      blob: new Blob(['x']),
    })),
  );
  await db.reviews.put({ caseId: sent.id } as never);
  await db.outbox.put(
    anEntry('case', refused.id)
      .status('needs-attention', { reason: refusedReason, at: T, status: 403 })
      .build(),
  );
  return { db, sent, refused, others };
}

const ids = async (db: KuaichuDb) => (await db.cases.toArray()).map((c) => c.id).sort();

describe('wipeAfterRevocation', () => {
  it('wipes the officer’s sent cases with their photos, keeps what the server refused and other officers’ cases', async () => {
    const { db, sent, refused, others } = await phone();
    const record = await wipeAfterRevocation(db, ME, T);

    expect(record).toEqual({ at: T, wiped: 1, kept: 1 });
    expect(await ids(db)).toEqual([refused.id, others.id].sort());
    expect((await db.photos.toArray()).map((p) => p.caseId)).toEqual([refused.id]);
    expect(await db.receipts.get(sent.id)).toBeUndefined();
    expect(await db.reviews.get(sent.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect(await readRevocation(db, ME)).toEqual(record);
    expect(await readRevocation(db, OTHER)).toBeUndefined();

    // The next pass wipes nothing more: the record still says what the first did.
    const later = '2026-11-27T10:05:00.000Z';
    expect(await wipeAfterRevocation(db, ME, later)).toEqual({ at: T, wiped: 1, kept: 1 });
    db.close();
  });

  it('does nothing while the server has not said the phone is revoked', async () => {
    const { db } = await phone('network');
    expect(await wipeAfterRevocation(db, ME, T)).toBeUndefined();
    expect(await db.cases.count()).toBe(3);
    expect(await db.photos.count()).toBe(2);
    expect(await readRevocation(db, ME)).toBeUndefined();
    db.close();
  });

  it('wipes on the pull’s word alone when nothing was refused: nothing unsent is lost', async () => {
    // A phone whose only unsent case waits on the network, not refused.
    const { db, sent, refused, others } = await phone('network');
    const revokedAt = '2026-11-27T09:00:00.000Z';
    const record = await wipeAfterRevocation(db, ME, T, revokedAt);

    expect(record).toEqual({ at: revokedAt, wiped: 1, kept: 1 });
    expect(await ids(db)).toEqual([refused.id, others.id].sort());
    expect(await db.receipts.get(sent.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect(await readRevocation(db, ME)).toEqual(record);
    db.close();
  });
});
