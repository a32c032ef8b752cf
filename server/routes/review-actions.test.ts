/**
 * The accident squad's actions on a case: a retry with the same requestId is
 * answered once, two reviewers acting on the case as they saw it meet in one
 * winner and one review_conflict, a take-over reaches the officer's phone,
 * and a return tells the officer item by item what is missing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseActionResponse, CaseDetail } from '../../src/contracts/cases';
import type { CasePutRequest } from '../../src/contracts/cases';
import { ChangesResponse } from '../../src/contracts/changes';
import { ErrorBody } from '../../src/contracts/errors';
import { QueueResponse, ReviewConflict } from '../../src/contracts/review';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { sendNextVersion, submitCase } from '../test-photos';
import { auditDetails, rowCount } from '../test-support';
import { createUser } from '../auth/accounts';
import { createSession } from '../auth/sessions';
import { CHEAP_SCRYPT, TEST_PASSWORD, openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;
let v1: CasePutRequest & { manifestHash: string };
/** A second reviewer of brigade A. */
let colleague: { id: string; token: string };

beforeEach(async () => {
  w = await openTestWorld();
  c = insuredCase('review-actions', 1);
  v1 = await submitCase(w, c);
  const user = await createUser(
    w.fx.db,
    {
      username: 'reviewera2',
      displayName: '审核员二',
      role: 'reviewer',
      unitId: w.units.accidentA.id,
      password: TEST_PASSWORD,
    },
    'test',
    w.clock.now,
    CHEAP_SCRYPT,
  );
  colleague = { id: user.id, token: (await createSession(w.fx.db, user.id, w.clock.now)).token };
});

afterEach(async () => {
  await w.close();
});

const act = (actor: Actor, payload: object) =>
  w.call(actor, { method: 'POST', url: `/api/cases/${c.record.id}/actions`, payload });

const actAsColleague = (payload: object) =>
  w.app.inject({
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    headers: { authorization: `Bearer ${colleague.token}` },
    payload,
  });

const feed = async (actor: Actor) =>
  ChangesResponse.parse((await w.call(actor, { url: '/api/changes' })).json()).changes;

const countRows = (table: 'changes' | 'audit_events') => rowCount(w.fx.db, table);
const auditOf = (action: string) => auditDetails(w.fx.db, action);

const SEEN = { state: 'synced', manifestVersion: 1 } as const;

describe('requestId: an action is done once', () => {
  it('answers a retry with the first answer and writes nothing more', async () => {
    const requestId = randomUUID();
    const first = await act('reviewerA', { action: 'review', requestId, expected: SEEN });
    const rows = [await countRows('changes'), await countRows('audit_events')];

    const again = await act('reviewerA', { action: 'review', requestId, expected: SEEN });

    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(CaseActionResponse.parse(again.json())).toEqual(CaseActionResponse.parse(first.json()));
    expect([await countRows('changes'), await countRows('audit_events')]).toEqual(rows);
    expect(await auditOf('case.reviewed')).toHaveLength(1);
  });

  it('acts once when two copies of a request race', async () => {
    const requestId = randomUUID();
    const payload = { action: 'return', note: '请补拍', requestId };

    const [a, b] = await Promise.all([act('reviewerA', payload), act('reviewerA', payload)]);

    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    expect(await auditOf('case.returned')).toHaveLength(1);
    // The five-fast dashboard counts the case as returned (migration 0010).
    const row = await w.fx.db
      .selectFrom('cases')
      .select('ff_returned')
      .where('id', '=', c.record.id)
      .executeTakeFirstOrThrow();
    expect(row.ff_returned).toBe(1);
  });

  it('refuses the same id with another body, or from another reviewer', async () => {
    const requestId = randomUUID();
    expect((await act('reviewerA', { action: 'return', note: 'a', requestId })).statusCode).toBe(
      200,
    );

    const otherBody = await act('reviewerA', { action: 'return', note: 'b', requestId });

    expect(otherBody.statusCode).toBe(422);
    expect(ErrorBody.parse(otherBody.json()).error.code).toBe('request_id_reused');
    const otherUser = await actAsColleague({ action: 'return', note: 'a', requestId });
    expect(otherUser.statusCode).toBe(422);
    expect(ErrorBody.parse(otherUser.json()).error.code).toBe('request_id_reused');
    expect(await auditOf('case.returned')).toHaveLength(1);
  });

  it('claims nothing when the action fails, so a corrected retry may use the id', async () => {
    const requestId = randomUUID();
    const refused = await act('reviewerA', { action: 'reopen', note: 'x', requestId });
    expect(refused.statusCode).toBe(409);

    const done = await act('reviewerA', { action: 'review', requestId });

    expect(done.statusCode).toBe(200);
  });
});

describe('expected: the case as the reviewer saw it', () => {
  it('lets exactly one of two reviewers acting at once win; the other is told who came first', async () => {
    const [review, ret] = await Promise.all([
      act('reviewerA', { action: 'review', expected: SEEN, requestId: randomUUID() }),
      actAsColleague({ action: 'return', note: '补拍', expected: SEEN, requestId: randomUUID() }),
    ]);

    const statuses = [review.statusCode, ret.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    expect((await auditOf('case.reviewed')).length + (await auditOf('case.returned')).length).toBe(
      1,
    );
    const [winner, loser] = review.statusCode === 200 ? [review, ret] : [ret, review];
    const error = ErrorBody.parse(loser.json()).error;
    expect(error.code).toBe('review_conflict');
    const state = CaseActionResponse.parse(winner.json()).state;
    const by =
      state === 'reviewed'
        ? { id: w.users.reviewerA.id, name: 'reviewerA', role: 'reviewer' }
        : { id: colleague.id, name: '审核员二', role: 'reviewer' };
    expect(ReviewConflict.parse(error.details)).toEqual({
      by,
      kind: state,
      at: w.clock.now.toISOString(),
      state,
      manifestVersion: 1,
    });
  });

  it('refuses an action on a version the reviewer has not seen', async () => {
    const res = await act('reviewerA', {
      action: 'review',
      expected: { state: 'synced', manifestVersion: 2 },
    });

    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.details).toMatchObject({
      kind: 'received',
      by: { id: w.users.officerA.id, name: 'officerA', role: 'officer' },
      state: 'synced',
      manifestVersion: 1,
    });
    expect(await auditOf('case.reviewed')).toEqual([]);
  });
});

