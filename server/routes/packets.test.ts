/**
 * The insurer's packets (issue 12): built when a reviewer approves the case,
 * one per insurer; the call-back clock; acknowledge, assessment and payout on
 * its own packet only, each seen by the officer in the changes feed; signed
 * photo links bound to the packet and expiring; a packet replaced by a later
 * one is withdrawn.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse } from '../../src/contracts/changes';
import { Claim } from '../../src/contracts/claims';
import { ErrorBody } from '../../src/contracts/errors';
import { ClaimPacket, PacketList } from '../../src/contracts/packets';
import { insuredCase } from '../case-fixtures';
import { caseFiveFastColumns } from '../dashboard/five-fast-columns';
import type { CaseFixture } from '../case-fixtures';
import { makePhoto, signedCaseBody } from '../test-device';
import { tamperSig, uploadPhotos } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;

beforeEach(async () => {
  w = await openTestWorld();
  const fixture = insuredCase('packets', 0);
  const id = fixture.record.id;
  const plateSlot = `vehicle:${fixture.record.vehicles[0]!.id}:plate`;
  // Shots an insurer may see: the scene and its insured vehicle's plate.
  c = {
    ...fixture,
    photos: [makePhoto(id, `p-${id}-1`, 'scene-behind'), makePhoto(id, `p-${id}-2`, plateSlot)],
  };
  await uploadPhotos(w, 'officerA', c.photos);
  const v1 = await signedCaseBody({
    record: c.record,
    photos: c.photos.map((p) => p.meta),
    deviceId: w.devices.officerA.id,
    key: w.devices.officerA.key,
  });
  const put = await w.call('officerA', {
    method: 'PUT',
    url: `/api/cases/${c.record.id}`,
    payload: v1,
  });
  expect(put.statusCode).toBe(200);
  const review = await w.call('reviewerA', {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload: { action: 'review' },
  });
  expect(review.statusCode).toBe(200);
});

afterEach(async () => {
  await w.close();
});

const list = async (actor: Actor, query = '') => {
  const res = await w.call(actor, { url: `/api/packets${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return PacketList.parse(res.json());
};

const packetOf = async (actor: Actor) => {
  const [summary] = (await list(actor)).packets;
  if (!summary) throw new Error(`${actor} has no packet`);
  const res = await w.call(actor, { url: `/api/packets/${summary.id}` });
  expect(res.statusCode, res.body).toBe(200);
  return ClaimPacket.parse(res.json());
};

const post = (actor: Actor, id: string, path: string, payload: object) =>
  w.call(actor, { method: 'POST', url: `/api/packets/${id}/${path}`, payload });

const code = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error.code;

const vehicleA = () => c.record.vehicles[0]!.id;

describe('a packet per insurer', () => {
  it('holds the view, the manifest chain, signed photo links and the call-back due time', async () => {
    const packet = await packetOf('insurerX');
    expect(packet.insurer.id).toBe(w.insurers.x.id);
    expect(packet.case.id).toBe(c.record.id);
    expect(packet.manifest.chain.map((l) => l.version)).toEqual([1]);
    expect(packet.manifest.chain[0]!.manifestHash).toBe(packet.manifest.hash);
    expect(packet.photos.map((p) => p.sha256).sort()).toEqual(
      c.photos.map((p) => p.meta.sha256).sort(),
    );
    const due = Date.parse(packet.claim.deliveredAt) + 10 * 60_000;
    expect(Date.parse(packet.callbackDueAt)).toBe(due);
    const photo = await w.app.inject({ url: packet.photos[0]!.download.url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
  });

  it('is another insurer’s 404: the packet, its actions and its photo links bound to it', async () => {
    const x = await packetOf('insurerX');
    const y = await packetOf('insurerY');
    expect(x.id).not.toBe(y.id);
    expect((await w.call('insurerY', { url: `/api/packets/${x.id}` })).statusCode).toBe(404);
    expect((await post('insurerY', x.id, 'acknowledge', {})).statusCode).toBe(404);
    // X's link, its signature moved onto Y's packet: not a key to anything.
    const link = new URL(x.photos[0]!.download.url, 'http://h');
    const moved = `/api/packets/${y.id}/photos/${x.photos[0]!.sha256}${link.search}`;
    expect((await w.app.inject({ url: moved })).statusCode).toBe(404);
    const tampered = tamperSig(x.photos[0]!.download.url);
    expect((await w.app.inject({ url: tampered })).statusCode).toBe(404);
  });

  it('has photo links that expire', async () => {
    const packet = await packetOf('insurerX');
    w.clock.now = new Date(Date.parse(packet.photos[0]!.download.expiresAt) + 1000);
    expect((await w.app.inject({ url: packet.photos[0]!.download.url })).statusCode).toBe(404);
  });
});

describe('the call-back clock', () => {
  it('shows a packet not acknowledged in time as overdue, and acknowledging stops it', async () => {
    expect(await list('insurerX')).toMatchObject({ overdue: 0, counts: { new: 1 } });
    w.clock.now = new Date(w.clock.now.getTime() + 11 * 60_000);
    const late = await list('insurerX', '?overdue=1');
    expect(late.overdue).toBe(1);
    expect(late.packets.map((p) => p.overdue)).toEqual([true]);
    const id = late.packets[0]!.id;
    const ack = await post('insurerX', id, 'acknowledge', { note: '已电话回访' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(Claim.parse(ack.json()).acknowledgedAt).toBe(w.clock.now.toISOString());
    expect(await list('insurerX')).toMatchObject({
      overdue: 0,
      counts: { new: 0, acknowledged: 1 },
    });
    expect(code(await post('insurerX', id, 'acknowledge', {}))).toBe('invalid_transition');
  });
});

describe('assessment and payout', () => {
  it('records them on the own packet, answers a retry alike, and the officer sees each step', async () => {
    const { id } = await packetOf('insurerX');
    const requestId = crypto.randomUUID();
    const body = {
      requestId,
      vehicles: [{ vehicleId: vehicleA(), amountYuan: 3217.5 }],
      assessor: '王定损',
    };
    const first = await post('insurerX', id, 'assessment', body);
    expect(first.statusCode, first.body).toBe(200);
    expect((await post('insurerX', id, 'assessment', body)).json()).toEqual(first.json());
    const assessed = Claim.parse(first.json());
    expect(assessed).toMatchObject({
      state: 'assessed',
      acknowledgedAt: w.clock.now.toISOString(),
      assessment: { amountYuan: 3217.5, assessor: '王定损', vehicles: body.vehicles },
    });
    const paid = await post('insurerX', id, 'payout', {
      amountYuan: 3200,
      paidOn: '2026-11-28',
      reference: 'PAY-0001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(Claim.parse(paid.json()).payout).toMatchObject({
      amountYuan: 3200,
      paidOn: '2026-11-28',
      reference: 'PAY-0001',
    });

    const feed = async (actor: Actor) =>
      ChangesResponse.parse((await w.call(actor, { url: '/api/changes' })).json()).changes;
    const kinds = (await feed('officerA')).map((ch) => ch.kind);
    expect(kinds).toEqual(expect.arrayContaining(['acknowledged', 'assessed', 'paid']));
    expect((await feed('insurerY')).map((ch) => ch.kind)).not.toContain('acknowledged');
  });

  it('keeps the dashboard’s five-fast columns: the case’s at ingest, each step’s seconds on the claim', async () => {
    const db = w.fx.db;
    const caseRow = await db
      .selectFrom('cases')
      .select(['ff_evidence_s', 'ff_clearance_s', 'ff_liability_s', 'ff_week'])
      .where('id', '=', c.record.id)
      .executeTakeFirstOrThrow();
    expect(caseRow).toEqual(caseFiveFastColumns(c.record));
    const { id } = await packetOf('insurerX');
    const tick = (s: number) => (w.clock.now = new Date(w.clock.now.getTime() + s * 1000));
    tick(600);
    expect((await post('insurerX', id, 'acknowledge', {})).statusCode).toBe(200);
    tick(3000);
    const vehicles = [{ vehicleId: vehicleA(), amountYuan: 100 }];
    expect(
      (await post('insurerX', id, 'assessment', { vehicles, assessor: '王定损' })).statusCode,
    ).toBe(200);
    tick(21_600);
    const payout = { amountYuan: 100, paidOn: '2026-11-28', reference: 'PAY-0002' };
    expect((await post('insurerX', id, 'payout', payout)).statusCode).toBe(200);
    const claim = await db
      .selectFrom('claims')
      .select(['ff_callback_s', 'ff_assessment_s', 'ff_payout_s'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ ff_callback_s: 600, ff_assessment_s: 3600, ff_payout_s: 21_600 });
  });

  it('refuses a vehicle the insurer does not cover, naming the field', async () => {
    const { id } = await packetOf('insurerX');
    const res = await post('insurerX', id, 'assessment', {
      vehicles: [{ vehicleId: c.record.vehicles[1]!.id, amountYuan: 1 }],
      assessor: 'X',
    });
    expect(res.statusCode).toBe(422);
    expect(ErrorBody.parse(res.json()).error).toMatchObject({ code: 'unknown_vehicle' });
    const missing = await post('insurerX', id, 'payout', { amountYuan: 1, paidOn: 'soon' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toMatch(/paidOn|reference/);
  });
});
