/**
 * A rural station's case: the station's phone sends it handed over, without
 * a determination (one carrying liability is refused); the brigade's officers
 * list it; one confirms or corrects it and determines liability with its
 * legal basis, and the timeline says who did what. The station's side of the
 * officer's determination (its pull, the parties' signatures, the packets) is
 * in station-determination.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrigadeOfficers, HandedOverList, StationConfirmation } from '../../src/contracts/station';
import { CaseTimeline } from '../../src/contracts/timeline';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { CONFIRM, putFirstVersion, sentStationCase, stationRecord } from '../route-matrix-station';
import { openTestWorld, type Actor, type TestWorld } from '../test-world';

let w: TestWorld;

beforeAll(async () => {
  w = await openTestWorld();
});

afterAll(async () => {
  await w.close();
});

const confirm = (actor: Actor, id: string, payload: object = CONFIRM) =>
  w.call(actor, { method: 'POST', url: `/api/cases/${id}/confirm`, payload });

const waiting = async (actor: Actor) =>
  HandedOverList.parse((await w.call(actor, { url: '/api/station/handovers' })).json()).items;

describe('a station sends its case', () => {
  it('handed over, without a determination', async () => {
    const id = await sentStationCase(w);
    const mine = await w.call('stationA', { url: `/api/cases/${id}` });
    expect(mine.statusCode).toBe(200);
  });

  it.each<[string, Partial<CaseRecord>]>([
    ['a proposed determination', { state: 'liability-proposed' }],
    ['a signed determination', { state: 'signed' }],
  ])('is refused with %s, in words, and the refusal is audited', async (_, patch) => {
    const record = { ...stationRecord(w), ...patch };
    const res = await putFirstVersion(w, 'stationA', record);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { code: 'station_cannot_determine', message: expect.stringMatching(/officer/) },
    });
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select('details')
      .where('subject', '=', record.id)
      .where('action', '=', 'case.refused')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details) as { reason: string })).toEqual([
      expect.objectContaining({ reason: 'station_cannot_determine' }),
    ]);
  });
});

describe('an officer confirms it remotely', () => {
  it('lists it for the brigade’s officers only, with the station’s note', async () => {
    const id = await sentStationCase(w, stationRecord(w, '请民警核对B车号牌'));
    const item = (await waiting('officerA')).find((i) => i.caseId === id);
    expect(item).toMatchObject({
      unitName: 'Station A',
      handover: { by: { name: 'stationA' }, note: '请民警核对B车号牌', to: null },
      vehicles: [
        { label: 'A', plate: '川A12340' },
        { label: 'B', plate: '川A12341' },
      ],
      parties: [
        { vehicleLabel: 'A', name: '张三' },
        { vehicleLabel: 'B', name: '李四' },
      ],
      manifestVersion: 1,
    });
    expect((await waiting('officerB')).map((i) => i.caseId)).not.toContain(id);
  });

  it.each<[string, object, number, string, string | undefined]>([
    [
      'a liability naming other vehicles',
      { ...CONFIRM, liability: { A: 'full' } },
      422,
      'invalid_determination',
      'body.liability',
    ],
    [
      'a correction that does not say what',
      { ...CONFIRM, decision: 'correct', note: ' ' },
      400,
      'validation_failed',
      'body.note',
    ],
    ['no reason', { ...CONFIRM, reason: '' }, 400, 'validation_failed', 'body.reason'],
    ['no law and article', { ...CONFIRM, basis: [] }, 400, 'validation_failed', 'body.basis'],
    [
      'an article left blank',
      { ...CONFIRM, basis: [{ law: '《道路交通安全法》', article: 42 }] },
      400,
      'validation_failed',
      'body.basis.0.article',
    ],
  ])('refuses %s, naming the field', async (_, payload, status, code, field) => {
    const id = await sentStationCase(w);
    const res = await confirm('officerA', id, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
    if (field) expect(JSON.stringify(res.json())).toContain(field);
    expect((await waiting('officerA')).map((i) => i.caseId)).toContain(id);
  });

  it('confirms it once; the case stays with the station, whose parties sign it there', async () => {
    const id = await sentStationCase(w);
    const corrected = { ...CONFIRM, decision: 'correct', note: 'B 车号牌应为川A12342' };
    const res = await confirm('officerA2', id, corrected);
    expect(res.statusCode, res.body).toBe(200);
    expect(StationConfirmation.parse(res.json())).toMatchObject({
      caseId: id,
      by: { id: w.users.officerA2.id, name: 'officerA2', role: 'officer' },
      decision: 'correct',
      note: 'B 车号牌应为川A12342',
      liability: { A: 'full', B: 'none' },
      basis: CONFIRM.basis,
      manifestVersion: 1,
    });
    expect((await w.call('stationA', { url: `/api/cases/${id}` })).statusCode).toBe(200);
    expect((await waiting('officerA')).map((i) => i.caseId)).not.toContain(id);

    const again = await confirm('officerA', id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'not_awaiting_officer' } });
    expect((await confirm('officerB', id)).statusCode).toBe(404);
  });

  it('refuses an officer’s own case: nothing was handed over', async () => {
    const officerCase = stationRecord(w);
    const { handover: _, ...record } = officerCase;
    const put = await putFirstVersion(w, 'officerA', {
      ...record,
      officer: { id: w.users.officerA.id, name: 'officerA' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await confirm('officerA2', record.id);
    expect(res.json()).toMatchObject({ error: { code: 'not_awaiting_officer' } });
  });

  it('the timeline says who did what: the station captured and handed over, the officer confirmed', async () => {
    const id = await sentStationCase(w);
    expect((await confirm('officerA', id)).statusCode).toBe(200);
    const res = await w.call('reviewerA', { url: `/api/cases/${id}/timeline` });
    const events = CaseTimeline.parse(res.json()).events;
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'step',
          detail: 'arrived',
          by: { name: 'stationA', role: 'station' },
        }),
        expect.objectContaining({
          kind: 'step',
          detail: 'station-handover',
          by: { name: 'stationA', role: 'station' },
        }),
        expect.objectContaining({ kind: 'received', by: { name: 'stationA', role: 'station' } }),
        expect.objectContaining({
          kind: 'review',
          detail: 'station-confirm',
          by: { name: 'officerA', role: 'officer' },
        }),
      ]),
    );
  });

  it('from the review workspace: the accident squad’s reviewer lists and confirms it too', async () => {
    const id = await sentStationCase(w);
    expect((await waiting('reviewerA')).map((i) => i.caseId)).toContain(id);
    expect((await waiting('reviewerB')).map((i) => i.caseId)).not.toContain(id);
    expect((await confirm('reviewerB', id)).statusCode).toBe(404);
    const res = await confirm('reviewerA', id);
    expect(res.statusCode, res.body).toBe(200);
    expect(StationConfirmation.parse(res.json()).by).toEqual({
      id: w.users.reviewerA.id,
      name: 'reviewerA',
      role: 'reviewer',
    });
    const timeline = await w.call('reviewerA', { url: `/api/cases/${id}/timeline` });
    expect(CaseTimeline.parse(timeline.json()).events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'review',
          detail: 'station-confirm',
          by: { name: 'reviewerA', role: 'reviewer' },
        }),
      ]),
    );
    expect((await waiting('officerA')).map((i) => i.caseId)).not.toContain(id);
  });
});

describe('the station names an officer at hand-over', () => {
  it('lists the active officers of its brigade only, by unit and name', async () => {
    const res = await w.call('stationA', { url: '/api/station/officers' });
    expect(res.statusCode).toBe(200);
    const { officers } = BrigadeOfficers.parse(res.json());
    const ids = officers.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([w.users.officerA.id, w.users.officerA2.id]));
    for (const other of [w.users.officerB.id, w.users.reviewerA.id, w.users.stationA.id])
      expect(ids).not.toContain(other);
    expect(officers.find((o) => o.id === w.users.officerA2.id)).toMatchObject({
      name: 'officerA2',
      unitName: expect.any(String),
    });
  });

  it.each<[string, () => string, boolean]>([
    ['an officer of the brigade: his name on the list', () => w.users.officerA2.id, true],
    ['an officer of another brigade: any officer', () => w.users.officerB.id, false],
  ])('names %s', async (_, to, named) => {
    const record = stationRecord(w);
    const id = await sentStationCase(w, { ...record, handover: { ...record.handover!, to: to() } });
    const item = (await waiting('officerA2')).find((i) => i.caseId === id);
    expect(item?.meantFor).toEqual(named ? { id: to(), name: 'officerA2' } : null);
  });
});
