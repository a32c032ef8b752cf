/**
 * The route x role matrix's fixtures for the admin's own routes: accounts,
 * units, insurers, the audit trail and a brigade's courteous script; and the
 * field pack officers and reviewers fetch. Test-only; used by
 * route-matrix.test.ts.
 */
import { presetSettings } from '../src/contracts/tile-source';
import { STARTER_LENIENT_LIST } from '../src/domain/lenient';
import { createUser } from './auth/accounts';
import { issueRecoveryCode } from './auth/recovery-codes';
import type { Fixture, MatrixContext } from './route-matrix-insurers';
import { CHEAP_SCRYPT, TEST_PASSWORD } from './test-world';

export function adminFixtures({ world, next }: MatrixContext): Record<string, Fixture> {
  /** A fresh admin account to act on. */
  const freshUserId = async (): Promise<string> => {
    const user = await createUser(
      world().fx.db,
      { username: `matrix-${next()}`, displayName: 'x', role: 'admin', password: TEST_PASSWORD },
      'test',
      world().clock.now,
      CHEAP_SCRYPT,
    );
    return user.id;
  };
  const brigadeA = () => world().units.patrolA.brigadeId;
  const script = {
    greeting: { zh: `您好 ${next()}`, en: 'Hello' },
    signRequest: { zh: '请签名', en: 'Please sign' },
    thanks: { zh: '谢谢', en: 'Thanks' },
  };

  return {
    'devices.recoveryCode': {
      success: 201,
      home: ['officerA'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/devices/${world().devices.officerA.id}/recovery-code`,
        payload: {},
      }),
    },
    'admin.devices.recoveryCode': {
      success: 200,
      home: ['admin'],
      prepare: async () => {
        const deviceId = world().devices.officerA.id;
        const userId = world().users.officerA.id;
        await issueRecoveryCode(world().fx.db, { userId, deviceId }, world().clock.now);
        return {
          method: 'POST',
          url: `/api/admin/devices/${deviceId}/recovery-code/reveal`,
          payload: { reason: 'PIN forgotten on the road' },
        };
      },
    },
    'admin.users.list': { success: 200, prepare: async () => ({ url: '/api/admin/users' }) },
    'admin.users.create': {
      success: 201,
      prepare: async () => ({
        method: 'POST',
        url: '/api/admin/users',
        payload: {
          username: `made-${next()}`,
          displayName: 'M',
          role: 'insurer',
          insurerId: world().insurers.y.id,
          password: TEST_PASSWORD,
        },
      }),
    },
    'admin.users.disable': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/users/${await freshUserId()}/disable`,
      }),
    },
    'admin.users.password': {
      success: 204,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/users/${await freshUserId()}/password`,
        payload: { password: 'a new long password' },
      }),
    },
    'admin.users.enable': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/users/${await freshUserId()}/enable`,
      }),
    },
    'admin.units.list': { success: 200, prepare: async () => ({ url: '/api/admin/units' }) },
    'admin.units.create': {
      success: 201,
      prepare: async () => ({
        method: 'POST',
        url: '/api/admin/units',
        payload: {
          brigadeId: world().units.patrolA.brigadeId,
          name: `Unit ${next()}`,
          kind: 'patrol-squad',
        },
      }),
    },
    'admin.insurers.list': { success: 200, prepare: async () => ({ url: '/api/admin/insurers' }) },
    'admin.insurers.create': {
      success: 201,
      prepare: async () => ({
        method: 'POST',
        url: '/api/admin/insurers',
        payload: { name: `保险公司 ${next()}`, code: `INS${next()}` },
      }),
    },
    'admin.audit.list': {
      success: 200,
      prepare: async () => ({ url: '/api/admin/audit?limit=5' }),
    },
    'admin.audit.verify': {
      success: 200,
      prepare: async () => ({ url: '/api/admin/audit/verification' }),
    },
    'admin.users.role': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/users/${await freshUserId()}/role`,
        payload: { role: 'insurer', insurerId: world().insurers.y.id },
      }),
    },
    'field-pack.get': { success: 200, prepare: async () => ({ url: '/api/field-pack' }) },
    'admin.brigades.script.get': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({ url: `/api/admin/brigades/${brigadeA()}/courtesy-script` }),
    },
    'admin.brigades.script.set': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'PUT',
        url: `/api/admin/brigades/${brigadeA()}/courtesy-script`,
        payload: script,
      }),
    },
    'admin.brigades.lenient.get': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({ url: `/api/admin/brigades/${brigadeA()}/lenient-list` }),
    },
    'admin.brigades.lenient.set': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'PUT',
        url: `/api/admin/brigades/${brigadeA()}/lenient-list`,
        payload: { region: STARTER_LENIENT_LIST.region, items: STARTER_LENIENT_LIST.items },
      }),
    },
    'admin.brigades.tiles.get': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({ url: `/api/admin/brigades/${brigadeA()}/tile-source` }),
    },
    'admin.brigades.tiles.set': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'PUT',
        url: `/api/admin/brigades/${brigadeA()}/tile-source`,
        payload: presetSettings('osm'),
      }),
    },
  };
}
