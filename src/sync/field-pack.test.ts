import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../api';
import { STARTER_SCRIPT, type FieldPack } from '../contracts/field-pack';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, writeSyncValue, type KuaichuDb, type StoredSession } from '../storage';
import {
  FIELD_PACK_MAX_AGE_MS,
  fieldPackKey,
  keptCourtesyScript,
  keptLenientList,
  keptVideoPack,
  refreshFieldPack,
} from './field-pack';
import { STARTER_LENIENT_LIST } from '../domain/lenient';

const BRIGADE = '0190a000-0000-7000-8000-00000000b001';
const session = { token: 't', user: { id: 'officer-1' } } as StoredSession;
const pack = (version: number): FieldPack => ({
  brigadeId: BRIGADE,
  courtesyScript: {
    version,
    updatedAt: '2026-12-07T01:00:00.000Z',
    text: { ...STARTER_SCRIPT.text, thanks: { zh: `一路平安 ${version}`, en: 'Safe journey' } },
  },
});

/** The server's pack, or its failure, and how often it was asked. */
function fakeApi(answers: ReturnType<Api['getFieldPack']> extends Promise<infer R> ? R[] : never) {
  let calls = 0;
  const api: Pick<Api, 'getFieldPack'> = {
    getFieldPack: () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      if (!answer) throw new Error('no answer');
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

describe('the field pack on the phone', () => {
  it('keeps the brigade’s warning list with its region; a pack kept before the list existed reads as the starter', async () => {
    expect(await keptLenientList(db, 'officer-1')).toEqual(STARTER_LENIENT_LIST);
    const lenientList = {
      ...STARTER_LENIENT_LIST,
      version: 4,
      region: { platePrefixes: ['川A'], licenceAreaCodes: ['5101'] },
    };
    const { api } = fakeApi([{ ok: true, value: { ...pack(1), lenientList } }]);
    await refreshFieldPack(db, api, session);
    expect(await keptLenientList(db, 'officer-1')).toEqual(lenientList);
    await writeSyncValue(db, fieldPackKey('officer-2'), JSON.stringify(pack(2)));
    expect(await keptLenientList(db, 'officer-2')).toEqual(STARTER_LENIENT_LIST);
    expect((await keptCourtesyScript(db, 'officer-2')).version).toBe(2);
  });

  it('is the starter until one is fetched, then the brigade’s, offline too', async () => {
    expect(await keptCourtesyScript(db, 'officer-1')).toEqual(STARTER_SCRIPT);
    const { api } = fakeApi([{ ok: true, value: pack(3) }]);
    expect(await refreshFieldPack(db, api, session)).toBe(true);
    expect((await keptCourtesyScript(db, 'officer-1')).version).toBe(3);
    // another officer on the same phone has his own (here none yet)
    expect(await keptCourtesyScript(db, 'officer-2')).toEqual(STARTER_SCRIPT);
  });

  it('asks again after a pull only once the kept one is an hour old, and keeps it on a failure', async () => {
    const t0 = Date.parse('2026-12-07T02:00:00.000Z');
    const server = fakeApi([
      { ok: true, value: pack(1) },
      { ok: false, failure: { kind: 'network' } },
      { ok: true, value: pack(2) },
    ]);
    expect(await refreshFieldPack(db, server.api, session, t0)).toBe(true);
    expect(await refreshFieldPack(db, server.api, session, t0 + 60_000)).toBe(false);
    expect(server.calls()).toBe(1);
    expect(await refreshFieldPack(db, server.api, session, t0 + FIELD_PACK_MAX_AGE_MS)).toBe(false);
    expect(server.calls()).toBe(2);
    expect((await keptCourtesyScript(db, 'officer-1')).version).toBe(1);
    // a clock set back is not trusted to mean "fresh"
    expect(await refreshFieldPack(db, server.api, session, t0 - 1)).toBe(true);
    expect((await keptCourtesyScript(db, 'officer-1')).version).toBe(2);
  });

  it('falls back to the starter when what is kept does not parse', async () => {
    await writeSyncValue(db, fieldPackKey('officer-1'), '{"brigadeId": 1');
    expect(await keptCourtesyScript(db, 'officer-1')).toEqual(STARTER_SCRIPT);
    await writeSyncValue(db, fieldPackKey('officer-1'), JSON.stringify({ brigadeId: 'x' }));
    expect(await keptCourtesyScript(db, 'officer-1')).toEqual(STARTER_SCRIPT);
  });

  it('keeps the brigade’s video units and radius; a pack kept before they came reads none, 2 km', async () => {
    await writeSyncValue(db, fieldPackKey('officer-1'), JSON.stringify(pack(1)));
    expect(await keptVideoPack(db, 'officer-1')).toEqual({
      videoUnits: [],
      radiusM: 2000,
      known: false,
    });
    expect((await keptCourtesyScript(db, 'officer-1')).version).toBe(1);
    const unit = {
      id: '0190a000-0000-7000-8000-00000000c001',
      brigadeId: BRIGADE,
      code: 'SF-001',
      name: '路口',
      latitude: 30.6595,
      longitude: 104.0655,
      facing: 'S' as const,
      retentionDays: 30,
      active: true,
      updatedAt: '2026-12-07T01:00:00.000Z',
    };
    const { api } = fakeApi([
      { ok: true, value: { ...pack(2), videoUnits: [unit], videoRadiusM: 3000 } },
    ]);
    await refreshFieldPack(db, api, session);
    expect(await keptVideoPack(db, 'officer-1')).toEqual({
      videoUnits: [unit],
      radiusM: 3000,
      known: true,
    });
  });
});
