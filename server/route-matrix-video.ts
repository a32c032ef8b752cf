/**
 * The route x role matrix's fixtures for roadside video: a brigade's units
 * (admin only) and a case's footage requests (the case's officer or a
 * reviewer of its brigade; answered by the reviewer). Test-only; used by
 * route-matrix.test.ts.
 */
import { FootageRequest } from '../src/contracts/video';
import type { Fixture, MatrixContext } from './route-matrix-insurers';
import { addVideoUnit } from './video-units';

const WINDOW = { from: '2026-11-27T01:45:00.000Z', to: '2026-11-27T02:15:00.000Z' };

export function videoFixtures({ world, storedCase, next }: MatrixContext): Record<string, Fixture> {
  const brigadeA = () => world().units.patrolA.brigadeId;
  const input = () => ({
    code: `M-${next()}`,
    name: '路口',
    latitude: 30.5,
    longitude: 104.1,
    facing: 'N' as const,
    retentionDays: 30,
  });
  const unitOfA = () => addVideoUnit(world().fx.db, 'test', brigadeA(), input(), world().clock.now);
  /** A case of officer A, a unit of its brigade and one request of it, asked by officer A. */
  const requested = async () => {
    const { id } = await storedCase();
    const res = await world().call('officerA', {
      method: 'POST',
      url: `/api/cases/${id}/footage-requests`,
      payload: { unitId: (await unitOfA()).id, ...WINDOW },
    });
    return { id, request: FootageRequest.parse(res.json()) };
  };
  const CASE_DESK = ['officerA', 'officerA2', 'reviewerA'] as const;

  return {
    'admin.videoUnits.list': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({ url: `/api/admin/brigades/${brigadeA()}/video-units` }),
    },
    'admin.videoUnits.create': {
      success: 201,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/brigades/${brigadeA()}/video-units`,
        payload: input(),
      }),
    },
    'admin.videoUnits.update': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'PUT',
        url: `/api/admin/brigades/${brigadeA()}/video-units/${(await unitOfA()).id}`,
        payload: { ...input(), active: false },
      }),
    },
    'footage.list': {
      success: 200,
      home: CASE_DESK,
      prepare: async () => ({ url: `/api/cases/${(await storedCase()).id}/footage-requests` }),
    },
    'footage.create': {
      success: 201,
      home: CASE_DESK,
      refused: { officerA2: [403, 'not_case_officer'] },
      prepare: async () => ({
        method: 'POST',
        url: `/api/cases/${(await storedCase()).id}/footage-requests`,
        payload: { unitId: (await unitOfA()).id, ...WINDOW },
      }),
    },
    'footage.resolve': {
      success: 200,
      home: ['reviewerA'],
      prepare: async () => {
        const { id, request } = await requested();
        return {
          method: 'POST',
          url: `/api/cases/${id}/footage-requests/${request.id}`,
          payload: { status: 'unavailable', note: '设备故障' },
        };
      },
    },
  };
}
