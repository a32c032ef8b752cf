import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrigadeSettings } from '../../src/contracts/admin';
import { ErrorBody } from '../../src/contracts/errors';
import { FieldPack } from '../../src/contracts/field-pack';
import {
  FootageRequest,
  FootageRequestList,
  VideoUnit,
  VideoUnitList,
} from '../../src/contracts/video';
import { insuredCase } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import { createSession } from '../auth/sessions';
import { ACTORS, openTestWorld, type Actor, type TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

/** The accident's place and time in insuredCase: arrived 2026-11-27 02:00 UTC; the clock reads 09:30. */
const PLACE = { latitude: 30.6586, longitude: 104.0648 };
const unitsUrl = (brigade = w.units.patrolA.brigadeId) =>
  `/api/admin/brigades/${brigade}/video-units`;
const unit = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `路口 ${code}`,
  ...PLACE,
  facing: 'NE',
  retentionDays: 30,
  ...over,
});

async function register(code: string, over: Record<string, unknown> = {}, brigade?: string) {
  const res = await w.call('admin', {
    method: 'POST',
    url: unitsUrl(brigade),
    payload: unit(code, over),
  });
  expect(res.statusCode, res.body).toBe(201);
  return VideoUnit.parse(res.json());
}

async function officerACase(): Promise<string> {
  const { record } = insuredCase('video', 0);
  const body = await signedCaseBody({
    record: {
      ...record,
      location: { ...record.location, point: { ...PLACE, source: 'gps', at: record.arrivedAt } },
    },
    photos: [],
    deviceId: w.devices.officerA.id,
    key: w.devices.officerA.key,
  });
  const res = await w.call('officerA', {
    method: 'PUT',
    url: `/api/cases/${record.id}`,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return record.id;
}

/** Moves the clock on, with fresh sessions (a session lasts 12 hours). */
async function later(iso: string) {
  w.clock.now = new Date(iso);
  for (const actor of ACTORS)
    w.users[actor].token = (await createSession(w.fx.db, w.users[actor].id, w.clock.now)).token;
}

const fields = (body: string) => ErrorBody.parse(JSON.parse(body)).error.fields?.map((f) => f.path);
const audits = (action: string) =>
  w.fx.db
    .selectFrom('audit_events')
    .select(['subject', 'actor'])
    .where('action', '=', action)
    .execute();

describe('a brigade’s video units', () => {
  it('are registered, listed by code, changed and taken out of use by the admin, each change audited', async () => {
    const b = await register('B-02', { retentionDays: 7 });
    const a = await register('A-01');
    const other = await register('A-01', {}, w.units.patrolB.brigadeId);
    expect(a).toMatchObject({
      code: 'A-01',
      ...PLACE,
      facing: 'NE',
      retentionDays: 30,
      active: true,
    });

    const list = VideoUnitList.parse((await w.call('admin', { url: unitsUrl() })).json());
    expect(list.videoUnits.map((u) => u.code)).toEqual(['A-01', 'B-02']);

    const change = { ...unit('B-02'), name: '新名', latitude: 30.123456, active: false };
    const res = await w.call('admin', {
      method: 'PUT',
      url: `${unitsUrl()}/${b.id}`,
      payload: change,
    });
    expect(VideoUnit.parse(res.json())).toMatchObject({
      name: '新名',
      latitude: 30.123456,
      active: false,
    });
    const elsewhere = await w.call('admin', {
      method: 'PUT',
      url: `${unitsUrl()}/${other.id}`,
      payload: change,
    });
    expect(elsewhere.statusCode).toBe(404);

    expect((await audits('video_unit.created')).map((e) => e.subject)).toEqual([
      b.id,
      a.id,
      other.id,
    ]);
    expect(await audits('video_unit.changed')).toEqual([
      { subject: b.id, actor: w.users.admin.id },
    ]);
  });

  it('refuses a taken code and bad fields, naming each field; answers 404 for an unknown brigade', async () => {
    const a = await register('A-01');
    await register('A-02');
    const taken = await w.call('admin', { method: 'POST', url: unitsUrl(), payload: unit('A-01') });
    expect([taken.statusCode, fields(taken.body)]).toEqual([409, ['body.code']]);
    const renamed = await w.call('admin', {
      method: 'PUT',
      url: `${unitsUrl()}/${a.id}`,
      payload: { ...unit('A-02'), active: true },
    });
    expect(renamed.statusCode).toBe(409);
    for (const [over, field] of [
      [{ code: '路口 1' }, 'body.code'],
      [{ name: '  ' }, 'body.name'],
      [{ latitude: 91 }, 'body.latitude'],
      [{ longitude: '104' }, 'body.longitude'],
      [{ facing: 'UP' }, 'body.facing'],
      [{ retentionDays: 0 }, 'body.retentionDays'],
      [{ retentionDays: 2.5 }, 'body.retentionDays'],
    ] as const) {
      const res = await w.call('admin', {
        method: 'POST',
        url: unitsUrl(),
        payload: unit('C-1', over),
      });
      expect([res.statusCode, fields(res.body)], field).toEqual([400, [field]]);
    }
    const none = await w.call('admin', { url: unitsUrl('0190a000-0000-7000-8000-000000000000') });
    expect(none.statusCode).toBe(404);
  });

  it('reach the brigade’s phones in the field pack: only those in use, with the brigade’s radius', async () => {
    const a = await register('A-01');
    const b = await register('A-02');
    await register('B-01', {}, w.units.patrolB.brigadeId);
    await w.call('admin', {
      method: 'PUT',
      url: `${unitsUrl()}/${b.id}`,
      payload: { ...unit('A-02'), active: false },
    });
    const before = FieldPack.parse((await w.call('officerA', { url: '/api/field-pack' })).json());
    expect([before.videoUnits?.map((u) => u.id), before.videoRadiusM]).toEqual([[a.id], 2000]);

    const set = await w.call('admin', {
      method: 'PATCH',
      url: `/api/admin/brigades/${w.units.patrolA.brigadeId}`,
      payload: { videoRadiusM: 3500 },
    });
    expect(BrigadeSettings.parse(set.json()).videoRadiusM).toBe(3500);
    const bad = await w.call('admin', {
      method: 'PATCH',
      url: `/api/admin/brigades/${w.units.patrolA.brigadeId}`,
      payload: { videoRadiusM: 50 },
    });
    expect(fields(bad.body)).toEqual(['body.videoRadiusM']);
    expect(
      FieldPack.parse((await w.call('reviewerA', { url: '/api/field-pack' })).json()).videoRadiusM,
    ).toBe(3500);
  });
});

describe('a case’s footage requests', () => {
  const window = { from: '2026-11-27T01:45:00.000Z', to: '2026-11-27T02:15:00.000Z' };
  const ask = (actor: Actor, caseId: string, payload: object) =>
    w.call(actor, { method: 'POST', url: `/api/cases/${caseId}/footage-requests`, payload });

  it('are made by the case’s officer or a reviewer of its brigade, answered by the reviewer, audited', async () => {
    const id = await officerACase();
    const u = await register('A-01');
    const mine = await ask('officerA', id, { unitId: u.id, ...window, note: '看追尾经过' });
    expect(mine.statusCode, mine.body).toBe(201);
    const made = FootageRequest.parse(mine.json());
    expect(made).toMatchObject({
      status: 'requested',
      standing: 'requested',
      expiresAt: '2026-12-27T02:00:00.000Z',
    });
    expect((await ask('reviewerA', id, { unitId: u.id, ...window })).statusCode).toBe(201);
    expect((await ask('officerA2', id, { unitId: u.id, ...window })).json()).toMatchObject({
      error: { code: 'not_case_officer' },
    });
    for (const actor of ['officerB', 'reviewerB'] as const)
      expect((await ask(actor, id, { unitId: u.id, ...window })).statusCode).toBe(404);

    const url = `/api/cases/${id}/footage-requests/${made.id}`;
    const retrieved = { status: 'retrieved', reference: 'NVR-03/2026-11-27/0145.mp4' };
    expect((await w.call('officerA', { method: 'POST', url, payload: retrieved })).statusCode).toBe(
      403,
    );
    const answer = await w.call('reviewerA', { method: 'POST', url, payload: retrieved });
    expect(FootageRequest.parse(answer.json())).toMatchObject({
      standing: 'retrieved',
      reference: retrieved.reference,
      resolvedBy: { id: w.users.reviewerA.id },
    });
    const again = await w.call('reviewerA', {
      method: 'POST',
      url,
      payload: { status: 'unavailable', note: '坏了' },
    });
    expect(again.json()).toMatchObject({ error: { code: 'already_resolved' } });

    const list = FootageRequestList.parse(
      (await w.call('officerA2', { url: `/api/cases/${id}/footage-requests` })).json(),
    );
    expect(list.requests.map((r) => r.standing).sort()).toEqual(['requested', 'retrieved']);
    expect((await audits('footage.requested')).map((e) => e.subject)).toEqual([id, id]);
    expect(await audits('footage.retrieved')).toEqual([
      { subject: id, actor: w.users.reviewerA.id },
    ]);
  });

  it('refuses footage the unit no longer holds, a bad window and a unit not in use, naming the field', async () => {
    const id = await officerACase();
    const short = await register('A-01', { retentionDays: 1 });
    const off = await register('A-02');
    await w.call('admin', {
      method: 'PUT',
      url: `${unitsUrl()}/${off.id}`,
      payload: { ...unit('A-02'), active: false },
    });
    const elsewhere = await register('B-01', {}, w.units.patrolB.brigadeId);
    await later('2026-11-28T02:00:00.000Z');
    for (const [payload, code, field] of [
      [{ unitId: short.id, ...window }, 'retention_passed', 'body.from'],
      [{ unitId: off.id, ...window }, 'unit_unavailable', 'body.unitId'],
      [{ unitId: elsewhere.id, ...window }, 'unit_unavailable', 'body.unitId'],
    ] as const) {
      const res = await ask('officerA', id, payload);
      expect(res.json(), code).toMatchObject({ error: { code } });
      if (field) expect(fields(res.body)).toEqual([field]);
    }
    const sunk = await ask('officerA', id, { unitId: 'x', from: 'yesterday', to: window.to });
    expect(fields(sunk.body)).toEqual(['body.unitId', 'body.from']);
    const order = await ask('reviewerA', id, {
      unitId: (await register('A-03')).id,
      from: window.to,
      to: window.from,
    });
    expect([order.statusCode, fields(order.body)]).toEqual([422, ['body.to']]);
  });

  it('read as expired once unanswered past the accident time plus the unit’s retention; unavailable needs a reason', async () => {
    const id = await officerACase();
    const u = await register('A-01', { retentionDays: 2 });
    const made = FootageRequest.parse(
      (await ask('officerA', id, { unitId: u.id, ...window })).json(),
    );
    await later('2026-11-29T02:00:00.000Z');
    const list = FootageRequestList.parse(
      (await w.call('reviewerA', { url: `/api/cases/${id}/footage-requests` })).json(),
    );
    expect(list.requests.map((r) => [r.status, r.standing])).toEqual([['requested', 'expired']]);
    const url = `/api/cases/${id}/footage-requests/${made.id}`;
    const blank = await w.call('reviewerA', {
      method: 'POST',
      url,
      payload: { status: 'unavailable', note: ' ' },
    });
    expect(fields(blank.body)).toEqual(['body.note']);
    const gone = await w.call('reviewerA', {
      method: 'POST',
      url,
      payload: { status: 'unavailable', note: '已覆盖' },
    });
    expect(FootageRequest.parse(gone.json())).toMatchObject({
      standing: 'unavailable',
      resolution: '已覆盖',
    });
  });
});
