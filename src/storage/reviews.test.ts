/** The squad's word pulled from the feed, kept beside the case on the phone. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseReceipt } from '../contracts/cases';
import type { Change } from '../contracts/changes';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { readCase, saveCase, updateCase } from './cases-repo';
import { createDb, type KuaichuDb } from './db';
import { recordSquadWord } from '../domain';
import { applyServerChange as applyChange, storeReceipt } from './outbox-repo';
import { readReview, readReviews } from './sync-repo';

const T0 = '2026-11-27T02:00:00.000Z';
const PULLED = '2026-11-27T10:05:00.000Z';
const REVIEWER = { id: '0190a000-0000-7000-8000-0000000000b1', role: 'reviewer' } as const;
let db: KuaichuDb;

/** A pulled change applied as the pull does: the squad's word kept at `receivedAt`. */
const applyServerChange = (
  d: KuaichuDb,
  change: Change,
  sendingFor?: { officerId: string },
  receivedAt: string = change.at,
) => applyChange(d, change, sendingFor, (kept, c) => recordSquadWord(kept, change, c, receivedAt));

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

const receipt = (caseId: string): CaseReceipt => ({
  caseId,
  manifestVersion: 1,
  manifestHash: 'e'.repeat(64),
  receivedAt: '2026-11-27T09:30:00.000Z',
  photos: { held: [], missing: [] },
  complete: true,
  flags: [],
});

async function aSentCase() {
  const c = aCase(T0).withVehicles(1).build();
  await saveCase(db, c, T0);
  await storeReceipt(db, receipt(c.id), 1, T0);
  return c;
}

const change = (caseId: string, patch: Partial<Change> = {}): Change => ({
  cursor: '7',
  caseId,
  kind: 'returned',
  state: 'returned',
  at: '2026-11-27T10:00:00.000Z',
  actor: REVIEWER,
  note: '请补拍车辆A号牌',
  missing: [
    { kind: 'shot', key: 'scene-front' },
    { kind: 'field', key: 'vehicles.0.plate' },
  ],
  ...patch,
});

describe('the squad’s word on a case', () => {
  it('keeps a return’s note and items beside the case, not in the signed record', async () => {
    const c = await aSentCase();
    expect(await applyServerChange(db, change(c.id), undefined, PULLED)).toBe('applied');

    expect(await readReview(db, c.id)).toEqual({
      caseId: c.id,
      verdict: {
        kind: 'returned',
        cursor: '7',
        at: '2026-11-27T10:00:00.000Z',
        receivedAt: PULLED,
        note: '请补拍车辆A号牌',
        missing: [
          { kind: 'shot', key: 'scene-front' },
          { kind: 'field', key: 'vehicles.0.plate', before: '川A12340' },
        ],
      },
    });
    const stored = await readCase(db, c.id);
    expect(stored).toMatchObject({ value: { state: 'returned' } });
    expect(JSON.stringify(stored)).not.toContain('vehicles.0.plate');
  });

  it('keeps the squad’s amended determination with its reason, and the case is returned', async () => {
    const c = await aSentCase();
    const amendment = { liability: { A: 'full' as const }, reason: '复核监控：A车全责' };
    const amended = change(c.id, {
      cursor: '11',
      kind: 'amended',
      note: amendment.reason,
      missing: undefined,
      amendment,
    });
    expect(await applyServerChange(db, amended, undefined, PULLED)).toBe('applied');

    expect((await readReviews(db)).get(c.id)?.verdict).toEqual({
      kind: 'amended',
      cursor: '11',
      at: '2026-11-27T10:00:00.000Z',
      receivedAt: PULLED,
      note: '复核监控：A车全责',
      missing: [],
      amendment,
    });
    expect(await readCase(db, c.id)).toMatchObject({ value: { state: 'returned' } });
  });

  it('keeps the word at once even while local edits wait to be sent', async () => {
    const c = await aSentCase();
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'local edit' }), T0);
    expect(await applyServerChange(db, change(c.id), undefined, PULLED)).toBe('deferred');
    expect((await readReview(db, c.id))?.verdict?.note).toBe('请补拍车辆A号牌');
    expect(await readCase(db, c.id)).toMatchObject({ value: { state: 'opened' } });
  });

  it('keeps a take-over beside the verdict, and an approval replaces the return', async () => {
    const c = await aSentCase();
    await applyServerChange(db, change(c.id), undefined, PULLED);
    await applyServerChange(
      db,
      change(c.id, {
        cursor: '8',
        kind: 'taken-over',
        note: '涉及人员受伤，中队接管',
        missing: [],
      }),
      undefined,
      PULLED,
    );
    await applyServerChange(
      db,
      change(c.id, {
        cursor: '9',
        kind: 'reviewed',
        state: 'reviewed',
        note: undefined,
        missing: undefined,
      }),
      undefined,
      PULLED,
    );
    const review = (await readReviews(db)).get(c.id);
    expect(review?.takenOver).toMatchObject({ cursor: '8', note: '涉及人员受伤，中队接管' });
    expect(review?.verdict).toMatchObject({ kind: 'reviewed', cursor: '9', missing: [] });
  });

  it('a repeated pull changes nothing; other kinds and other officers’ cases leave no word', async () => {
    const c = await aSentCase();
    await applyServerChange(db, change(c.id), undefined, PULLED);
    await applyServerChange(db, change(c.id), undefined, '2026-11-27T11:00:00.000Z');
    expect((await readReview(db, c.id))?.verdict?.receivedAt).toBe(PULLED);

    const other = await aSentCase();
    await applyServerChange(db, change(other.id, { kind: 'assessed', state: 'assessed' }));
    const colleague = { id: '0190a000-0000-7000-8000-0000000000c1', name: '同事' };
    const his = aCase(T0).with({ officer: colleague }).build();
    await saveCase(db, his, T0);
    await storeReceipt(db, receipt(his.id), 1, T0);
    const me = { officerId: '0190a000-0000-7000-8000-0000000000a1' };
    expect(await applyServerChange(db, change(his.id), me, PULLED)).toBe('another-officer');
    expect([...(await readReviews(db)).keys()]).toEqual([c.id]);
  });
});
