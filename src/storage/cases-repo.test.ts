import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, type KuaichuDb } from './db';
import { aPhoto } from '../../tests/builders/photo.builder';
import { transitionCase, type CaseRecord, type CaseState } from '../domain';
import {
  CASE_QUIET_MS,
  caseDueAt,
  countUnsent,
  listCases,
  readCase,
  saveCase,
  updateCase,
} from './cases-repo';
import { dueCaseIds, sendAllNow, updateEntry } from './outbox-repo';
import { savePhoto } from './photos-repo';

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

describe('when a saved case falls due (the quiet period)', () => {
  const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
  const moveTo = (to: CaseState) => (c: CaseRecord) => {
    const r = transitionCase(c, to, T1);
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  const dueAt = async (id: string) => (await db.outbox.get(`case:${id}`))?.nextAttemptAt;

  it('waits the quiet period after the first save, and each further save pushes it', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    expect(await dueAt(c.id)).toBe(plus(T0, CASE_QUIET_MS));
    expect(await dueCaseIds(db, plus(T0, CASE_QUIET_MS - 1))).toEqual([]);
    expect(await dueCaseIds(db, plus(T0, CASE_QUIET_MS))).toEqual([c.id]);

    const t = plus(T0, 4_000);
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'a' }), t);
    expect(await dueAt(c.id)).toBe(plus(t, CASE_QUIET_MS));
    expect(await dueCaseIds(db, plus(T0, CASE_QUIET_MS))).toEqual([]);
  });

  it('a save pushes an entry waiting for a backoff or refused to the quiet period after it', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    await updateEntry(db, `case:${c.id}`, 1, {
      status: 'needs-attention',
      nextAttemptAt: '2026-11-27T09:00:00.000Z',
    });
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'fixed' }), T1);
    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({
      status: 'pending',
      nextAttemptAt: plus(T1, CASE_QUIET_MS),
    });
  });

  it('"try now" makes a waiting case due at once', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    await sendAllNow(db, T0);
    expect(await dueCaseIds(db, T0)).toEqual([c.id]);
  });

  it.each(['escalated', 'signed'] as const)(
    'a save that moves the case to %s is due at once',
    async (to) => {
      const c = aCase(T0).build();
      await saveCase(db, c, T0);
      const path: CaseState[] =
        to === 'escalated'
          ? []
          : ['triaged', 'evidence-complete', 'scene-cleared', 'liability-proposed'];
      for (const s of path) await updateCase(db, c.id, moveTo(s), T0);
      expect(await dueAt(c.id)).toBe(plus(T0, CASE_QUIET_MS));
      await updateCase(db, c.id, moveTo(to), T1);
      expect(await dueAt(c.id)).toBe(T1);
    },
  );

  it('submitting, and resubmitting a returned case, is due at once', async () => {
    const returned = aCase(T0).with({ state: 'returned' }).build();
    await saveCase(db, returned, T0);
    await updateCase(db, returned.id, moveTo('submitted'), T1);
    expect(await dueAt(returned.id)).toBe(T1);
  });

  it('an edit before a hand-over was taken keeps it due; once taken, edits wait again', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    await updateCase(db, c.id, moveTo('escalated'), T1);
    const t2 = plus(T1, 2_000);
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'after escalating' }), t2);
    expect(await dueAt(c.id)).toBe(t2);

    // The runner took it (sending): a further edit is an ordinary save.
    const entry = (await db.outbox.get(`case:${c.id}`))!;
    await updateEntry(db, entry.key, entry.revision, { status: 'sending' });
    const t3 = plus(T1, 3_000);
    await updateCase(db, c.id, (x) => ({ ...x, notes: 'while sending' }), t3);
    expect(await dueAt(c.id)).toBe(plus(t3, CASE_QUIET_MS));
  });

  it('caseDueAt: a save within one state is quiet, leaving a hand-over state too', () => {
    expect(caseDueAt(T1, 'triaged', 'triaged')).toBe(plus(T1, CASE_QUIET_MS));
    expect(caseDueAt(T1, 'opened', 'triaged')).toBe(plus(T1, CASE_QUIET_MS));
    expect(caseDueAt(T1, 'escalated', 'escalated')).toBe(plus(T1, CASE_QUIET_MS));
    expect(caseDueAt(T1, undefined, 'opened')).toBe(plus(T1, CASE_QUIET_MS));
    expect(caseDueAt(T1, undefined, 'submitted')).toBe(T1);
  });

  it('a photo is due at once; the case change it brings waits the quiet period', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const p = await aPhoto(c.id, 'due-now');
    await savePhoto(db, { ...p, changeCase: (x) => ({ ...x, updatedAt: T1 }) }, T1);
    expect(await db.outbox.get(`photo:${p.meta.sha256}`)).toMatchObject({ nextAttemptAt: T1 });
    expect(await dueAt(c.id)).toBe(plus(T1, CASE_QUIET_MS));
    expect(await dueCaseIds(db, T1)).toEqual([c.id]);
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
