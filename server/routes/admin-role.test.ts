import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminUser } from '../../src/contracts/admin';
import { ErrorBody } from '../../src/contracts/errors';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;
const changeRole = (id: string, payload: Record<string, unknown>) =>
  w.call('admin', { method: 'POST', url: `/api/admin/users/${id}/role`, payload });
const roleEvents = async (subject: string) =>
  w.fx.db
    .selectFrom('audit_events')
    .select(['action', 'details'])
    .where('action', '=', 'user.role_changed')
    .where('subject', '=', subject)
    .execute();

describe('admin: a user’s role', () => {
  it('moves an officer to the accident squad as a reviewer: his sessions end, audited once', async () => {
    const officer = w.users.officerA;
    expect((await w.call('officerA', { url: '/api/auth/me' })).statusCode).toBe(200);
    const res = await changeRole(officer.id, { role: 'reviewer', unitId: w.units.accidentA.id });
    expect(res.statusCode).toBe(200);
    expect(AdminUser.parse(res.json())).toMatchObject({
      role: 'reviewer',
      unitId: w.units.accidentA.id,
      insurerId: null,
    });
    expect((await w.call('officerA', { url: '/api/auth/me' })).statusCode).toBe(401);
    // The same role again changes nothing.
    await changeRole(officer.id, { role: 'reviewer', unitId: w.units.accidentA.id });
    const events = await roleEvents(officer.id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.details ?? '{}')).toEqual({
      before: { role: 'officer', unitId: w.units.patrolA.id, insurerId: null },
      after: { role: 'reviewer', unitId: w.units.accidentA.id, insurerId: null },
    });
  });

  it('refuses a role without what it needs, or in the wrong kind of unit', async () => {
    const id = w.users.officerA.id;
    for (const [payload, code] of [
      [{ role: 'reviewer', unitId: w.units.patrolA.id }, 'unit_kind_mismatch'],
      [{ role: 'insurer' }, 'insurer_required'],
      [{ role: 'admin', unitId: w.units.patrolA.id }, 'unexpected_affiliation'],
    ] as const) {
      const res = await changeRole(id, payload);
      expect(res.statusCode, code).toBe(400);
      expect(errorOf(res).code).toBe(code);
    }
    expect(await roleEvents(id)).toEqual([]);
  });

  it('names the field of a bad body, and refuses the admin his own role', async () => {
    const bad = await changeRole(w.users.officerA.id, { role: 'boss' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.map((f) => f.path)).toEqual(['body.role']);
    const self = await changeRole(w.users.admin.id, {
      role: 'insurer',
      insurerId: w.insurers.x.id,
    });
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).code).toBe('cannot_change_own_role');
  });
});
