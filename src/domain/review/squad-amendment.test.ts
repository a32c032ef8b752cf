import { describe, expect, it } from 'vitest';
import {
  aRearEndDraft,
  clearedCase,
  must,
  noticed,
  proposed,
  sha256HexSync as sha,
  signedByBoth,
  T3,
} from '../../../tests/builders/liability.builder';
import { transitionCase } from '../case/case';
import type { CaseRecord } from '../case/case.schema';
import type { CaseState } from '../case/case-state';
import {
  checkSealedVersion,
  determinationBytes,
  effectiveLiability,
  openAmendment,
} from '../case/determination';
import { disputeFacts, factsFromDraft, snapshotDecision } from '../case/liability-step';
import { markNoticesRead } from '../case/courtesy';
import { loadLiabilityCatalog } from '../liability/catalog';
import { evaluateLiability } from '../liability/evaluate';
import {
  applySquadAmendment,
  squadAmendmentAppliedAt,
  squadReasonInForce,
  type SquadDetermination,
} from './squad-amendment';

const T4 = '2026-11-27T03:00:00.000Z';
const T5 = '2026-11-27T03:10:00.000Z';
const REASON = '复核监控：A车未保持安全距离';

const move = (c: CaseRecord, ...states: CaseState[]): CaseRecord =>
  states.reduce((x, to) => must(transitionCase(x, to, T3)), c);

const signAll = signedByBoth;

/** A signed rear-end case (B full), sent and returned to the officer by the squad's amendment. */
const signedReturned = () => move(signAll(noticed()), 'submitted', 'synced', 'returned');

/** A case whose facts were disputed on scene: escalated, never signed, sent, then returned. */
const escalatedReturned = () =>
  move(
    must(disputeFacts(clearedCase(), '双方对车速有争议', T3)),
    'submitted',
    'synced',
    'returned',
  );

const squad = (liability: Record<string, string>): SquadDetermination =>
  ({ liability, reason: REASON }) as SquadDetermination;

/** The engine re-run on corrected facts: A struck B from behind, so A is fully liable. */
function withCorrectedFacts(c: CaseRecord): SquadDetermination {
  const draft = aRearEndDraft(c);
  const facts = must(
    factsFromDraft(
      {
        ...draft,
        vehicles: [
          { id: 'A', action: 'going-straight' },
          { id: 'B', action: 'slowing' },
        ],
        impacts: [{ striking: 'A', struck: 'B', relation: 'same-lane' }],
      },
      true,
    ),
  );
  const decision = snapshotDecision(evaluateLiability(loadLiabilityCatalog(), facts));
  return { liability: { ...decision.liability! }, reason: REASON, facts, decision };
}

describe('applySquadAmendment on a signed case', () => {
  it('keeps the superseded determination and signatures, and the squad’s liability stands', () => {
    const c = signedReturned();
    const supersededSha256 = sha(determinationBytes(c));

    const next = must(
      applySquadAmendment(c, squad({ A: 'primary', B: 'secondary' }), { supersededSha256 }, T4),
    );

    expect(next.state).toBe('liability-proposed');
    expect(next.transitions.at(-1)).toEqual({
      from: 'returned',
      to: 'liability-proposed',
      at: T4,
      reason: `squad-amendment: ${REASON}`,
    });
    const record = next.liability!;
    expect(record.signatures).toEqual([]);
    expect(record.noticesReadAt).toBeUndefined();
    expect(record.amendments).toHaveLength(1);
    expect(record.amendments![0]).toMatchObject({
      reason: REASON,
      at: T4,
      supersededSha256,
      signatures: c.liability!.signatures,
      noticesReadAt: c.liability!.noticesReadAt,
    });
    expect(effectiveLiability(next)).toEqual({ A: 'primary', B: 'secondary' });
    expect(record.proposal).toEqual(c.liability!.proposal);
    expect(record.override).toEqual({
      liability: { A: 'primary', B: 'secondary' },
      reason: REASON,
      at: T4,
    });
  });

  it('is accepted by the seal check once everyone signs the new determination', () => {
    const c = signedReturned();
    const amended = must(
      applySquadAmendment(
        c,
        squad({ A: 'primary', B: 'secondary' }),
        { supersededSha256: sha(determinationBytes(c)) },
        T4,
      ),
    );

    const resigned = signAll(must(markNoticesRead(amended, T5)), T5);

    expect(resigned.state).toBe('signed');
    expect(checkSealedVersion(c, resigned, sha)).toEqual({ ok: true, value: { amended: true } });
  });

  it('takes the engine’s decision on corrected facts as the proposal, without an override when they agree', () => {
    const c = signedReturned();
    const amendment = withCorrectedFacts(c);
    expect(amendment.decision?.outcome).toBe('liability');

    const next = must(
      applySquadAmendment(c, amendment, { supersededSha256: sha(determinationBytes(c)) }, T4),
    );

    const record = next.liability!;
    expect(record.facts).toEqual(amendment.facts);
    expect(record.decision).toEqual(amendment.decision);
    expect(record.proposal).toEqual(amendment.liability);
    expect(record.proposedAt).toBe(T4);
    expect(record.override).toBeUndefined();
    expect(effectiveLiability(next)).toEqual(amendment.liability);
  });

  it('overrides the engine on corrected facts when the squad decides otherwise', () => {
    const c = signedReturned();
    const engine = withCorrectedFacts(c);
    const amendment = { ...engine, liability: { A: 'primary' as const, B: 'secondary' as const } };

    const next = must(
      applySquadAmendment(c, amendment, { supersededSha256: sha(determinationBytes(c)) }, T4),
    );

    expect(next.liability?.proposal).toEqual(engine.liability);
    expect(next.liability?.override?.reason).toBe(REASON);
    expect(effectiveLiability(next)).toEqual({ A: 'primary', B: 'secondary' });
  });
});

