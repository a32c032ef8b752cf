/**
 * An insurer's assessment with photos (issue 12): uploaded by tus for its own
 * packet only, JPEG/PNG/WebP only, named by the assessment (each one an
 * upload of this insurer for this packet, at most 12), then readable by that
 * insurer, the brigade's reviewer and the case's officer — another insurer
 * and another brigade get 404 — and in the changes feed and the audit trail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse } from '../../src/contracts/changes';
import { Claim } from '../../src/contracts/claims';
import { ErrorBody } from '../../src/contracts/errors';
import { PacketList } from '../../src/contracts/packets';
import { insuredCase } from '../case-fixtures';
import { sha256OfBytes } from '../test-device';
import { jpegBytes, submitCase, uploadAssessmentPhoto } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let vehicleId: string;

beforeEach(async () => {
  w = await openTestWorld();
  const fixture = insuredCase('assessment-photos', 0);
  vehicleId = fixture.record.vehicles[0]!.id;
  await submitCase(w, fixture);
  const review = await w.call('reviewerA', {
    method: 'POST',
    url: `/api/cases/${fixture.record.id}/actions`,
    payload: { action: 'review' },
  });
  expect(review.statusCode, review.body).toBe(200);
});

afterEach(async () => {
  await w.close();
});

async function packetId(actor: Actor): Promise<string> {
  const res = await w.call(actor, { url: '/api/packets' });
  const id = PacketList.parse(res.json()).packets[0]?.id;
  if (!id) throw new Error(`${actor} has no packet`);
  return id;
}

const assess = (actor: Actor, id: string, photos: string[]) =>
  w.call(actor, {
    method: 'POST',
    url: `/api/packets/${id}/assessment`,
    payload: { vehicles: [{ vehicleId, amountYuan: 1800 }], assessor: '李定损', photos },
  });

const read = (actor: Actor, claimId: string, sha: string) =>
  w.call(actor, { url: `/api/claims/${claimId}/assessment-photos/${sha}` });

const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;

async function uploaded(actor: Actor, id: string, seed: string): Promise<string> {
  const bytes = jpegBytes(seed);
  const res = await uploadAssessmentPhoto(w, actor, id, bytes);
  expect(res.statusCode, res.body).toBe(200);
  return sha256OfBytes(bytes);
}

describe('an assessment with photos', () => {
  it('is uploaded, recorded, read by the insurer, the reviewer and the officer, and in the feed', async () => {
    const id = await packetId('insurerX');
    const shas = [await uploaded('insurerX', id, 'a'), await uploaded('insurerX', id, 'b')];
    const res = await assess('insurerX', id, shas);
    expect(res.statusCode, res.body).toBe(200);
    const photos = Claim.parse(res.json()).assessment?.photos;
    expect(photos).toEqual(
      shas.map((sha256) => ({ sha256, byteLength: 1024, mediaType: 'image/jpeg' })),
    );
    for (const actor of ['insurerX', 'reviewerA', 'officerA'] as const) {
      const photo = await read(actor, id, shas[0]!);
      expect(photo.statusCode, actor).toBe(200);
      expect(photo.headers['content-type']).toBe('image/jpeg');
      expect(photo.rawPayload).toEqual(jpegBytes('a'));
    }
    const feed = ChangesResponse.parse((await w.call('officerA', { url: '/api/changes' })).json());
    expect(feed.changes.find((c) => c.kind === 'assessed')?.photos).toEqual(shas);
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'assessment-photo.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'assessment-photo.stored',
      'assessment-photo.stored',
      'assessment-photo.read',
      'assessment-photo.read',
      'assessment-photo.read',
    ]);
  });

  it('is another insurer’s, another brigade’s and another officer’s 404', async () => {
    const id = await packetId('insurerX');
    const sha = await uploaded('insurerX', id, 'c');
    expect((await assess('insurerX', id, [sha])).statusCode).toBe(200);
    for (const actor of ['insurerY', 'reviewerB', 'officerB', 'officerA2'] as const) {
      const res = await read(actor, id, sha);
      expect(res.statusCode, actor).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    }
    // A hash the assessment does not name, even one stored: 404 too.
    const other = await uploaded('insurerX', id, 'd');
    expect((await read('insurerX', id, other)).statusCode).toBe(404);
  });

  it('takes uploads for the insurer’s own packet only, of the type they name', async () => {
    const x = await packetId('insurerX');
    const foreign = await uploadAssessmentPhoto(w, 'insurerY', x, jpegBytes('e'));
    expect(foreign.statusCode).toBe(404);
    const png = await uploadAssessmentPhoto(w, 'insurerX', x, jpegBytes('f'), 'image/png');
    expect(png.statusCode).toBe(415);
    expect(errorOf(png).code).toBe('unsupported_media_type');
    const gif = await uploadAssessmentPhoto(w, 'insurerX', x, jpegBytes('g'), 'image/gif');
    expect(errorOf(gif).code).toBe('invalid_upload_metadata');
    const big = await uploadAssessmentPhoto(w, 'insurerX', x, jpegBytes('h', 10 * 1024 * 1024 + 1));
    expect(big.statusCode).toBe(413);
    const stored = await w.fx.db.selectFrom('assessment_photos').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('refuses a photo not uploaded for this packet, naming the field (422)', async () => {
    const x = await packetId('insurerX');
    const y = await packetId('insurerY');
    const ofY = await uploaded('insurerY', y, 'i');
    const res = await assess('insurerX', x, [ofY]);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'unknown_photo', fields: [{ path: 'photos.0' }] });
    const unknown = await assess('insurerX', x, ['0'.repeat(64)]);
    expect(errorOf(unknown).code).toBe('unknown_photo');
    expect((await w.call('insurerX', { url: `/api/packets/${x}` })).json()).toMatchObject({
      claim: { state: 'delivered' },
    });
  });

  it('refuses more than 12 photos (422)', async () => {
    const id = await packetId('insurerX');
    const shas: string[] = [];
    for (let i = 0; i < 13; i++) shas.push(await uploaded('insurerX', id, `many-${i}`));
    const res = await assess('insurerX', id, shas);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'too_many_photos', fields: [{ path: 'photos' }] });
    expect((await assess('insurerX', id, shas.slice(0, 12))).statusCode).toBe(200);
  });
});
