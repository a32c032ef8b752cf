/**
 * The accident squad amends a case's liability: on corrected facts (the
 * engine re-run) or by its own override, always with a reason. The case goes
 * back to its officer with the squad's determination in the feed, the
 * history and the audit trail; the officer's next version, the determination
 * amended on the phone and signed again, is accepted and flagged `amended`.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseActionResponse, CaseReceipt } from '../../src/contracts/cases';
import type { CasePutRequest } from '../../src/contracts/cases';
import { ChangesResponse } from '../../src/contracts/changes';
import type { Change } from '../../src/contracts/changes';
import { ErrorBody } from '../../src/contracts/errors';
import { CaseHistory, QueueResponse } from '../../src/contracts/review';
import { transitionCase } from '../../src/domain/case/case';
import { determinationBytes } from '../../src/domain/case/determination';
import type { LiabilityFacts } from '../../src/domain/liability/facts.schema';
import { applyServerStateChange } from '../../src/domain/outbox/server-change';
import { applySquadAmendment } from '../../src/domain/review/squad-amendment';
import { signAndRefuse, signedInsuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { sha256OfBytes } from '../test-device';
import { sendNextVersion, submitCase } from '../test-photos';
import { auditDetails, rowCount } from '../test-support';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;
let v1: CasePutRequest & { manifestHash: string };

beforeEach(async () => {
  w = await openTestWorld();
  c = signedInsuredCase('review-amend');
  v1 = await submitCase(w, c);
});

afterEach(async () => {
  await w.close();
});

const act = (actor: Actor, payload: object) =>
  w.call(actor, { method: 'POST', url: `/api/cases/${c.record.id}/actions`, payload });

const feed = async (actor: Actor): Promise<Change[]> =>
  ChangesResponse.parse((await w.call(actor, { url: '/api/changes' })).json()).changes;

const errorOf = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error;

const must = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const REASON = '调取监控：A车追尾B车，原认定有误';

/** A, going straight, ran into the back of B, which was slowing: the engine finds A fully liable. */
const CORRECTED: LiabilityFacts = {
  schemaVersion: 1,
  place: { kind: 'road-section' },
  vehicles: [
    { id: 'A', action: 'going-straight' },
    { id: 'B', action: 'slowing' },
  ],
  impacts: [{ striking: 'A', struck: 'B', relation: 'same-lane' }],
  checks: { allClear: true },
};

const amend = (amendment: object, extra: object = {}) =>
  act('reviewerA', { action: 'amend', note: REASON, amendment, ...extra });

describe('amend on corrected facts', () => {
  it('runs the engine, returns the case to its officer with the determination, and records it', async () => {
    const res = await amend(
      { liability: { A: 'full', B: 'none' }, facts: CORRECTED },
      { requestId: randomUUID(), expected: { state: 'synced', manifestVersion: 1 } },
    );

    expect(res.statusCode, res.body).toBe(200);
    expect(CaseActionResponse.parse(res.json()).state).toBe('returned');
    const change = (await feed('officerA')).find((ch) => ch.kind === 'amended');
    expect(change).toMatchObject({
      state: 'returned',
      note: REASON,
      actor: { id: w.users.reviewerA.id, role: 'reviewer' },
      amendment: {
        liability: { A: 'full', B: 'none' },
        reason: REASON,
        facts: CORRECTED,
        decision: { outcome: 'liability', liability: { A: 'full', B: 'none' } },
      },
    });
    const [audit] = await auditDetails(w.fx.db, 'case.squad-amended');
    expect(audit).toMatchObject({
      from: 'synced',
      to: 'returned',
      version: 1,
      reason: REASON,
      liability: { A: 'full', B: 'none' },
      engine: { liability: { A: 'full', B: 'none' } },
      facts: CORRECTED,
    });
    const stored = await w.fx.db.selectFrom('squad_determinations').selectAll().execute();
    expect(stored).toMatchObject([
      {
        case_id: c.record.id,
        based_on_version: 1,
        by_user_id: w.users.reviewerA.id,
        reason: REASON,
        liability: JSON.stringify({ A: 'full', B: 'none' }),
        facts: JSON.stringify(CORRECTED),
      },
    ]);
  });

  it('keeps the squad’s liability where it overrides the engine’s', async () => {
    const res = await amend({ liability: { A: 'primary', B: 'secondary' }, facts: CORRECTED });

    expect(res.statusCode, res.body).toBe(200);
    const change = (await feed('officerA')).find((ch) => ch.kind === 'amended');
    expect(change?.amendment?.liability).toEqual({ A: 'primary', B: 'secondary' });
    expect(change?.amendment?.decision?.liability).toEqual({ A: 'full', B: 'none' });
  });

  it('refuses facts on which the engine escalates or needs another answer, naming the rule or question', async () => {
    const escalating = {
      ...CORRECTED,
      checks: { allClear: true, answers: { 'E04-alcohol-or-drugs': 'yes' } },
    };
    const escalated = await amend({ liability: { A: 'full', B: 'none' }, facts: escalating });
    const { checks: _none, ...unchecked } = CORRECTED;
    const open = await amend({ liability: { A: 'full', B: 'none' }, facts: unchecked });

    expect([escalated.statusCode, open.statusCode]).toEqual([422, 422]);
    expect(errorOf(escalated)).toMatchObject({
      code: 'liability_undecided',
      details: { outcome: 'escalate', ruleId: 'E04-alcohol-or-drugs' },
    });
    expect(errorOf(escalated).message).toContain('E04-alcohol-or-drugs');
    const question = errorOf(open);
    expect(question).toMatchObject({
      code: 'liability_undecided',
      details: { outcome: 'need-more-facts' },
    });
    expect(question.message).toContain(String(question.details?.['questionId']));
    expect(await rowCount(w.fx.db, 'changes')).toBe(1);
  });
});

