import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    await sql`update audit_events set details = '{"i":99}' where id = 3`.execute(fx.db);

    expect(await verifyAuditChain(fx.db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
      count: 2,
    });
  });

  it('fails at the row that was deleted', async () => {
    await sql`delete from audit_events where id = 3`.execute(fx.db);

    expect(await verifyAuditChain(fx.db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'missing_row',
    });
  });

  it('fails at the next row when an edited row is re-hashed to hide the edit', async () => {
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
      brokenAt: 3,
      reason: 'prev_hash_mismatch',
    });
  });
});
