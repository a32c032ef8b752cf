/**
 * The officer's remote determination reaches the rural station (issue 16):
 * the station's phone hears of it on its pull (a `station-confirmed` change
 * with who determined it, the liability, the reason and the law), the
 * station's version carrying exactly that determination is taken — any other
 * is refused `station_cannot_determine` — and once the parties signed, the
 * case becomes the officer's and its packets go out as for any signed case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesResponse } from '../../src/contracts/changes';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { adoptOfficerDetermination } from '../../src/domain/case/station-determination';
import { signAndRefuse } from '../case-fixtures';
import { CONFIRM, sentStationCase, stationFixture, stationRecord } from '../route-matrix-station';
import { uploadPhotos } from '../test-photos';
import type { PhotoMeta } from '../../src/domain/case/photo.schema';
import { signedCaseBody } from '../test-device';
import { openTestWorld, type TestWorld } from '../test-world';

let w: TestWorld;

beforeAll(async () => {
  w = await openTestWorld();
});

afterAll(async () => {
  await w.close();
});

/** The station's pull from the start: its `station-confirmed` changes of the case. */
async function pulled(caseId: string) {
  const res = await w.call('stationA', { url: '/api/changes' });
  expect(res.statusCode, res.body).toBe(200);
  return ChangesResponse.parse(res.json()).changes.filter((c) => c.caseId === caseId);
}

/** Version `version` of the station's case, chained to `previous`, signed by the station's phone. */
async function sendVersion(
  record: CaseRecord,
  version: number,
  previous: string | null,
  photos: readonly PhotoMeta[] = [],
) {
  const device = w.devices.stationA;
  const body = await signedCaseBody({
    record,
    photos: [...photos],
    deviceId: device.id,
    key: device.key,
    version,
    previousManifestHash: previous,
    signedAt: record.updatedAt,
  });
  const res = await w.call('stationA', {
    method: 'PUT',
    url: `/api/cases/${record.id}`,
    payload: body,
  });
  return { res, manifestHash: body.manifestHash };
}

const firstHash = async (caseId: string) =>
  (
    await w.fx.db
      .selectFrom('cases')
      .select('manifest_hash')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).manifest_hash;