describe('amend by the squad’s override', () => {
  it('carries the liability and reason alone, and the history lists it', async () => {
    const res = await amend({ liability: { A: 'equal', B: 'equal' } });

    expect(res.statusCode, res.body).toBe(200);
    const change = (await feed('officerA')).find((ch) => ch.kind === 'amended');
    expect(change?.amendment).toEqual({ liability: { A: 'equal', B: 'equal' }, reason: REASON });
    const history = CaseHistory.parse(
      (await w.call('reviewerA', { url: `/api/cases/${c.record.id}/history` })).json(),
    );
    expect(history.actions).toMatchObject([
      {
        kind: 'amended',
        state: 'returned',
        note: REASON,
        manifestVersion: 1,
        by: { id: w.users.reviewerA.id, role: 'reviewer' },
        amendment: { liability: { A: 'equal', B: 'equal' }, reason: REASON },
      },
    ]);
    const queue = QueueResponse.parse(
      (await w.call('reviewerA', { url: '/api/review/queue' })).json(),
    );
    expect(queue.items.find((i) => i.id === c.record.id)?.bucket).toBe('returned');
  });

  it('refuses a determination that does not name exactly the case’s vehicles', async () => {
    const short = await amend({ liability: { A: 'full' } });
    const extra = await amend({
      liability: { A: 'full', B: 'none' },
      facts: {
        ...CORRECTED,
        vehicles: [CORRECTED.vehicles[0]!, { id: 'C', action: 'slowing' }],
        impacts: [{ striking: 'A', struck: 'C', relation: 'same-lane' }],
      },
    });

    expect([short.statusCode, extra.statusCode]).toEqual([422, 422]);
    expect(errorOf(short)).toMatchObject({
      code: 'invalid_amendment',
      fields: [{ path: 'body.amendment.liability' }],
      details: { vehicles: ['A', 'B'] },
    });
    expect(errorOf(extra).fields?.[0]?.path).toBe('body.amendment.facts.vehicles');
  });

  it('needs the reason and the determination, and only an amendment carries one', async () => {
    const paths = async (payload: object) => {
      const res = await act('reviewerA', payload);
      expect(res.statusCode).toBe(400);
      return errorOf(res).fields?.map((f) => f.path);
    };
    const liability = { liability: { A: 'full', B: 'none' } };

    expect(await paths({ action: 'amend', amendment: liability })).toEqual(['body.note']);
    expect(await paths({ action: 'amend', note: REASON })).toEqual(['body.amendment']);
    expect(await paths({ action: 'return', note: 'x', amendment: liability })).toEqual([
      'body.amendment',
    ]);
  });
});

