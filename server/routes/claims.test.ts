/**
 * Claims per insurer (issue 19, findings 2–4): an insurer reads and acts on a
 * case only through its own claim, made when a reviewer approves the case;
 * one insurer's steps, amounts and notes never reach another; a paid claim
 * holds the case until a reviewer reopens it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CaseActionResponse,
  CaseDetail,
  CaseList,
  CaseReceipt,
  InsurerCaseDetail,
} from '../../src/contracts/cases';
import type { CasePutRequest } from '../../src/contracts/cases';
import { ChangesResponse } from '../../src/contracts/changes';
import { ErrorBody } from '../../src/contracts/errors';
import { fullyPopulatedCase, insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import { uploadPhotos } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;
let v1: CasePutRequest & { manifestHash: string };

const put = (body: CasePutRequest) =>
  w.call('officerA', { method: 'PUT', url: `/api/cases/${c.record.id}`, payload: body });

async function submit(fixture: CaseFixture) {
  c = fixture;
  await uploadPhotos(w, 'officerA', c.photos);
  v1 = await signedCaseBody({
    record: c.record,
    photos: c.photos.map((p) => p.meta),
    deviceId: w.devices.officerA.id,
    key: w.devices.officerA.key,
  });
  expect((await put(v1)).statusCode).toBe(200);
}

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const act = (actor: Actor, action: string, extra: object = {}) =>
  w.call(actor, {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload: { action, ...extra },
  });

const actOk = async (actor: Actor, action: string, extra: object = {}) => {
  const res = await act(actor, action, extra);
  expect(res.statusCode, res.body).toBe(200);
  return CaseActionResponse.parse(res.json());
};

const read = (actor: Actor) => w.call(actor, { url: `/api/cases/${c.record.id}` });
const packetOf = async (actor: Actor) => InsurerCaseDetail.parse((await read(actor)).json());
const caseOf = async (actor: Actor) => CaseDetail.parse((await read(actor)).json());

const feed = async (actor: Actor) => {
  const res = await w.call(actor, { url: '/api/changes' });
  expect(res.statusCode).toBe(200);
  return ChangesResponse.parse(res.json()).changes;
};

const refusal = (res: { statusCode: number; json(): unknown }) => ({
  status: res.statusCode,
  code: ErrorBody.parse(res.json()).error.code,
});

const auditOf = async (action: string) =>
  (
    await w.fx.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', action)
      .execute()
  ).map((r) => JSON.parse(r.details) as Record<string, unknown>);

describe('an insurer sees a case only through a delivered packet', () => {
  beforeEach(async () => submit(insuredCase('gate')));

  it('sees and does nothing before a reviewer approves the case, then gets its claim', async () => {
    const before = {
      list: CaseList.parse((await w.call('insurerX', { url: '/api/cases' })).json()).cases,
      read: (await read('insurerX')).statusCode,
      assess: (await act('insurerX', 'assess', { amountYuan: 100 })).statusCode,
      feed: await feed('insurerX'),
    };
    expect(before).toEqual({ list: [], read: 404, assess: 404, feed: [] });

    await actOk('reviewerA', 'review');

    const list = CaseList.parse((await w.call('insurerX', { url: '/api/cases' })).json()).cases;
    expect(list.map((s) => [s.id, s.state, s.manifestVersion])).toEqual([
      [c.record.id, 'delivered', 1],
    ]);
    for (const [insurer, id] of [
      ['insurerX', w.insurers.x.id],
      ['insurerY', w.insurers.y.id],
    ] as const) {
      expect((await packetOf(insurer)).claim).toMatchObject({
        caseId: c.record.id,
        insurerId: id,
        state: 'delivered',
        packet: { manifestVersion: 1, manifestHash: v1.manifestHash },
        deliveredAt: w.clock.now.toISOString(),
      });
    }
  });
});

describe('each insurer has its own claim', () => {
  beforeEach(async () => {
    await submit(insuredCase('two-insurers'));
    await actOk('reviewerA', 'review', { note: '审核备注：内部' });
  });

  it('one insurer’s assessment and payout leave the other’s claim as it was', async () => {
    await actOk('insurerX', 'assess', { amountYuan: 3217.89, note: 'X 定损备注' });
    const paidX = await actOk('insurerX', 'pay', { amountYuan: 3200.5 });
    expect(paidX).toMatchObject({ state: 'paid', claim: { payout: { amountYuan: 3200.5 } } });

    const seenByY = await read('insurerY');
    expect(InsurerCaseDetail.parse(seenByY.json()).claim).toMatchObject({ state: 'delivered' });
    expect(seenByY.body).not.toMatch(/3217\.89|3200\.5|X 定损备注|assessment|payout/);
    expect((await caseOf('officerA')).summary.state).toBe('reviewed');

    expect((await actOk('insurerY', 'assess', { amountYuan: 1800 })).state).toBe('assessed');
    expect((await actOk('insurerY', 'pay', { amountYuan: 1800 })).state).toBe('paid');

    const police = await caseOf('reviewerA');
    expect(police.summary.state).toBe('paid');
    expect(
      police.claims?.map((k) => [
        k.insurerId,
        k.state,
        k.assessment?.amountYuan,
        k.payout?.amountYuan,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [w.insurers.x.id, 'paid', 3217.89, 3200.5],
        [w.insurers.y.id, 'paid', 1800, 1800],
      ]),
    );
  });

  it('an insurer’s feed holds only its own claim’s steps, with no police or other insurer’s notes', async () => {
    await actOk('insurerX', 'assess', { amountYuan: 3200, note: 'X 定损备注' });

    const forY = await feed('insurerY');
    expect(forY).toEqual([
      expect.objectContaining({
        kind: 'reviewed',
        state: 'delivered',
        claim: { insurerId: w.insurers.y.id, state: 'delivered' },
        actor: { id: w.users.reviewerA.id, role: 'reviewer' },
      }),
    ]);
    expect(forY[0]).not.toHaveProperty('note');
    expect(JSON.stringify(forY)).not.toContain(w.insurers.x.id);

    const forOfficer = await feed('officerA');
    expect(forOfficer.at(-1)).toMatchObject({
      kind: 'assessed',
      state: 'reviewed',
      note: 'X 定损备注',
      claim: { insurerId: w.insurers.x.id, state: 'assessed' },
    });
    expect(forOfficer.find((e) => e.kind === 'reviewed' && !e.claim)?.note).toBe('审核备注：内部');
  });

  it('insurer Y’s actions never touch insurer X’s claim', async () => {
    await actOk('insurerY', 'assess', { amountYuan: 10 });
    await actOk('insurerY', 'pay', { amountYuan: 10 });

    expect((await packetOf('insurerX')).claim).toMatchObject({ state: 'delivered' });
    expect((await packetOf('insurerX')).claim).not.toHaveProperty('assessment');
    expect((await actOk('insurerX', 'assess', { amountYuan: 20 })).state).toBe('assessed');
  });
});

describe('after a payment', () => {
  beforeEach(async () => {
    await submit(insuredCase('paid'));
    await actOk('reviewerA', 'review');
    await actOk('insurerX', 'assess', { amountYuan: 3200 });
    await actOk('insurerX', 'pay', { amountYuan: 3200 });
  });

  const v2 = async () =>
    signedCaseBody({
      record: { ...c.record, notes: '补拍了一张照片' },
      photos: c.photos.map((p) => p.meta),
      deviceId: w.devices.officerA.id,
      key: w.devices.officerA.key,
      version: 2,
      previousManifestHash: v1.manifestHash,
    });

  it('refuses a second assessment or payout of the same packet', async () => {
    expect(refusal(await act('insurerX', 'assess', { amountYuan: 1 }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    });
    expect(refusal(await act('insurerX', 'pay', { amountYuan: 1 }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    });
  });

  it('refuses a new version until a reviewer reopens the case with a reason; nothing is reset', async () => {
    const body = await v2();
    expect(refusal(await put(body))).toEqual({ status: 409, code: 'reopen_required' });
    expect(await auditOf('case.refused')).toContainEqual(
      expect.objectContaining({ reason: 'reopen_required', version: 2 }),
    );
    expect(refusal(await act('reviewerA', 'return', { note: 'x' }))).toEqual({
      status: 409,
      code: 'reopen_required',
    });
    const noReason = await act('reviewerA', 'reopen', { note: '  ' });
    expect(refusal(noReason)).toEqual({ status: 400, code: 'validation_failed' });
    expect(ErrorBody.parse(noReason.json()).error.fields?.[0]?.path).toBe('body.note');

    expect((await actOk('reviewerA', 'reopen', { note: '补充事故照片' })).state).toBe('returned');
    expect(await auditOf('case.reopened')).toEqual([
      expect.objectContaining({ reason: '补充事故照片' }),
    ]);
    expect(CaseReceipt.parse((await put(body)).json()).manifestVersion).toBe(2);

    // The insurer still holds its paid packet of version 1 until the new one is approved.
    expect((await packetOf('insurerX')).claim).toMatchObject({
      state: 'paid',
      packet: { manifestVersion: 1 },
      payout: { amountYuan: 3200 },
    });
    expect((await packetOf('insurerX')).case.vehicles).toHaveLength(2);

    await actOk('reviewerA', 'review');
    expect((await packetOf('insurerX')).claim).toMatchObject({
      state: 'delivered',
      packet: { manifestVersion: 2, manifestHash: body.manifestHash },
    });
    await actOk('insurerX', 'assess', { amountYuan: 100 });
    expect((await actOk('insurerX', 'pay', { amountYuan: 100 })).state).toBe('paid');
    const history = (await caseOf('reviewerA')).claims?.filter(
      (k) => k.insurerId === w.insurers.x.id,
    );
    expect(history?.map((k) => [k.packet.manifestVersion, k.state, k.payout?.amountYuan])).toEqual([
      [1, 'paid', 3200],
      [2, 'paid', 100],
    ]);
  });
});

describe('an insurer’s packet is the allow-listed view of the approved version', () => {
  it('carries no signature image, note, reason, other party’s identity or other insurer’s policy', async () => {
    const populated = fullyPopulatedCase(w.users.officerA.id);
    await submit(populated);
    await actOk('reviewerA', 'review');

    const res = await read('insurerX');

    const packet = InsurerCaseDetail.parse(res.json());
    expect(packet.redacted).toBe(true);
    expect(packet.case.parties.map((p) => p.name)).toEqual(['张三']);
    for (const secret of populated.secrets) expect(res.body, secret).not.toContain(secret);
  });
});