/** A station case sent with a photo and confirmed by officer A; answers it and its version 1 hash. */
async function confirmedCase() {
  const { record, photos } = stationFixture(w);
  await uploadPhotos(w, 'stationA', photos);
  const v1 = await sendVersion(
    record,
    1,
    null,
    photos.map((p) => p.meta),
  );
  expect(v1.res.statusCode, v1.res.body).toBe(200);
  const res = await w.call('officerA', {
    method: 'POST',
    url: `/api/cases/${record.id}/confirm`,
    payload: CONFIRM,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { record, v1: v1.manifestHash, photos: photos.map((p) => p.meta) };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('the station hears of the officer’s determination', () => {
  it('on its pull: who, the liability, the reason and the law; the case is still the station’s', async () => {
    const { record } = await confirmedCase();
    const [change, ...more] = await pulled(record.id);
    expect(more).toEqual([]);
    expect(change).toMatchObject({
      kind: 'station-confirmed',
      actor: { id: w.users.officerA.id, role: 'officer' },
      determination: {
        by: { id: w.users.officerA.id, name: 'officerA' },
        liability: CONFIRM.liability,
        reason: CONFIRM.reason,
        basis: CONFIRM.basis,
        decision: 'confirm',
      },
    });
    expect((await w.call('stationA', { url: `/api/cases/${record.id}` })).statusCode).toBe(200);
    // The officer's unit sees it once the parties signed.
    expect((await w.call('officerA', { url: `/api/cases/${record.id}` })).statusCode).toBe(404);
  });

  it('not before an officer confirmed it', async () => {
    const id = await sentStationCase(w);
    expect(await pulled(id)).toEqual([]);
  });
});

describe('the station sends the determination read to the parties', () => {
  it.each<[string, (r: CaseRecord) => CaseRecord]>([
    [
      'another liability than the officer’s',
      (r) => ({ ...r, liability: { ...r.liability!, proposal: { A: 'equal', B: 'equal' } } }),
    ],
    [
      'an override of its own',
      (r) => ({
        ...r,
        liability: {
          ...r.liability!,
          override: { liability: { A: 'none', B: 'full' }, reason: '改', at: r.updatedAt },
        },
      }),
    ],
  ])('refuses %s, in words', async (_, change) => {
    const { record, v1 } = await confirmedCase();
    const [word] = await pulled(record.id);
    const adopted = must(
      adoptOfficerDetermination(record, word!.determination!, '2026-11-27T03:00:00.000Z'),
    );
    const { res } = await sendVersion(change(adopted), 2, v1);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'station_cannot_determine' } });
  });

  it('refuses a determination on a case no officer confirmed', async () => {
    const record = stationRecord(w);
    await sentStationCase(w, record);
    const own = {
      by: { id: w.users.stationA.id, name: 'stationA' },
      at: '2026-11-27T03:00:00.000Z',
      ...CONFIRM,
      basis: [...CONFIRM.basis],
    };
    const adopted = must(adoptOfficerDetermination(record, own, '2026-11-27T03:00:00.000Z'));
    const { res } = await sendVersion(adopted, 2, await firstHash(record.id));
    expect(res.statusCode).toBe(403);
  });

  it('takes the officer’s determination, then the signed case: his, with its photos and packets', async () => {
    const { record, v1, photos } = await confirmedCase();
    const [word] = await pulled(record.id);
    const adopted = must(
      adoptOfficerDetermination(record, word!.determination!, '2026-11-27T03:00:00.000Z'),
    );
    const v2 = await sendVersion(adopted, 2, v1, photos);
    expect(v2.res.statusCode, v2.res.body).toBe(200);
    // Still the station's while the parties sign.
    expect((await w.call('stationA', { url: `/api/cases/${record.id}` })).statusCode).toBe(200);

    const signed = signAndRefuse(adopted, {
      read: '2026-11-27T03:05:00.000Z',
      signed: '2026-11-27T03:06:00.000Z',
      refused: '2026-11-27T03:07:00.000Z',
    });
    const v3 = await sendVersion(signed, 3, v2.manifestHash, photos);
    expect(v3.res.statusCode, v3.res.body).toBe(200);
    expect(v3.res.json()).toMatchObject({ complete: true });
    expect((await w.call('stationA', { url: `/api/cases/${record.id}` })).statusCode).toBe(404);
    const his = await w.call('officerA', { url: `/api/cases/${record.id}` });
    expect(his.statusCode).toBe(200);
    // The station's photo is held by his unit too: nothing is missing.
    expect(his.json()).toMatchObject({ receipt: { complete: true } });
    const row = await w.fx.db
      .selectFrom('cases')
      .select(['officer_id', 'unit_id'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ officer_id: w.users.officerA.id, unit_id: w.units.patrolA.id });
    // The station's phone repeating what it sent gets the same receipt; anything new is refused.
    const again = await sendVersion(signed, 3, v2.manifestHash, photos);
    expect(again.res.statusCode, again.res.body).toBe(200);
    expect(again.res.json()).toMatchObject({
      manifestVersion: 3,
      manifestHash: v3.manifestHash,
      complete: true,
    });
    const more = await sendVersion({ ...signed, notes: '补充' }, 4, v3.manifestHash, photos);
    expect(more.res.json()).toMatchObject({ error: { code: 'not_case_officer' } });

    // As for any signed case of a brigade that waits for review: approved, packets out.
    const approve = await w.call('reviewerA', {
      method: 'POST',
      url: `/api/cases/${record.id}/actions`,
      payload: { action: 'review' },
    });
    expect(approve.statusCode, approve.body).toBe(200);
    const claims = await w.fx.db
      .selectFrom('claims')
      .select(['insurer_id', 'state'])
      .where('case_id', '=', record.id)
      .execute();
    expect(claims.map((c) => c.insurer_id).sort()).toEqual(
      [w.insurers.x.id, w.insurers.y.id].sort(),
    );
    expect(claims.every((c) => c.state === 'delivered')).toBe(true);
  });
});
