/**
 * A brigade that sends packets on signature (`packets_on = signed`): the
 * signed version's arrival delivers each insurer its packet, the case stays
 * `synced` for the accident squad, and a later approval of the same version
 * delivers nothing twice. The default brigade waits for the approval.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fullyPopulatedCase } from '../case-fixtures';
import { submitCase } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const claimsOf = (caseId: string) =>
  w.fx.db
    .selectFrom('claims')
    .select(['insurer_id', 'state'])
    .where('case_id', '=', caseId)
    .execute();
const messagesOf = (caseId: string) =>
  w.fx.db
    .selectFrom('webhook_messages')
    .select('event_type')
    .where('case_id', '=', caseId)
    .execute();

it('delivers packets when the signed version arrives, once', async () => {
  await w.fx.db.updateTable('brigades').set({ packets_on: 'signed' }).execute();
  const c = fullyPopulatedCase(w.users.officerA.id);
  await submitCase(w, c);
  const claims = await claimsOf(c.record.id);
  expect(claims.map((k) => k.insurer_id)).toContain(w.insurers.x.id);
  expect(claims.every((k) => k.state === 'delivered')).toBe(true);
  const stored = await w.fx.db
    .selectFrom('cases')
    .select('state')
    .where('id', '=', c.record.id)
    .executeTakeFirstOrThrow();
  expect(stored.state).toBe('synced');
  const events = await messagesOf(c.record.id);
  expect(events.map((e) => e.event_type)).toEqual(claims.map(() => 'packet.created'));

  const review = await w.call('reviewerA', {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload: { action: 'review' },
  });
  expect(review.statusCode, review.body).toBe(200);
  expect(await claimsOf(c.record.id)).toHaveLength(claims.length);
  expect(await messagesOf(c.record.id)).toHaveLength(events.length);
});

it('waits for the approval in a brigade that reviews first', async () => {
  const c = fullyPopulatedCase(w.users.officerA.id);
  await submitCase(w, c);
  expect(await claimsOf(c.record.id)).toEqual([]);
  expect(await messagesOf(c.record.id)).toEqual([]);
});
