/**
 * Photo bytes belong to the unit whose officer uploaded them (issue 19,
 * finding 14): a hash copied into another brigade's manifest is not held,
 * and reading a photo is scoped to the case, audited, and 404 otherwise.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseReceipt } from '../../src/contracts/cases';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { makePhoto, signedCaseBody } from '../test-device';
import { uploadPhoto, uploadPhotos } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

async function putCase(officer: 'officerA' | 'officerB', c: CaseFixture) {
  const body = await signedCaseBody({
    record: c.record,
    photos: c.photos.map((p) => p.meta),
    deviceId: w.devices[officer].id,
    key: w.devices[officer].key,
  });
  const res = await w.call(officer, {
    method: 'PUT',
    url: `/api/cases/${c.record.id}`,
    payload: body,
  });
  expect(res.statusCode).toBe(200);
  return CaseReceipt.parse(res.json());
}

const head = (actor: Actor, sha256: string) =>
  w.call(actor, { method: 'HEAD', url: `/api/photos/${sha256}` });

describe('a photo hash counts as held only for the unit that uploaded it', () => {
  it('does not count another brigade’s photo listed in a manifest as held', async () => {
    // Given officer B (brigade B) uploaded a photo for his own case
    const theirs = insuredCase('brigade-b', 1);
    await uploadPhotos(w, 'officerB', theirs.photos);
    await putCase('officerB', theirs);
    const stolen = theirs.photos[0]!;

    // When officer A lists the same hash in his own case
    const mine = insuredCase('brigade-a', 1);
    mine.photos = [{ bytes: stolen.bytes, meta: { ...stolen.meta, caseId: mine.record.id } }];
    const receipt = await putCase('officerA', mine);

    // Then it is missing for him, and HEAD tells his phone to upload it
    expect(receipt).toMatchObject({
      complete: false,
      photos: { held: [], missing: [stolen.meta.sha256] },
    });
    expect((await head('officerA', stolen.meta.sha256)).statusCode).toBe(404);
    expect((await head('officerB', stolen.meta.sha256)).statusCode).toBe(200);

    // Once his own phone sent the bytes, they are held for his unit too
    await uploadPhoto(w, 'officerA2', mine.photos[0]!);
    expect((await head('officerA', stolen.meta.sha256)).statusCode).toBe(200);
    expect((await putCase('officerA', mine)).complete).toBe(true);
  });
});

describe('GET /api/cases/:id/photos/:sha256', () => {
  let c: CaseFixture;

  beforeEach(async () => {
    // A case of officer A whose vehicles only insurer X covers.
    const base = insuredCase('photos', 2);
    const record: CaseRecord = {
      ...base.record,
      parties: base.record.parties.map((p, i) =>
        i === 1 ? { ...p, commercialInsurance: { insurer: 'Other Mutual' } } : p,
      ),
    };
    c = {
      record,
      photos: [
        makePhoto(record.id, `scene-${record.id}`, 'scene-behind', 256),
        makePhoto(record.id, `extra-${record.id}`, 'extra', 256),
      ],
    };
    await uploadPhotos(w, 'officerA', c.photos);
    await putCase('officerA', c);
  });

  const url = (sha256: string, caseId = c.record.id) => `/api/cases/${caseId}/photos/${sha256}`;
  const get = (actor: Actor, sha256: string, caseId?: string) =>
    w.call(actor, { url: url(sha256, caseId) });
  const reads = async () =>
    (
      await w.fx.db
        .selectFrom('audit_events')
        .select(['actor', 'subject', 'details'])
        .where('action', '=', 'photo.read')
        .execute()
    ).map((r) => [r.actor, r.subject, JSON.parse(r.details) as Record<string, unknown>]);

  it('gives the brigade’s reviewer the bytes, audited; another brigade gets 404', async () => {
    const scene = c.photos[0]!;

    const res = await get('reviewerA', scene.meta.sha256);

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(scene.bytes)).toBe(true);
    expect(await reads()).toEqual([
      [w.users.reviewerA.id, scene.meta.sha256, { caseId: c.record.id, role: 'reviewer' }],
    ]);
    for (const actor of ['reviewerB', 'officerB', 'insurerY'] as const) {
      expect((await get(actor, scene.meta.sha256)).statusCode, actor).toBe(404);
    }
  });

  it('gives an insurer only the photos of its delivered packet that its view lists', async () => {
    const [scene, extra] = c.photos;

    expect((await get('insurerX', scene!.meta.sha256)).statusCode).toBe(404);
    const reviewed = await w.call('reviewerA', {
      method: 'POST',
      url: `/api/cases/${c.record.id}/actions`,
      payload: { action: 'review' },
    });
    expect(reviewed.statusCode).toBe(200);

    const ok = await get('insurerX', scene!.meta.sha256);
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(scene!.bytes)).toBe(true);
    expect((await get('insurerX', extra!.meta.sha256)).statusCode).toBe(404);
    expect((await get('insurerY', scene!.meta.sha256)).statusCode).toBe(404);
    expect(await reads()).toEqual([
      [w.users.insurerX.id, scene!.meta.sha256, { caseId: c.record.id, role: 'insurer' }],
    ]);
  });

  it('answers 404 for a hash the case does not list, or one only another unit holds', async () => {
    const other = insuredCase('elsewhere', 1);
    await uploadPhotos(w, 'officerA', other.photos);
    expect((await get('officerA', other.photos[0]!.meta.sha256)).statusCode).toBe(404);

    const foreign = insuredCase('foreign', 1);
    await uploadPhotos(w, 'officerB', foreign.photos);
    const listed = insuredCase('listed', 0);
    listed.photos = [
      { ...foreign.photos[0]!, meta: { ...foreign.photos[0]!.meta, caseId: listed.record.id } },
    ];
    await putCase('officerA', listed);
    expect(
      (await get('reviewerA', foreign.photos[0]!.meta.sha256, listed.record.id)).statusCode,
    ).toBe(404);
    expect(await reads()).toEqual([]);
  });
});
