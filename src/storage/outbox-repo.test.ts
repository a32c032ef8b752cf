import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseReceipt } from '../contracts/cases';
import type { Change } from '../contracts/changes';
import { aCase } from '../../tests/builders/case.builder';
import { aPhoto } from '../../tests/builders/photo.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { readCase, saveCase, updateCase } from './cases-repo';
import { createDb, type KuaichuDb } from './db';
import {
  applyServerChange,
  dueCaseIds,
  holdQueue,
  releaseHeld,
  sendAllNow,
  storeReceipt,
  updateEntry,
} from './outbox-repo';
import { savePhoto } from './photos-repo';
import { watchOutbox } from './sync-repo';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T02:01:00.000Z';
const T2 = '2026-11-27T02:02:00.000Z';
let db: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

async function aSavedCase(photoSeeds: string[] = []) {
  const c = aCase(T0).build();
  await saveCase(db, c, T0);
  const photos = [];
  for (const seed of photoSeeds) {
    const p = await aPhoto(c.id, seed, { slot: seed });
    await savePhoto(db, p, T0);
    photos.push(p);
  }
  return { c, photos };
}

const receiptFor = (caseId: string, held: string[], missing: string[] = []): CaseReceipt => ({
  caseId,
  manifestVersion: 1,
  manifestHash: 'e'.repeat(64),
  receivedAt: '2026-11-27T09:30:00.000Z',
  photos: { held, missing },
  complete: missing.length === 0,
  flags: [],
});

describe('storeReceipt', () => {
  it('clears the case and its held photos only for a complete receipt of its revision', async () => {
    const { c, photos } = await aSavedCase(['a', 'b']);
    const held = photos.map((p) => p.meta.sha256);

    const outcome = await storeReceipt(db, receiptFor(c.id, held), 1, T1);

    expect(outcome).toEqual({ caseSent: true, missing: [] });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.receipts.get(c.id)).toMatchObject({ revision: 1, storedAt: T1 });
  });

  it('keeps the case entry when it was edited after the manifest was built', async () => {
    const { c } = await aSavedCase();
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'edited while sending' }), T1);

    const outcome = await storeReceipt(db, receiptFor(c.id, []), 1, T2);

    expect(outcome.caseSent).toBe(false);
    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ revision: 2 });
  });

  it('enqueues the photos a receipt says are missing, and keeps the case entry', async () => {
    const { c, photos } = await aSavedCase(['a', 'b']);
    const [a, b] = photos.map((p) => p.meta.sha256) as [string, string];
    await db.outbox.delete(`photo:${b}`); // as if its upload had been acknowledged

    const outcome = await storeReceipt(db, receiptFor(c.id, [a], [b]), 1, T1);

    expect(outcome).toEqual({ caseSent: false, missing: [b] });
    expect(await db.outbox.get(`photo:${a}`)).toBeUndefined();
    expect(await db.outbox.get(`photo:${b}`)).toMatchObject({ status: 'pending', caseId: c.id });
    expect(await db.outbox.get(`case:${c.id}`)).toBeDefined();
  });
});

describe('updateEntry', () => {
  it('does not mark a newer local revision as failed', async () => {
    const { c } = await aSavedCase();
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'newer' }), T1);

    await updateEntry(db, `case:${c.id}`, 1, {
      status: 'needs-attention',
      lastError: { reason: 'bad_signature', at: T2 },
    });

    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ status: 'pending', revision: 2 });
  });
});

describe('holding and due entries', () => {
  it('holds every waiting entry on 401 and releases them at sign-in, keeping them all', async () => {
    const { c } = await aSavedCase(['a']);
    await holdQueue(db);
    expect(await dueCaseIds(db, T2)).toEqual([]);
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['held', 'held']);

    await releaseHeld(db, T2);
    expect(await dueCaseIds(db, T2)).toEqual([c.id]);
  });
});

