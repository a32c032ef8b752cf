import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/contracts/errors';
import { FieldPack } from '../../src/contracts/field-pack';
import { LenientList, STARTER_LENIENT_LIST, type LenientListBody } from '../../src/domain/lenient';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const body: LenientListBody = {
  region: { platePrefixes: ['川A', '川G'], licenceAreaCodes: ['5101'] },
  items: [
    {
      id: 'seat-belt',
      violation: { zh: '驾驶人未按规定使用安全带', en: 'Driver not wearing a seat belt' },
      basis: [{ law: '中华人民共和国道路交通安全法', article: '第51条' }],
      scenarios: [],
    },
  ],
};

const urlOf = (w: TestWorld) => `/api/admin/brigades/${w.units.patrolA.brigadeId}/lenient-list`;

const pack = async (actor: 'officerA' | 'officerB' | 'reviewerA') => {
  const res = await w.call(actor, { url: '/api/field-pack' });
  expect(res.statusCode).toBe(200);
  return FieldPack.parse(res.json());
};

describe('the warning-instead-of-a-fine list (首违警告)', () => {
  it('is the project’s starter, version 0 with no region, until the brigade saves its own', async () => {
    expect((await pack('officerA')).lenientList).toEqual(STARTER_LENIENT_LIST);
    const read = await w.call('admin', { url: urlOf(w) });
    expect(LenientList.parse(read.json())).toEqual(STARTER_LENIENT_LIST);
  });

  it('takes the admin’s list for one brigade only, version by version, audited', async () => {
    const first = await w.call('admin', { method: 'PUT', url: urlOf(w), payload: body });
    expect(first.statusCode).toBe(200);
    expect(LenientList.parse(first.json())).toMatchObject({ version: 1, ...body });
    const again = { ...body, region: { ...body.region, platePrefixes: ['川'] } };
    await w.call('admin', { method: 'PUT', url: urlOf(w), payload: again });

    expect((await pack('reviewerA')).lenientList).toMatchObject({ version: 2, ...again });
    expect((await pack('officerA')).lenientList?.version).toBe(2);
    expect((await pack('officerB')).lenientList?.version).toBe(0);

    const events = await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'brigade.lenient_list')
      .execute();
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.subject)).toEqual([
      w.units.patrolA.brigadeId,
      w.units.patrolA.brigadeId,
    ]);
    expect(JSON.parse(events[1]!.details)).toEqual({ version: 2, before: 1 });
  });

  it('names the field of what it refuses, and keeps what was saved', async () => {
    await w.call('admin', { method: 'PUT', url: urlOf(w), payload: body });
    const item = body.items[0]!;
    for (const [payload, field] of [
      [
        { ...body, region: { ...body.region, platePrefixes: ['A川'] } },
        'body.region.platePrefixes.0',
      ],
      [
        { ...body, region: { ...body.region, licenceAreaCodes: ['510'] } },
        'body.region.licenceAreaCodes.0',
      ],
      [
        { ...body, items: [{ ...item, violation: { zh: '  ', en: 'x' } }] },
        'body.items.0.violation.zh',
      ],
      [{ ...body, items: [{ ...item, basis: [] }] }, 'body.items.0.basis'],
      [{ ...body, items: [{ ...item, id: 'Seat Belt' }] }, 'body.items.0.id'],
      [{ ...body, items: [item, item] }, 'body.items'],
      [{ items: body.items }, 'body.region'],
    ] as const) {
      const res = await w.call('admin', { method: 'PUT', url: urlOf(w), payload });
      expect(res.statusCode, field).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual([field]);
    }
    expect((await pack('officerA')).lenientList).toMatchObject({ version: 1, ...body });
  });

  it('is the admin’s alone: officers, reviewers and insurers are refused; an unknown brigade is 404', async () => {
    for (const actor of ['officerA', 'reviewerA', 'insurerX'] as const) {
      const put = await w.call(actor, { method: 'PUT', url: urlOf(w), payload: body });
      expect(put.statusCode, actor).toBe(403);
      expect((await w.call(actor, { url: urlOf(w) })).statusCode, actor).toBe(403);
    }
    const none = await w.call('admin', {
      url: '/api/admin/brigades/0190a000-0000-7000-8000-000000000000/lenient-list',
    });
    expect(none.statusCode).toBe(404);
  });
});