describe('take-over', () => {
  it('marks the case the squad’s, tells the officer’s phone, keeps the state, and is done once', async () => {
    const res = await act('reviewerA', { action: 'take-over', note: '当事人受伤，转事故中队' });

    expect(res.statusCode).toBe(200);
    expect(CaseActionResponse.parse(res.json()).state).toBe('synced');
    const change = (await feed('officerA')).find((ch) => ch.kind === 'taken-over');
    expect(change).toMatchObject({
      caseId: c.record.id,
      state: 'synced',
      note: '当事人受伤，转事故中队',
      actor: { id: w.users.reviewerA.id, role: 'reviewer' },
    });
    expect(await auditOf('case.taken-over')).toEqual([
      { state: 'synced', version: 1, reason: '当事人受伤，转事故中队' },
    ]);
    const again = await act('reviewerA', { action: 'take-over', note: 'again' });
    expect(again.statusCode).toBe(409);
    expect(ErrorBody.parse(again.json()).error.code).toBe('invalid_transition');
    const detail = CaseDetail.parse(
      (await w.call('reviewerA', { url: `/api/cases/${c.record.id}` })).json(),
    );
    expect(detail.summary.state).toBe('synced');
  });

  it('needs a reason and a reviewer', async () => {
    expect((await act('reviewerA', { action: 'take-over' })).statusCode).toBe(400);
    const byInsurer = await act('insurerX', { action: 'take-over', note: 'x' });
    expect(byInsurer.statusCode).toBe(404);
    const byOfficer = await act('officerA', { action: 'take-over', note: 'x' });
    expect(byOfficer.statusCode).toBe(403);
    const otherBrigade = await act('reviewerB', { action: 'take-over', note: 'x' });
    expect(otherBrigade.statusCode).toBe(404);
  });

  it('is refused while a paid claim holds the case', async () => {
    await act('reviewerA', { action: 'review' });
    for (const insurer of ['insurerX', 'insurerY'] as const) {
      expect((await act(insurer, { action: 'assess', amountYuan: 100 })).statusCode).toBe(200);
      expect((await act(insurer, { action: 'pay', amountYuan: 100 })).statusCode).toBe(200);
    }

    const res = await act('reviewerA', { action: 'take-over', note: 'x' });

    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.message).toMatch(/reopen/);
  });
});

describe('return: what is missing, item by item', () => {
  it('reaches the officer’s feed and the audit trail', async () => {
    const missing = [
      { kind: 'shot', key: 'collision-point' },
      { kind: 'field', key: 'vehicles.1.plate' },
    ];
    const res = await act('reviewerA', { action: 'return', missing });

    expect(res.statusCode).toBe(200);
    const change = (await feed('officerA')).find((ch) => ch.kind === 'returned');
    expect(change).toMatchObject({ state: 'returned', missing });
    expect(change).not.toHaveProperty('note');
    expect(await auditOf('case.returned')).toEqual([
      { from: 'synced', to: 'returned', version: 1, note: null, missing },
    ]);
  });

  it('refuses a return with neither note nor missing, and missing on another action', async () => {
    expect((await act('reviewerA', { action: 'return' })).statusCode).toBe(400);
    const review = await act('reviewerA', {
      action: 'review',
      missing: [{ kind: 'shot', key: 'x' }],
    });
    expect(review.statusCode).toBe(400);
  });
});

describe('the queue follows the case', () => {
  const item = async () => {
    const res = await w.call('reviewerA', { url: '/api/review/queue' });
    expect(res.statusCode).toBe(200);
    return QueueResponse.parse(res.json()).items.find((i) => i.id === c.record.id);
  };

  it('moves the case between buckets as it is returned, resent, reviewed, paid and taken over', async () => {
    const seen: unknown[] = [[(await item())?.bucket, (await item())?.takenOver]];
    await act('reviewerA', { action: 'return', note: '补拍' });
    seen.push((await item())?.bucket);
    const { res: put } = await sendNextVersion(
      w,
      {
        ...c.record,
        liability: {
          schemaVersion: 1,
          signatures: [],
          dispute: { reason: '车速有争议', at: '2026-11-27T02:20:00.000Z' },
        },
      },
      c.photos.map((p) => p.meta),
      { version: 1, manifestHash: v1.manifestHash },
    );
    expect(put.statusCode, put.body).toBe(200);
    const resent = await item();
    seen.push([resent?.bucket, resent?.signals, resent?.manifestVersion]);
    await act('reviewerA', { action: 'take-over', note: '事故中队接手' });
    await act('reviewerA', { action: 'review' });
    seen.push([(await item())?.bucket, (await item())?.takenOver]);
    for (const insurer of ['insurerX', 'insurerY'] as const) {
      await act(insurer, { action: 'assess', amountYuan: 100 });
      await act(insurer, { action: 'pay', amountYuan: 100 });
    }
    seen.push([(await item())?.bucket, (await item())?.state]);

    expect(seen).toEqual([
      ['new', false],
      'returned',
      ['disputed', ['disputed'], 2],
      ['reviewed', true],
      ['reviewed', 'paid'],
    ]);
  });
});
