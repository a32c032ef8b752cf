import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../api';
import type { BrigadeOfficers } from '../contracts/station';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, writeSyncValue, type KuaichuDb, type StoredSession } from '../storage';
import {
  keptStationOfficers,
  refreshStationOfficers,
  stationOfficersKey,
} from './station-officers';

const LIST: BrigadeOfficers = {
  officers: [{ id: '0190a000-0000-7000-8000-0000000000a1', name: '张伟', unitName: '路勤中队' }],
};
const as = (role: string) =>
  ({ token: 't', user: { id: `${role}-1`, role } }) as unknown as StoredSession;

/** The server's answer, and how often it was asked. */
function fakeApi(answer: Awaited<ReturnType<NonNullable<Api['getStationOfficers']>>>) {
  let calls = 0;
  const api: Pick<Api, 'getStationOfficers'> = {
    getStationOfficers: () => {
      calls += 1;
      return Promise.resolve(answer);
    },
  };
  return { api, calls: () => calls };
}

let db: KuaichuDb;
beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

describe('the station’s list of the brigade’s officers', () => {
  it('is fetched for a station and kept for offline use', async () => {
    const { api, calls } = fakeApi({ ok: true, value: LIST });
    expect(await refreshStationOfficers(db, api, as('station'))).toBe(true);
    expect(calls()).toBe(1);
    expect(await keptStationOfficers(db, 'station-1')).toEqual(LIST.officers);
  });

  it.each(['officer', 'reviewer'])('is never asked for by an %s', async (role) => {
    const { api, calls } = fakeApi({ ok: true, value: LIST });
    expect(await refreshStationOfficers(db, api, as(role))).toBe(false);
    expect(calls()).toBe(0);
  });

  it('keeps the list it had when the server cannot be reached', async () => {
    await writeSyncValue(db, stationOfficersKey('station-1'), JSON.stringify(LIST));
    const { api } = fakeApi({ ok: false, failure: { kind: 'network' } });
    expect(await refreshStationOfficers(db, api, as('station'))).toBe(false);
    expect(await keptStationOfficers(db, 'station-1')).toEqual(LIST.officers);
  });

  it.each([
    ['nothing kept', undefined],
    ['a kept value that is not JSON', '{'],
    ['a kept value of another shape', JSON.stringify({ officers: [{ id: 1 }] })],
  ])('is empty with %s', async (_, kept) => {
    if (kept !== undefined) await writeSyncValue(db, stationOfficersKey('station-1'), kept);
    expect(await keptStationOfficers(db, 'station-1')).toEqual([]);
  });
});
