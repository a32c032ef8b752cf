import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../audit/audit-log';
import { openTempServerFixture } from '../test-support';
import type { TempServerFixture } from '../test-support';
import { batchShared, createGroupCommitter } from './group-commit';

let fx: TempServerFixture;

beforeEach(async () => {
  fx = await openTempServerFixture();
});

afterEach(async () => {
  await fx.cleanup();
});

const at = new Date('2026-12-06T08:00:00Z');

const subjects = async () =>
  (await fx.db.selectFrom('audit_events').select('subject').orderBy('id').execute()).map(
    (r) => r.subject,
  );

describe('group commit', () => {
  it('commits requests that arrive together in one transaction, in arrival order', async () => {
    const commits = createGroupCommitter(fx.db);
    const names = ['a', 'b', 'c', 'd'];
    const events = await Promise.all(
      names.map((subject) =>
        commits.run((trx) => appendAudit(trx, at, { actor: 'test', action: 'test.one', subject })),
      ),
    );
    expect(commits.stats()).toEqual({ batches: 1, requests: 4 });
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(await subjects()).toEqual(names);
    expect(await verifyAuditChain(fx.db)).toMatchObject({ ok: true, count: 4 });
  });

  it('rolls back a failing request alone: its neighbours in the batch commit', async () => {
    const commits = createGroupCommitter(fx.db);
    const audit = (subject: string) =>
      commits.run((trx) => appendAudit(trx, at, { actor: 'test', action: 'test.one', subject }));
    const failing = commits.run(async (trx) => {
      await appendAudit(trx, at, { actor: 'test', action: 'test.one', subject: 'refused' });
      throw new Error('refused after writing');
    });
    const outcomes = await Promise.allSettled([audit('before'), failing, audit('after')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: new Error('refused after writing') });
    expect(commits.stats().batches).toBe(1);
    expect(await subjects()).toEqual(['before', 'after']);
    expect(await verifyAuditChain(fx.db)).toMatchObject({ ok: true, count: 2 });
  });

  it('shares values within a batch only, and forgets them when a request is rolled back', async () => {
    const commits = createGroupCommitter(fx.db);
    expect(batchShared(fx.db)).toBeUndefined();
    const seen: (string | undefined)[] = [];
    const request = (fail: boolean) =>
      commits.run(async (trx) => {
        const shared = batchShared(trx);
        seen.push(shared?.get('key') as string | undefined);
        shared?.set('key', `set ${seen.length}`);
        if (fail) throw new Error('refused');
      });
    await Promise.allSettled([request(false), request(false), request(true), request(false)]);
    expect(commits.stats().batches).toBe(1);
    expect(seen).toEqual([undefined, 'set 1', 'set 2', undefined]);
    await fx.db.transaction().execute(async (trx) => expect(batchShared(trx)).toBeUndefined());
  });

  it('fails every request of a batch whose COMMIT fails, and stores none of it', async () => {
    const commits = createGroupCommitter(fx.db);
    // A deferred foreign key is checked at COMMIT: the whole transaction is
    // refused (the same SQL on SQLite and PostgreSQL).
    await sql`create table trap_parent (id integer primary key)`.execute(fx.db);
    await sql`create table trap_child (id integer primary key, parent integer references trap_parent (id) deferrable initially deferred)`.execute(
      fx.db,
    );
    const orphan = commits.run(async (trx) => {
      await sql`insert into trap_child (id, parent) values (1, 42)`.execute(trx);
    });
    const neighbour = commits.run((trx) =>
      appendAudit(trx, at, { actor: 'test', action: 'test.one', subject: 'neighbour' }),
    );
    const outcomes = await Promise.allSettled([orphan, neighbour]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await subjects()).toEqual([]);
  });

  it('waits for an announced request, and starts at once when it withdraws', async () => {
    const commits = createGroupCommitter(fx.db, { maxWaitMs: 60_000 });
    const announced = commits.announce();
    const first = commits.run((trx) =>
      appendAudit(trx, at, { actor: 'test', action: 'test.one', subject: 'first' }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits.stats().batches).toBe(0);
    const second = commits.run(
      (trx) => appendAudit(trx, at, { actor: 'test', action: 'test.one', subject: 'second' }),
      announced,
    );
    await Promise.all([first, second]);
    expect(commits.stats()).toEqual({ batches: 1, requests: 2 });
  });
});
