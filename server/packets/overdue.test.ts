/**
 * The brigade's overdue list (GET /api/claims/overdue) on a fake clock: a
 * packet appears once its brigade's call-back target has passed, oldest due
 * first, with how late it is in whole minutes and its insurer's plates; an
 * acknowledged, assessed or replaced packet, or one not yet due, does not; a
 * reviewer sees his brigade's, an admin every brigade's.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OverdueList } from '../../src/contracts/claims';
import { insuredCase } from '../case-fixtures';
import { submitCase } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const minutes = (n: number) => {
  w.clock.now = new Date(w.clock.now.getTime() + n * 60_000);
};

/** A case of `officer`'s unit that insurers X (vehicle A) and Y (vehicle B) cover, approved now. */
async function approvedCase(officer: 'officerA' | 'officerB', seed: string): Promise<string> {
  const c = insuredCase(seed, 0);
  await submitCase(w, c, officer);
  const reviewer: Actor = officer === 'officerA' ? 'reviewerA' : 'reviewerB';
  const review = await w.call(reviewer, {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload: { action: 'review' },
  });
  expect(review.statusCode, review.body).toBe(200);
  return c.record.id;
}

async function overdue(actor: Actor): Promise<OverdueList> {
  const res = await w.call(actor, { url: '/api/claims/overdue' });
  expect(res.statusCode, res.body).toBe(200);
  return OverdueList.parse(res.json());
}

const packetOf = async (caseId: string, insurer: 'x' | 'y') =>
  (
    await w.fx.db
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', caseId)
      .where('insurer_id', '=', w.insurers[insurer].id)
      .executeTakeFirstOrThrow()
  ).id;

async function setTarget(brigade: string, callbackMinutes: number) {
  const { id } = await w.fx.db
    .selectFrom('brigades')
    .select('id')
    .where('name', '=', brigade)
    .executeTakeFirstOrThrow();
  const res = await w.call('admin', {
    method: 'PATCH',
    url: `/api/admin/brigades/${id}`,
    payload: { callbackMinutes },
  });
  expect(res.statusCode, res.body).toBe(200);
}

it('lists a packet only once its target has passed, oldest first, minutes late and plates', async () => {
  const first = await approvedCase('officerA', 'first');
  minutes(3);
  const second = await approvedCase('officerA', 'second');
  minutes(7); // first: due exactly now (10 min), not yet late
  expect(await overdue('reviewerA')).toMatchObject({ claims: [], total: 0 });
  minutes(1);
  const late = await overdue('reviewerA');
  expect(late.claims.map((c) => [c.caseId, c.insurerName, c.minutesOverdue])).toEqual([
    [first, 'Insurer X', 1],
    [first, 'Insurer Y', 1],
  ]);
  expect(late.claims.map((c) => c.plates)).toEqual([['川A12340'], ['川A12341']]);
  expect(late.claims[0]).toMatchObject({
    brigadeName: 'Brigade A',
    callbackDueAt: new Date(w.clock.now.getTime() - 60_000).toISOString(),
  });
  minutes(5);
  const both = await overdue('reviewerA');
  expect(both.total).toBe(4);
  expect(both.claims.map((c) => [c.caseId, c.minutesOverdue])).toEqual([
    [first, 6],
    [first, 6],
    [second, 3],
    [second, 3],
  ]);
  expect(both.asOf).toBe(w.clock.now.toISOString());
});

it('drops a packet once acknowledged or assessed, and follows a changed target', async () => {
  const id = await approvedCase('officerA', 'ack');
  minutes(11);
  expect((await overdue('reviewerA')).total).toBe(2);
  const ack = await w.call('insurerX', {
    method: 'POST',
    url: `/api/packets/${await packetOf(id, 'x')}/acknowledge`,
    payload: {},
  });
  expect(ack.statusCode, ack.body).toBe(200);
  expect((await overdue('reviewerA')).claims.map((c) => c.insurerName)).toEqual(['Insurer Y']);
  await w.fx.db
    .updateTable('claims')
    .set({ state: 'assessed' })
    .where('id', '=', await packetOf(id, 'y'))
    .execute();
  expect((await overdue('reviewerA')).total).toBe(0);

  const other = await approvedCase('officerA', 'target');
  minutes(20);
  expect((await overdue('reviewerA')).total).toBe(2);
  await setTarget('Brigade A', 30);
  expect((await overdue('reviewerA')).total).toBe(0);
  await setTarget('Brigade A', 5);
  expect((await overdue('reviewerA')).claims.map((c) => [c.caseId, c.minutesOverdue])).toEqual([
    [other, 15],
    [other, 15],
  ]);
});

it('shows a reviewer his brigade only, and an admin every brigade by due time', async () => {
  await setTarget('Brigade B', 1);
  const a = await approvedCase('officerA', 'brigade-a');
  minutes(5);
  const b = await approvedCase('officerB', 'brigade-b');
  minutes(6); // a: due 1 min ago; b: due 5 min ago
  expect((await overdue('reviewerA')).claims.map((c) => c.caseId)).toEqual([a, a]);
  expect((await overdue('reviewerB')).claims.map((c) => c.caseId)).toEqual([b, b]);
  const all = await overdue('admin');
  expect(all.claims.map((c) => [c.brigadeName, c.minutesOverdue])).toEqual([
    ['Brigade B', 5],
    ['Brigade B', 5],
    ['Brigade A', 1],
    ['Brigade A', 1],
  ]);
});

it('refuses officers and insurers by role', async () => {
  for (const actor of ['officerA', 'insurerX'] as const) {
    const res = await w.call(actor, { url: '/api/claims/overdue' });
    expect(res.statusCode).toBe(403);
  }
  expect((await w.call(undefined, { url: '/api/claims/overdue' })).statusCode).toBe(401);
});
