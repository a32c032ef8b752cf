import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { openTempServerFixture } from '../test-support';
import type { TempServerFixture } from '../test-support';
import { GENESIS_HASH, auditEventHash, recordAudit, verifyAuditChain } from './audit-log';

let fx: TempServerFixture;
const AT = new Date('2026-11-27T09:30:00.000Z');

beforeEach(async () => {
  fx = await openTempServerFixture();
  for (let i = 1; i <= 5; i++) {
    await recordAudit(fx.db, AT, {
      actor: 'system',
      action: 'test.event',
      subject: `s${i}`,
      details: { i },
    });
  }
});

afterEach(async () => {
  await fx.cleanup();
});

describe('audit chain', () => {
  it('links every event to the one before and verifies', async () => {
    const rows = await fx.db.selectFrom('audit_events').selectAll().orderBy('id').execute();

    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await verifyAuditChain(fx.db)).toEqual({ ok: true, count: 5, headHash: rows[4]?.hash });
  });

  it('verifies across pages', async () => {
    expect(await verifyAuditChain(fx.db, 2)).toMatchObject({ ok: true, count: 5 });
  });

  it('fails at the row whose content was edited', async () => {
    fx.tampered();
    await sql`update audit_events set details = '{"i":99}' where id = 3`.execute(fx.db);

    expect(await verifyAuditChain(fx.db)).toMatchObject({
      ok: false,
      count: 5,
      breaks: [{ at: 3, reason: 'hash_mismatch' }],
    });
  });

  it('fails at the row that was deleted', async () => {
    fx.tampered();
    await sql`delete from audit_events where id = 3`.execute(fx.db);

    expect(await verifyAuditChain(fx.db)).toMatchObject({
      ok: false,
      breaks: [{ at: 3, reason: 'missing_row' }],
    });
  });

  it('fails at the next row when an edited row is re-hashed to hide the edit', async () => {
    fx.tampered();
    const row = await fx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', 2)
      .executeTakeFirstOrThrow();
    const edited = { ...row, details: '{"i":42}' };
    await fx.db
      .updateTable('audit_events')
      .set({ details: edited.details, hash: auditEventHash(edited) })
      .where('id', '=', 2)
      .execute();

    expect(await verifyAuditChain(fx.db)).toMatchObject({
      ok: false,
      breaks: [{ at: 3, reason: 'prev_hash_mismatch' }],
    });
  });

  it('reports every break, not only the first, across pages', async () => {
    fx.tampered();
    await sql`update audit_events set details = '{"i":99}' where id = 2`.execute(fx.db);
    await sql`delete from audit_events where id = 4`.execute(fx.db);
    await sql`update audit_events set subject = 'other' where id = 5`.execute(fx.db);

    const verdict = await verifyAuditChain(fx.db, 2);

    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? [] : verdict.breaks.map((b) => [b.at, b.reason])).toEqual([
      [2, 'hash_mismatch'],
      [4, 'missing_row'],
      [5, 'hash_mismatch'],
    ]);
  });

  it('hashes exactly what it stores, so an ill-formed string cannot break the chain', async () => {
    await recordAudit(fx.db, AT, {
      actor: 'anonymous',
      action: 'auth.login_failed',
      subject: 'a\ud800b',
      details: { note: '\udc00' },
    });

    expect(await verifyAuditChain(fx.db)).toMatchObject({ ok: true, count: 6 });
    const row = await fx.db
      .selectFrom('audit_events')
      .select('subject')
      .where('id', '=', 6)
      .executeTakeFirstOrThrow();
    expect(row.subject).toBe('a\ufffdb');
  });
});

describe('audit chain with two API processes', () => {
  it('stays one chain when two processes append at once (PostgreSQL: the writer lock orders them)', async () => {
    // Given a second process's pool on the same database
    const other = openDatabase(fx.database);
    const append = (db: typeof other, who: string, i: number) =>
      recordAudit(db, new Date(), { actor: who, action: 'test.concurrent', subject: String(i) });
    try {
      // When both append 25 events (at once on PostgreSQL; SQLite has one writer,
      // and two handles in one thread would block each other, so in turns)
      const rounds = Array.from({ length: 25 }, (_, i) => i);
      if (fx.database.dialect === 'postgres') {
        await Promise.all(rounds.flatMap((i) => [append(fx.db, 'a', i), append(other, 'b', i)]));
      } else {
        for (const i of rounds) {
          await append(fx.db, 'a', i);
          await append(other, 'b', i);
        }
      }

      // Then the chain holds all 50, each linked to the one before
      const verdict = await verifyAuditChain(fx.db);
      expect(verdict).toMatchObject({ ok: true });
      const events = await fx.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'test.concurrent')
        .executeTakeFirstOrThrow();
      expect(Number(events.n)).toBe(50);
    } finally {
      await other.destroy();
    }
  });
});
