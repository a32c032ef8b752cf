import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseActionResponse } from '../../src/contracts/cases';
import { ChangesResponse } from '../../src/contracts/changes';
import { ErrorBody } from '../../src/contracts/errors';
import { insuredCase } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let caseId: string;

beforeEach(async () => {
  w = await openTestWorld();
  const c = insuredCase();
  caseId = c.record.id;
  const body = await signedCaseBody({
    record: c.record,
    photos: c.photos.map((p) => p.meta),
    deviceId: w.devices.officerA.id,
    key: w.devices.officerA.key,
  });
  expect(
    (await w.call('officerA', { method: 'PUT', url: `/api/cases/${caseId}`, payload: body }))
      .statusCode,
  ).toBe(200);
});

afterEach(async () => {
  await w.close();
});

const changes = async (actor: Actor, cursor?: string, limit?: number) => {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  const res = await w.call(actor, { url: `/api/changes?${query.toString()}` });
  expect(res.statusCode).toBe(200);
  return ChangesResponse.parse(res.json());
};

const act = (actor: Actor, action: string, extra: object = {}) =>
  w.call(actor, {
    method: 'POST',
    url: `/api/cases/${caseId}/actions`,
    payload: { action, ...extra },
  });

describe('GET /api/changes', () => {
  it('gives each device what others changed in its scope, after its cursor', async () => {
    expect((await changes('officerA')).changes).toEqual([]);
    const forReviewer = await changes('reviewerA');
    expect(forReviewer.changes.map((c) => [c.kind, c.state])).toEqual([['received', 'synced']]);

    const returned = await act('reviewerA', 'return', { note: 'Photograph the plate of B again' });
    expect(returned.statusCode).toBe(200);
    expect(CaseActionResponse.parse(returned.json())).toMatchObject({ caseId, state: 'returned' });

    const officerFeed = await changes('officerA');
    expect(officerFeed.changes).toEqual([
      {
        cursor: officerFeed.nextCursor,
        caseId,
        kind: 'returned',
        state: 'returned',
        at: w.clock.now.toISOString(),
        actor: { id: w.users.reviewerA.id, role: 'reviewer' },
        note: 'Photograph the plate of B again',
      },
    ]);
    expect((await changes('officerA', officerFeed.nextCursor)).changes).toEqual([]);
    expect((await changes('officerA2')).changes.map((c) => c.kind)).toEqual([
      'received',
      'returned',
    ]);
    expect((await changes('officerB')).changes).toEqual([]);
    expect((await changes('reviewerB')).changes).toEqual([]);
  });

  it('carries assessment and payout from the insurer to the officer, page by page', async () => {
    expect((await act('reviewerA', 'review')).statusCode).toBe(200);
    const reviewed = await changes('officerA');
    // The approval, and a packet delivered to each insurer.
    expect(reviewed.changes.map((c) => `${c.kind}:${c.claim?.insurerId ?? 'case'}`).sort()).toEqual(
      ['case', w.insurers.x.id, w.insurers.y.id].map((who) => `reviewed:${who}`).sort(),
    );
    expect((await act('insurerX', 'assess', { amountYuan: 3200 })).statusCode).toBe(200);
    expect((await act('insurerX', 'pay', { amountYuan: 3200 })).statusCode).toBe(200);

    const first = await changes('officerA', reviewed.nextCursor, 1);
    const second = await changes('officerA', first.nextCursor, 1);
    const third = await changes('officerA', second.nextCursor, 1);

    expect([first, second].map((p) => [p.changes.map((c) => c.kind), p.more])).toEqual([
      [['assessed'], true],
      [['paid'], false],
    ]);
    expect(third).toEqual({ changes: [], nextCursor: second.nextCursor, more: false });
  });

  it('refuses actions out of order or of another role', async () => {
    const outOfScope = await act('reviewerB', 'review');
    expect((await act('reviewerA', 'review')).statusCode).toBe(200);
    const early = await act('insurerX', 'pay', { amountYuan: 1 });
    const wrongRole = await act('insurerY', 'return', { note: 'x' });

    expect(early.statusCode).toBe(409);
    expect(ErrorBody.parse(early.json()).error).toMatchObject({
      code: 'invalid_transition',
      details: { state: 'delivered' },
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(ErrorBody.parse(wrongRole.json()).error).toMatchObject({
      code: 'forbidden_action',
      message: 'Only a reviewer may return a case.',
    });
    expect(outOfScope.statusCode).toBe(404);
    // Messages built from names read as English ("an insurer", not "a insurer").
    const byOfficer = await act('officerA', 'assess');
    expect(ErrorBody.parse(byOfficer.json()).error.message).toBe('An officer may not do this.');
    const byReviewer = await act('reviewerA', 'assess', { amountYuan: 1 });
    expect(ErrorBody.parse(byReviewer.json()).error.message).toBe(
      'Only an insurer may assess a case.',
    );
  });

  it('says, for the phone it names, whether it is enrolled or was revoked (issue 18)', async () => {
    const ask = async (actor: Actor, device: string) => {
      const res = await w.call(actor, { url: `/api/changes?device=${device}` });
      expect(res.statusCode).toBe(200);
      return ChangesResponse.parse(res.json());
    };
    const own = w.devices.officerA.id;
    expect((await changes('officerA')).device).toBeUndefined();
    expect((await ask('officerA', own)).device).toEqual({ status: 'active' });
    // Another officer's phone, or one never enrolled, is unknown to this user.
    expect((await ask('officerB', own)).device).toEqual({ status: 'unknown' });
    expect((await ask('officerA', '0190a000-0000-7000-8000-00000000dead')).device).toEqual({
      status: 'unknown',
    });

    const revoke = await w.call('officerA', { method: 'DELETE', url: `/api/devices/${own}` });
    expect(revoke.statusCode).toBe(200);
    const revokedAt = (revoke.json() as { revokedAt: string }).revokedAt;
    const answer = await ask('officerA', own);
    expect(answer.device).toEqual({ status: 'revoked', revokedAt });
    // The changes themselves come as before.
    expect(answer.nextCursor).toBe((await changes('officerA')).nextCursor);
    expect((await ask('officerA2', w.devices.officerA2.id)).device).toEqual({ status: 'active' });
  });

  it.each(['cursor=abc', 'cursor=-1', 'limit=0', 'limit=9999', 'device=phone-1'])(
    'refuses %s with the field named',
    async (query) => {
      const res = await w.call('officerA', { url: `/api/changes?${query}` });
      expect(res.statusCode).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields?.[0]?.path).toBe(
        `querystring.${query.split('=')[0]}`,
      );
    },
  );
});