describe('applyServerChange', () => {
  const change = (caseId: string, cursor = '7'): Change => ({
    cursor,
    caseId,
    kind: 'returned',
    state: 'returned',
    at: '2026-11-27T10:00:00.000Z',
    actor: { id: '0190a000-0000-7000-8000-0000000000b1', role: 'reviewer' },
    note: 'Photograph the plate again',
  });

  it('records the change on a sent case without enqueueing it', async () => {
    const { c } = await aSavedCase();
    await storeReceipt(db, receiptFor(c.id, []), 1, T1);

    expect(await applyServerChange(db, change(c.id))).toBe('applied');

    expect(await readCase(db, c.id)).toMatchObject({ value: { state: 'returned' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps unsent local edits and applies the change once they are sent', async () => {
    const { c } = await aSavedCase();
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'local edit' }), T1);

    expect(await applyServerChange(db, change(c.id))).toBe('deferred');
    expect(await readCase(db, c.id)).toMatchObject({
      value: { state: 'opened', notes: 'local edit' },
    });

    await storeReceipt(db, receiptFor(c.id, []), 2, T2);
    expect(await readCase(db, c.id)).toMatchObject({
      value: { state: 'returned', notes: 'local edit' },
    });
    expect(await db.serverChanges.count()).toBe(0);
  });

  it('on a shared phone leaves another officer’s case to his own pull', async () => {
    const { c } = await aSavedCase();
    const colleague = { id: '0190a000-0000-7000-8000-0000000000c1', name: '同事' };
    await saveCase(db, { ...c, officer: colleague }, T1);
    await storeReceipt(db, receiptFor(c.id, []), 2, T1);
    const me = { officerId: '0190a000-0000-7000-8000-0000000000a1' };

    expect(await applyServerChange(db, change(c.id), me)).toBe('another-officer');
    expect(await readCase(db, c.id)).toMatchObject({ value: { state: 'opened' } });
    expect(await applyServerChange(db, change(c.id), { officerId: colleague.id })).toBe('applied');
  });

  it('ignores cases this phone does not have', async () => {
    expect(await applyServerChange(db, change('0190a000-0000-7000-8000-00000000ffff'))).toBe(
      'unknown-case',
    );
  });
});

describe('sendAllNow', () => {
  it('makes every waiting entry due at once, but leaves refused and held ones alone', async () => {
    const later = '2026-11-27T03:00:00.000Z';
    const [waiting, refused, held, leftSending] = [
      aCase(T0).build(),
      aCase(T0).build(),
      aCase(T0).build(),
      aCase(T0).build(),
    ];
    for (const c of [waiting, refused, held, leftSending]) await saveCase(db, c, T0);
    // Left `sending` by a closed tab, with a time in the future (a backoff rewritten behind its back).
    await updateEntry(db, `case:${leftSending.id}`, 1, { status: 'sending', nextAttemptAt: later });
    await updateEntry(db, `case:${waiting.id}`, 1, {
      status: 'pending',
      nextAttemptAt: later,
      attempts: 7,
    });
    await updateEntry(db, `case:${refused.id}`, 1, {
      status: 'needs-attention',
      nextAttemptAt: later,
    });
    await updateEntry(db, `case:${held.id}`, 1, { status: 'held', nextAttemptAt: later });

    await sendAllNow(db, T1);

    expect(await db.outbox.get(`case:${waiting.id}`)).toMatchObject({
      status: 'pending',
      nextAttemptAt: T1,
    });
    expect(await db.outbox.get(`case:${leftSending.id}`)).toMatchObject({ nextAttemptAt: T1 });
    expect(await dueCaseIds(db, T1)).toEqual(expect.arrayContaining([waiting.id, leftSending.id]));
    expect(await db.outbox.get(`case:${refused.id}`)).toMatchObject({
      status: 'needs-attention',
      nextAttemptAt: later,
    });
    expect(await db.outbox.get(`case:${held.id}`)).toMatchObject({
      status: 'held',
      nextAttemptAt: later,
    });
  });
});

describe('watchOutbox', () => {
  it('reports the waiting entries and their revisions at the start and after each save, until stopped', async () => {
    const seen: { entries: number; revisions: number }[] = [];
    let next = () => undefined as void;
    const stop = watchOutbox(db, (outbox) => {
      seen.push(outbox);
      next();
    });
    const reported = (n: number) =>
      new Promise<void>((resolve) => {
        next = () => seen.length >= n && resolve();
        next();
      });

    await reported(1);
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    await reported(2);
    await updateCase(db, c.id, (r) => ({ ...r, notes: 'edited' }), T1);
    await reported(3);
    stop();
    await saveCase(db, aCase(T1).build(), T1);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(seen).toEqual([
      { entries: 0, revisions: 0 },
      { entries: 1, revisions: 1 },
      { entries: 1, revisions: 2 },
    ]);
  });
});
