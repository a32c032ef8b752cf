/**
 * A party's own confirmation of the determination, with no session: the
 * determination's hash as the server recomputes it is recorded once per
 * vehicle, audited and put on the case's timeline; another hash, an unknown
 * case, a vehicle the case does not have or a malformed body are refused
 * naming the field, never with a stack trace; refused tries are rate-limited.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartyConfirmation } from '../../src/contracts/party-confirmations';
import { CaseTimeline } from '../../src/contracts/timeline';
import { ErrorBody } from '../../src/contracts/errors';
import { determinationBytes } from '../../src/domain/case/determination';
import { fullyPopulatedCase, signedInsuredCase, type CaseFixture } from '../case-fixtures';
import { sha256Hex } from '../hash';
import { submitCase } from '../test-photos';
import { openTestWorld, type TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;
let hash: string;

beforeEach(async () => {
  w = await openTestWorld();
  w.clock.now = new Date('2026-11-27T03:00:00.000Z');
  c = signedInsuredCase('confirm');
  hash = sha256Hex(determinationBytes(c.record));
  await submitCase(w, c);
});

afterEach(async () => {
  await w.close();
});

const confirm = (payload: object) =>
  w.call(undefined, { method: 'POST', url: '/api/party-confirmations', payload });

const refusalOf = (res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.body).not.toMatch(/stack|at .*\.ts/);
  return ErrorBody.parse(res.json()).error;
};

const confirmed = async () =>
  (
    await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'party.confirmed')
      .execute()
  ).map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }));

describe('POST /api/party-confirmations', () => {
  it('records the party’s confirmation of the determination the case holds, audited, on the timeline', async () => {
    const res = await confirm({ caseId: c.record.id, sha256: hash, vehicle: 'B' });
    expect(res.statusCode, res.body).toBe(200);
    expect(PartyConfirmation.parse(res.json())).toEqual({
      caseId: c.record.id,
      caseNumber: c.record.caseNumber,
      vehicle: 'B',
      sha256: hash,
      confirmedAt: '2026-11-27T03:00:00.000Z',
      already: false,
    });
    expect(await confirmed()).toEqual([
      { actor: 'party:B', subject: c.record.id, details: { vehicle: 'B', sha256: hash } },
    ]);

    const timeline = await w.call('reviewerA', { url: `/api/cases/${c.record.id}/timeline` });
    const { events } = CaseTimeline.parse(timeline.json());
    expect(events.filter((e) => e.kind === 'party-confirmed')).toEqual([
      { at: '2026-11-27T03:00:00.000Z', kind: 'party-confirmed', detail: 'B' },
    ]);
  });

  it('keeps a second press as the first: same time, one audit entry', async () => {
    await confirm({ caseId: c.record.id, sha256: hash, vehicle: 'A' });
    w.clock.now = new Date('2026-11-27T03:05:00.000Z');
    const again = await confirm({ caseId: c.record.id, sha256: hash, vehicle: 'A' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ confirmedAt: '2026-11-27T03:00:00.000Z', already: true });
    expect(await confirmed()).toHaveLength(1);
  });

  it('refuses another hash naming body.sha256, and records nothing', async () => {
    const res = await confirm({ caseId: c.record.id, sha256: 'f'.repeat(64), vehicle: 'A' });
    expect(res.statusCode).toBe(409);
    const error = refusalOf(res);
    expect(error.code).toBe('determination_mismatch');
    expect(error.fields?.map((f) => f.path)).toEqual(['body.sha256']);
    expect(error.message).toMatch(/not the determination the case holds now/);
    expect(await confirmed()).toEqual([]);
  });

  it('says so when the hash is of a determination amended since', async () => {
    const amended = fullyPopulatedCase(w.users.officerA.id);
    await submitCase(w, amended);
    const superseded = amended.record.liability!.amendments![0]!.supersededSha256;
    const res = await confirm({ caseId: amended.record.id, sha256: superseded, vehicle: 'A' });
    expect(res.statusCode).toBe(409);
    const error = refusalOf(res);
    expect(error.code).toBe('determination_amended');
    expect(error.fields?.map((f) => f.path)).toEqual(['body.sha256']);
    expect(error.message).toMatch(/amended since/);
  });

  it('refuses an unknown case naming body.caseId', async () => {
    const res = await confirm({ caseId: randomUUID(), sha256: hash, vehicle: 'A' });
    expect(res.statusCode).toBe(404);
    const error = refusalOf(res);
    expect(error.code).toBe('case_not_found');
    expect(error.fields?.map((f) => f.path)).toEqual(['body.caseId']);
  });

  it('refuses a vehicle the case does not have naming body.vehicle', async () => {
    const res = await confirm({ caseId: c.record.id, sha256: hash, vehicle: 'C' });
    expect(res.statusCode).toBe(409);
    expect(refusalOf(res).fields?.map((f) => f.path)).toEqual(['body.vehicle']);
  });

  it('refuses a malformed body naming each field', async () => {
    const res = await confirm({ caseId: 'case-1', sha256: hash.toUpperCase() });
    expect(res.statusCode).toBe(400);
    const paths = refusalOf(res).fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.caseId', 'body.sha256', 'body.vehicle']));
  });

  it('makes a sixth refused try on one case wait, then takes the right hash', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await confirm({ caseId: c.record.id, sha256: `${i}`.repeat(64), vehicle: 'A' });
      expect(res.statusCode).toBe(409);
    }
    const blocked = await confirm({ caseId: c.record.id, sha256: hash, vehicle: 'A' });
    expect(blocked.statusCode).toBe(429);
    expect(refusalOf(blocked).code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    w.clock.now = new Date('2026-11-27T03:01:00.000Z');
    expect((await confirm({ caseId: c.record.id, sha256: hash, vehicle: 'A' })).statusCode).toBe(
      200,
    );
  });
});
