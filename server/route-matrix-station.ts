/**
 * The route × role matrix's fixtures for a rural station's cases: the
 * brigade's officers list the cases handed over, and one of them confirms a
 * case and determines liability. Also the station's case itself, sent by
 * station A's phone, for server/routes/station.test.ts. Test-only.
 */
import { expect } from 'vitest';
import type { CaseRecord } from '../src/domain/case/case.schema';
import { insuredCase, type CaseFixture } from './case-fixtures';
import type { Fixture, MatrixContext } from './route-matrix-insurers';
import { signedCaseBody } from './test-device';
import type { CapturingActor, TestWorld } from './test-world';

/** A station A case handed over (no determination), as its phone makes it. */
export function stationRecord(w: TestWorld, note = '双方无争议'): CaseRecord {
  return stationFixture(w, note, 0).record;
}

/** {@link stationRecord} with `photoCount` photos (their bytes to upload, their metadata to list). */
export function stationFixture(w: TestWorld, note = '双方无争议', photoCount = 1): CaseFixture {
  const { record, photos } = insuredCase('station', photoCount);
  return { record: handedOver(w, record, note), photos };
}

function handedOver(w: TestWorld, record: CaseRecord, note: string): CaseRecord {
  const by = { id: w.users.stationA.id, name: 'stationA' };
  return {
    ...record,
    officer: by,
    state: 'submitted',
    transitions: [
      ...record.transitions,
      { from: 'opened', to: 'submitted', at: '2026-11-27T02:20:00.000Z' },
    ],
    handover: { by, at: '2026-11-27T02:20:00.000Z', to: null, note },
  };
}

/** Version 1 of `record`, signed by `actor`'s phone and PUT under his session. */
export async function putFirstVersion(w: TestWorld, actor: CapturingActor, record: CaseRecord) {
  const device = w.devices[actor];
  const body = await signedCaseBody({ record, photos: [], deviceId: device.id, key: device.key });
  return w.call(actor, { method: 'PUT', url: `/api/cases/${record.id}`, payload: body });
}

/** Sends a station case from station A's phone; answers its id. */
export async function sentStationCase(w: TestWorld, record = stationRecord(w)): Promise<string> {
  const res = await putFirstVersion(w, 'stationA', record);
  expect(res.statusCode, res.body).toBe(200);
  return record.id;
}

export const CONFIRM = {
  decision: 'confirm',
  note: '',
  liability: { A: 'full', B: 'none' },
  reason: 'A 车追尾',
  basis: [{ law: '《中华人民共和国道路交通安全法》', article: '第四十三条' }],
} as const;

export function stationFixtures({ world }: MatrixContext): Record<string, Fixture> {
  return {
    'station.officers': {
      success: 200,
      prepare: async () => ({ url: '/api/station/officers' }),
    },
    'station.handovers': {
      success: 200,
      prepare: async () => ({ url: '/api/station/handovers' }),
    },
    'station.confirm': {
      success: 200,
      // The brigade's officers, wherever their unit, and its accident squad's reviewers.
      home: ['officerA', 'officerA2', 'reviewerA'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/cases/${await sentStationCase(world())}/confirm`,
        payload: CONFIRM,
      }),
    },
  };
}
