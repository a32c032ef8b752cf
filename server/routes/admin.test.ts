import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminUser } from '../../src/contracts/admin';
import { ErrorBody } from '../../src/contracts/errors';
import { openTestWorld, TEST_PASSWORD } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const createUser = (body: Record<string, unknown>) =>
  w.call('admin', {
    method: 'POST',
    url: '/api/admin/users',
    payload: { displayName: '张伟', role: 'insurer', insurerId: w.insurers.x.id, ...body },
  });
const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;

describe('admin: passwords', () => {
  it.each([
    ['one letter repeated', 'zhang.wei', 'aaaaaaaaaa'],
    ['too few different characters', 'zhang.wei', 'abcabcabcabc'],
    ['the username', 'zhang.wei.01', 'zhang.wei.01'],
    ['the username inside', 'zhangwei', 'Zhangwei-2026!'],
    ['a common password', 'zhang.wei', 'password123'],
    ['a keyboard row', 'zhang.wei', 'qwertyuiop'],
    ['digits only', 'zhang.wei', '13912345678'],
  ])('refuses %s, on creation and on reset', async (_name, username, password) => {
    const created = await createUser({ username, password });
    expect(
      await w.fx.db.selectFrom('users').select('id').where('username', '=', username).execute(),
    ).toEqual([]);
    const user = AdminUser.parse((await createUser({ username, password: TEST_PASSWORD })).json());
    const reset = await w.call('admin', {
      method: 'POST',
      url: `/api/admin/users/${user.id}/password`,
      payload: { password },
    });

    for (const res of [created, reset]) {
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('weak_password');
    }
  });

  it('takes a long password of varied characters', async () => {
    const res = await createUser({ username: 'zhang.wei', password: 'river stone 17 lamp' });
    expect(res.statusCode).toBe(201);
  });
});

describe('admin: disabling', () => {
  it('refuses an admin disabling himself', async () => {
    const res = await w.call('admin', {
      method: 'POST',
      url: `/api/admin/users/${w.users.admin.id}/disable`,
    });

    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('cannot_disable_self');
    expect((await w.call('admin', { url: '/api/admin/users' })).statusCode).toBe(200);
  });

  it('lets an admin disable another admin', async () => {
    const other = AdminUser.parse(
      (
        await createUser({
          username: 'admin.two',
          role: 'admin',
          insurerId: undefined,
          password: TEST_PASSWORD,
        })
      ).json(),
    );
    const res = await w.call('admin', {
      method: 'POST',
      url: `/api/admin/users/${other.id}/disable`,
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('admin: roles and unit kinds', () => {
  it.each([
    ['a reviewer', 'reviewer', 'patrolA'],
    ['an officer', 'officer', 'accidentA'],
    ['a station account', 'station', 'patrolA'],
  ] as const)('refuses %s in a unit of the wrong kind', async (_name, role, unit) => {
    const res = await createUser({
      username: 'zhang.wei',
      role,
      insurerId: undefined,
      unitId: w.units[unit].id,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('unit_kind_mismatch');
  });

  it('places an officer in a patrol squad or a rural station, a station account in a rural station, a reviewer in an accident squad', async () => {
    const placed = [
      ['officer', w.units.patrolA.id],
      ['officer', w.units.stationA.id],
      ['station', w.units.stationA.id],
      ['reviewer', w.units.accidentA.id],
    ] as const;
    for (const [i, [role, unitId]] of placed.entries()) {
      const res = await createUser({
        username: `placed.${i}`,
        role,
        insurerId: undefined,
        unitId,
        password: TEST_PASSWORD,
      });
      expect(res.statusCode, `${role} in ${unitId}`).toBe(201);
    }
  });
});
