/**
 * A case's timeline: the scene's steps and photos at the recorded place by
 * the recorded officer, the version received from the officer's phone, the
 * squad's return and approval, the packet delivered to the insurer and the
 * insurer's call-back by name, assessment and payout — oldest first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseTimeline } from '../../src/contracts/timeline';
import { insuredCase, type CaseFixture } from '../case-fixtures';
import { submitCase } from '../test-photos';
import { openTestWorld, type Actor, type TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;

beforeEach(async () => {
  w = await openTestWorld();
  c = insuredCase('timeline', 2);
  await submitCase(w, c);
});

afterEach(async () => {
  await w.close();
});

const at = (minutes: number) => new Date(Date.parse('2026-11-27T09:30:00.000Z') + minutes * 60_000);

async function call(actor: Actor, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await w.call(actor, { method, url, ...(payload && { payload }) });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

async function packetId(): Promise<string> {
  const res = await call('insurerX', 'GET', '/api/packets');
  return (res.json() as { packets: { id: string }[] }).packets[0]!.id;
}

describe('GET /api/cases/:id/timeline', () => {
  it('puts every event of the case on one line of time, with who and where', async () => {
    const actions = `/api/cases/${c.record.id}/actions`;
    w.clock.now = at(1);
    await call('reviewerA', 'POST', actions, { action: 'review' });
    const packet = await packetId();
    w.clock.now = at(20);
    await call('insurerX', 'POST', `/api/packets/${packet}/acknowledge`, { note: '已回访' });

    const res = await call('reviewerA', 'GET', `/api/cases/${c.record.id}/timeline`);
    const { events } = CaseTimeline.parse(res.json());

    const instants = events.map((e) => Date.parse(e.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(events[0]).toEqual({
      at: c.record.arrivedAt,
      kind: 'step',
      detail: 'arrived',
      ...(c.record.officer && { by: { name: c.record.officer.name, role: 'officer' } }),
      where: c.record.location.address,
    });
    expect(events.filter((e) => e.kind === 'photo').map((e) => e.detail)).toEqual(
      c.photos.map((p) => p.meta.slot),
    );
    const tail = events.filter((e) => !['step', 'photo'].includes(e.kind));
    expect(tail.map((e) => [e.kind, e.detail, e.by?.name, e.where])).toEqual([
      ['received', '1', 'officerA', expect.any(String)],
      ['review', 'reviewed', 'reviewerA', undefined],
      ['packet-delivered', '1', undefined, w.insurers.x.name],
      ['packet-delivered', '1', undefined, w.insurers.y.name],
      ['acknowledged', undefined, 'insurerX', w.insurers.x.name],
    ]);
  });

  it('is the case’s officer’s and the brigade’s reviewers’, no one else’s', async () => {
    const url = `/api/cases/${c.record.id}/timeline`;
    expect((await w.call('reviewerB', { url })).statusCode).toBe(404);
    expect((await w.call('insurerX', { url })).statusCode).toBe(403);
    expect((await w.call('admin', { url })).statusCode).toBe(403);
  });
});
