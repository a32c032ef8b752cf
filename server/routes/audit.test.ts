import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditPage, AuditVerification } from '../../src/contracts/audit';
import { ErrorBody } from '../../src/contracts/errors';
import { recordAudit } from '../audit/audit-log';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const CASE = '0190a000-0000-7000-8000-00000000ca5e';
const list = async (query: string) => {
  const res = await w.call('admin', { url: `/api/admin/audit${query}` });
  expect(res.statusCode).toBe(200);
  return AuditPage.parse(res.json());
};

async function seed() {
  const at = (iso: string) => new Date(iso);
  await recordAudit(w.fx.db, at('2026-12-01T15:59:00.000Z'), {
    actor: w.users.officerA.id,
    action: 'case.handed_over',
    subject: CASE,
    details: { version: 1, manifestHash: 'a'.repeat(64), flags: ['amended'] },
  });
  await recordAudit(w.fx.db, at('2026-12-01T16:01:00.000Z'), {
    actor: w.users.officerA.id,
    action: 'case.amended',
    subject: CASE,
    details: { version: 2, reason: '司机补充说明：对方车辆逆行', plate: '蒙A12345' },
  });
  await recordAudit(w.fx.db, at('2026-12-02T01:00:00.000Z'), {
    actor: 'system',
    action: 'blob.quarantined',
    subject: 'b'.repeat(64),
  });
}

describe('the admin’s audit viewer', () => {
  it('lists events newest first, with the actor’s name, and hides free text', async () => {
    await seed();
    const { events } = await list(`?subject=${CASE}`);
    expect(events.map((e) => e.action)).toEqual(['case.amended', 'case.handed_over']);
    const [amended, received] = events;
    expect(amended?.details).toEqual({ version: 2 });
    expect(amended?.hidden.sort()).toEqual(['plate', 'reason']);
    expect(received?.details).toMatchObject({ version: 1, flags: ['amended'] });
    expect(received?.actorName).toContain(w.users.officerA.username);
    expect(JSON.stringify(events)).not.toContain('逆行');
  });

  it('shows the reason a supervisor gave for revealing a recovery code, and no officer’s words', async () => {
    await seed();
    await recordAudit(w.fx.db, new Date('2026-12-02T02:00:00.000Z'), {
      actor: w.users.admin.id,
      action: 'device.recovery_code_revealed',
      subject: 'd'.repeat(8),
      details: {
        codeId: 'c1',
        officer: w.users.officerA.id,
        reason: '民警来电：PIN 输错十次',
        plate: '蒙A12345',
      },
    });
    const { events } = await list('?action=device.');
    expect(events.map((e) => [e.details['reason'], e.hidden])).toEqual([
      ['民警来电：PIN 输错十次', ['plate']],
    ]);
    const amended = (await list(`?subject=${CASE}`)).events[0];
    expect(amended?.hidden).toContain('reason');
  });

  it('filters by actor (username), action family and China day, and pages by id', async () => {
    await seed();
    const byUser = await list(`?actor=${w.users.officerA.username}&action=case.`);
    expect(byUser.events.map((e) => e.action)).toEqual(['case.amended', 'case.handed_over']);
    // `_` in a family is a letter, not a wildcard: `bl_b.` matches no `blob.` event.
    expect((await list('?action=bl_b.')).events).toEqual([]);
    expect((await list('?action=blob.')).events.map((e) => e.action)).toEqual(['blob.quarantined']);
    // 2026-12-02 in China starts at 2026-12-01T16:00Z: the amendment and the quarantine.
    const day = await list('?from=2026-12-02&to=2026-12-02');
    expect(day.events.map((e) => e.action)).toEqual(['blob.quarantined', 'case.amended']);

    const first = await list(`?subject=${CASE}&limit=1`);
    expect(first.events).toHaveLength(1);
    expect(first.next).not.toBeNull();
    const second = await list(`?subject=${CASE}&limit=1&before=${first.next}`);
    expect(second.events.map((e) => e.action)).toEqual(['case.handed_over']);
    expect(second.next).toBeNull();
  });

  it('names the field of a bad filter', async () => {
    for (const [query, field] of [
      ['?from=2026-02-30', 'querystring.from'],
      ['?limit=500', 'querystring.limit'],
      ['?action=DROP TABLE', 'querystring.action'],
    ] as const) {
      const res = await w.call('admin', { url: `/api/admin/audit${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual([field]);
    }
  });

  it('says the chain is intact, and names the first altered event', async () => {
    await seed();
    const intact = AuditVerification.parse(
      (await w.call('admin', { url: '/api/admin/audit/verification' })).json(),
    );
    expect(intact).toMatchObject({ ok: true, breaks: [] });
    const victim = await w.fx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'case.amended')
      .executeTakeFirstOrThrow();
    await w.fx.db
      .updateTable('audit_events')
      .set({ subject: 'someone-else' })
      .where('id', '=', victim.id)
      .execute();

    const broken = AuditVerification.parse(
      (await w.call('admin', { url: '/api/admin/audit/verification' })).json(),
    );
    expect(broken.ok).toBe(false);
    expect(broken.breaks[0]).toMatchObject({ at: victim.id, reason: 'hash_mismatch' });
    // Put back, so the suite's verify-audit over every test database passes.
    await w.fx.db
      .updateTable('audit_events')
      .set({ subject: CASE })
      .where('id', '=', victim.id)
      .execute();
  });
});
