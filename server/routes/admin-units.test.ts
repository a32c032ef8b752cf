import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminUser } from '../../src/contracts/admin';
import { Unit } from '../../src/contracts/auth';
import { ErrorBody } from '../../src/contracts/errors';
import { verifyAuditChain } from '../audit/audit-log';
import { openTestWorld, TEST_PASSWORD } from '../test-world';
import { expectNewAccountSignsIn } from './admin-test-support';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;
const newUnit = (body: Record<string, unknown>) =>
  w.call('admin', {
    method: 'POST',
    url: '/api/admin/units',
    payload: {
      brigadeId: w.units.patrolA.brigadeId,
      name: '城关中队',
      kind: 'patrol-squad',
      ...body,
    },
  });
const auditActions = async () =>
  (await w.fx.db.selectFrom('audit_events').select(['action', 'subject']).execute()).map(
    (r) => `${r.action} ${r.subject}`,
  );

describe('admin: units', () => {
  it('creates a unit in a brigade, audited, and lists it', async () => {
    const res = await newUnit({ kind: 'rural-station', name: '乌兰站' });
    expect(res.statusCode).toBe(201);
    const unit = Unit.parse(res.json());
    expect(unit).toMatchObject({ name: '乌兰站', kind: 'rural-station' });

    const listed = await w.call('admin', { url: '/api/admin/units' });
    expect((listed.json() as { units: Unit[] }).units.map((u) => u.id)).toContain(unit.id);
    expect(await auditActions()).toContain(`unit.created ${unit.id}`);
    expect((await verifyAuditChain(w.fx.db)).ok).toBe(true);
  });

  it('lets an officer be created in the new unit, who can then sign in', async () => {
    const unit = Unit.parse((await newUnit({})).json());
    await expectNewAccountSignsIn(w, {
      username: 'li.na',
      displayName: '李娜',
      role: 'officer',
      unitId: unit.id,
    });
  });

  it('refuses a second unit of the same name in the brigade, and an unknown brigade', async () => {
    expect((await newUnit({})).statusCode).toBe(201);
    const again = await newUnit({});
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('unit_name_taken');

    const nowhere = await newUnit({ brigadeId: '00000000-0000-4000-8000-000000000000' });
    expect(nowhere.statusCode).toBe(400);
    expect(errorOf(nowhere).code).toBe('unknown_brigade');
  });

  it('names the field of a bad unit', async () => {
    const res = await newUnit({ name: '', kind: 'motorcade' });
    expect(res.statusCode).toBe(400);
    const fields = (errorOf(res).fields ?? []).map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.kind']));
  });
});

describe('admin: enabling a user again', () => {
  it('enables a disabled user, audited; a second enable changes nothing', async () => {
    const user = AdminUser.parse(
      (
        await w.call('admin', {
          method: 'POST',
          url: '/api/admin/users',
          payload: {
            username: 'wang.fang',
            displayName: '王芳',
            role: 'insurer',
            insurerId: w.insurers.x.id,
            password: TEST_PASSWORD,
          },
        })
      ).json(),
    );
    const path = (verb: string) => `/api/admin/users/${user.id}/${verb}`;
    expect((await w.call('admin', { method: 'POST', url: path('disable') })).statusCode).toBe(200);
    const enabled = await w.call('admin', { method: 'POST', url: path('enable') });
    expect(enabled.statusCode).toBe(200);
    expect(AdminUser.parse(enabled.json()).disabled).toBe(false);
    await w.call('admin', { method: 'POST', url: path('enable') });
    const actions = (await auditActions()).filter((a) => a.endsWith(user.id));
    expect(actions.filter((a) => a.startsWith('user.enabled'))).toHaveLength(1);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await w.call('admin', {
      method: 'POST',
      url: '/api/admin/users/00000000-0000-4000-8000-000000000000/enable',
    });
    expect(res.statusCode).toBe(404);
  });
});
