import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, type KuaichuDb } from './db';
import { countUnsent, listCases, readCase, saveCase, updateCase } from './cases-repo';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T02:01:00.000Z';
let db: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

describe('saveCase', () => {
  it('stores the case and its outbox entry together', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ status: 'pending', revision: 1 });
  });

  it('enqueues a case once however often it is saved, bumping the revision', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    await saveCase(db, { ...c, notes: 'edited' }, T1);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({
      revision: 2,
      enqueuedAt: T0,
      updatedAt: T1,
    });
    expect(await countUnsent(db)).toEqual({ cases: 1, photos: 0 });
  });

  it('refuses an invalid case without writing anything', async () => {
    const bad = { ...aCase(T0).build(), arrivedAt: 'yesterday' };
    await expect(saveCase(db, bad, T0)).rejects.toThrow();
    expect(await db.cases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('updateCase', () => {
  it('applies the change and keeps one outbox entry', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const next = await updateCase(db, c.id, (x) => ({ ...x, notes: '追尾' }), T1);
    expect(next.notes).toBe('追尾');
    expect((await readCase(db, c.id)).found && next).toMatchObject({ notes: '追尾' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('rolls back the outbox entry when the change fails validation', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    await expect(
      updateCase(db, c.id, (x) => ({ ...x, state: 'nonsense' as never }), T1),
    ).rejects.toThrow();
    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ revision: 1 });
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
  });
});

describe('listCases', () => {
  it('lists newest arrival first and reports rows that no longer parse, keeping them', async () => {
    const older = aCase('2026-11-26T02:00:00.000Z').build();
    const newer = aCase(T0).build();
    await saveCase(db, older, T0);
    await saveCase(db, newer, T0);
    await db.cases.put({ ...aCase(T0).build(), id: 'broken-row', state: 'lost' as never });
    const list = await listCases(db);
    expect(list.cases.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(list.unreadable).toEqual([{ id: 'broken-row', problem: expect.stringContaining('id') }]);
    expect(await db.cases.count()).toBe(3);
  });
});