describe('amend like every reviewer action', () => {
  it('is done once per requestId, and refused when the case moved on', async () => {
    const requestId = randomUUID();
    const payload = { liability: { A: 'none', B: 'full' } };
    const first = await amend(payload, { requestId });
    const again = await amend(payload, { requestId });

    expect(again.json()).toEqual(first.json());
    expect(await auditDetails(w.fx.db, 'case.squad-amended')).toHaveLength(1);
    expect(await w.fx.db.selectFrom('squad_determinations').selectAll().execute()).toHaveLength(1);
    const stale = await amend(payload, { expected: { state: 'synced', manifestVersion: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale)).toMatchObject({
      code: 'review_conflict',
      details: { kind: 'amended', state: 'returned' },
    });
  });

  it('is the squad’s alone, in its own brigade', async () => {
    const payload = {
      action: 'amend',
      note: REASON,
      amendment: { liability: { A: 'full', B: 'none' } },
    };
    expect((await act('officerA', payload)).statusCode).toBe(403);
    expect((await act('reviewerB', payload)).statusCode).toBe(404);
    expect((await act('insurerX', payload)).statusCode).toBe(404);
  });

  it('is refused on an assessed case, and while a paid claim holds it', async () => {
    const liability = { liability: { A: 'full', B: 'none' } };
    expect((await act('reviewerA', { action: 'review' })).statusCode).toBe(200);
    for (const insurer of ['insurerX', 'insurerY'] as const) {
      expect((await act(insurer, { action: 'assess', amountYuan: 100 })).statusCode).toBe(200);
    }
    const assessed = await amend(liability);
    for (const insurer of ['insurerX', 'insurerY'] as const) {
      expect((await act(insurer, { action: 'pay', amountYuan: 100 })).statusCode).toBe(200);
    }
    const paid = await amend(liability);
    expect((await act('reviewerA', { action: 'reopen', note: '改判' })).statusCode).toBe(200);
    const reopened = await amend(liability);

    expect([assessed.statusCode, errorOf(assessed).code]).toEqual([409, 'invalid_transition']);
    expect([paid.statusCode, errorOf(paid).code]).toEqual([409, 'reopen_required']);
    expect(reopened.statusCode).toBe(200);
  });
});

describe('the officer’s next version', () => {
  it('amends the signed determination on the phone, is signed again, accepted and flagged amended', async () => {
    expect(
      (await amend({ liability: { A: 'full', B: 'none' }, facts: CORRECTED })).statusCode,
    ).toBe(200);
    const change = (await feed('officerA')).find((ch) => ch.kind === 'amended')!;
    // The phone: the case as sent, then returned by the feed's change.
    let record = must(transitionCase(c.record, 'submitted', '2026-11-27T02:20:00.000Z'));
    record = applyServerStateChange(
      must(transitionCase(record, 'synced', record.updatedAt)),
      change,
    );
    const amended = must(
      applySquadAmendment(
        record,
        change.amendment!,
        { supersededSha256: sha256OfBytes(determinationBytes(record)) },
        '2026-11-27T04:00:00.000Z',
      ),
    );
    const resigned = signAndRefuse(amended, {
      read: '2026-11-27T04:01:00.000Z',
      signed: '2026-11-27T04:02:00.000Z',
      refused: '2026-11-27T04:03:00.000Z',
    });
    const { res: put } = await sendNextVersion(
      w,
      must(transitionCase(resigned, 'submitted', '2026-11-27T04:04:00.000Z')),
      c.photos.map((p) => p.meta),
      { version: 1, manifestHash: v1.manifestHash },
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(CaseReceipt.parse(put.json()).flags).toEqual(['amended']);
    const queue = QueueResponse.parse(
      (await w.call('reviewerA', { url: '/api/review/queue' })).json(),
    );
    const item = queue.items.find((i) => i.id === c.record.id);
    expect([item?.state, item?.manifestVersion, item?.signals]).toEqual([
      'synced',
      2,
      ['refusal', 'amended'],
    ]);
    const history = CaseHistory.parse(
      (await w.call('reviewerA', { url: `/api/cases/${c.record.id}/history` })).json(),
    );
    const latest = history.versions.at(-1)!.case.liability!;
    expect(latest.amendments?.[0]?.reason).toBe(REASON);
    expect(latest.override).toBeUndefined();
    expect(latest.proposal).toEqual({ A: 'full', B: 'none' });
    expect(history.versions[0]!.case.liability!.proposal).toEqual({ A: 'none', B: 'full' });
  });
});