describe('applySquadAmendment on a case never signed', () => {
  it('proposes the squad’s liability on an escalated case with no proposal', () => {
    const c = escalatedReturned();

    const next = must(applySquadAmendment(c, squad({ A: 'equal', B: 'equal' }), {}, T4));

    expect(next.state).toBe('liability-proposed');
    expect(next.transitions.at(-1)?.reason).toBe(`squad-amendment: ${REASON}`);
    expect(next.liability?.proposal).toEqual({ A: 'equal', B: 'equal' });
    expect(next.liability?.override).toBeUndefined();
    expect(next.liability?.amendments).toBeUndefined();
    expect(next.liability?.dispute?.reason).toBe('双方对车速有争议');
  });

  it('overrides a standing proposal and asks for the notices again', () => {
    const c = noticed();

    const next = must(applySquadAmendment(c, squad({ A: 'none', B: 'full' }), {}, T4));

    expect(next.transitions).toEqual(c.transitions);
    expect(next.liability?.noticesReadAt).toBeUndefined();
    expect(next.liability?.proposal).toEqual({ A: 'none', B: 'full' });
    expect(next.liability?.override).toBeUndefined();
    const overridden = must(applySquadAmendment(c, squad({ A: 'equal', B: 'equal' }), {}, T4));
    expect(overridden.liability?.override).toEqual({
      liability: { A: 'equal', B: 'equal' },
      reason: REASON,
      at: T4,
    });
  });
});

describe('applySquadAmendment refuses', () => {
  const hash = { supersededSha256: 'a'.repeat(64) };
  it.each([
    ['a vehicle missing', signedReturned, squad({ A: 'full' }), hash, 'bad-liability'],
    [
      'a vehicle the case does not have',
      signedReturned,
      squad({ A: 'full', B: 'none', C: 'none' }),
      hash,
      'bad-liability',
    ],
    [
      'a blank reason',
      proposed,
      { ...squad({ A: 'full', B: 'none' }), reason: ' ' },
      {},
      'reason-required',
    ],
    [
      'a signed case without the superseded hash',
      signedReturned,
      squad({ A: 'full', B: 'none' }),
      {},
      'hash-required',
    ],
    [
      'a case that cannot take a determination now',
      () => must(disputeFacts(clearedCase(), '争议', T3)),
      squad({ A: 'full', B: 'none' }),
      {},
      'not-allowed',
    ],
  ] as const)('%s', (_what, build, amendment, input, reason) => {
    const result = applySquadAmendment(build(), amendment as SquadDetermination, input, T4);
    expect(result.ok ? 'accepted' : result.reason).toBe(reason);
  });
});

describe('the squad’s amendment once applied', () => {
  const RECEIVED = '2026-11-27T02:55:00.000Z';

  it('is found on a signed case by its transition, and is in force until the officer amends again', () => {
    const c = signedReturned();
    expect(squadAmendmentAppliedAt(c, { reason: REASON }, RECEIVED)).toBeUndefined();
    expect(squadReasonInForce(c)).toBeUndefined();

    const next = must(
      applySquadAmendment(
        c,
        squad({ A: 'primary', B: 'secondary' }),
        { supersededSha256: sha(determinationBytes(c)) },
        T4,
      ),
    );

    expect(squadAmendmentAppliedAt(next, { reason: ` ${REASON} ` }, RECEIVED)).toBe(T4);
    // Applied before this word arrived: an earlier amendment, not this one.
    expect(squadAmendmentAppliedAt(next, { reason: REASON }, T5)).toBeUndefined();
    expect(squadAmendmentAppliedAt(next, { reason: '另一个原因' }, RECEIVED)).toBeUndefined();
    expect(squadReasonInForce(next)).toBe(REASON);
    const resigned = signAll(must(markNoticesRead(next, T5)), T5);
    expect(squadReasonInForce(resigned)).toBe(REASON);
    const own = must(
      openAmendment(resigned, { reason: '号牌录入错误', supersededSha256: 'b'.repeat(64) }, T5),
    );
    expect(squadReasonInForce(own)).toBeUndefined();
  });

  it('is found on a case already awaiting signatures by the squad’s override', () => {
    const next = must(applySquadAmendment(noticed(), squad({ A: 'equal', B: 'equal' }), {}, T4));
    expect(next.transitions).toEqual(noticed().transitions);
    expect(squadAmendmentAppliedAt(next, { reason: REASON }, RECEIVED)).toBe(T4);
  });
});
