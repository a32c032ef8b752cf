import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import {
  aRearEndDraft,
  clearedCase,
  must,
  noticed,
  proposed,
  T1,
  T2,
  T3,
} from '../../../tests/builders/liability.builder';
import { loadLiabilityCatalog } from '../liability/catalog';
import type { CaseRecord } from './case.schema';
import type { LiabilityDraft } from './liability-record.schema';
import { CaseRecord as CaseRecordSchema } from './case.schema';
import { effectiveLiability } from './determination';
import {
  disputeFacts,
  emptyDraft,
  factsFromDraft,
  FACTS_DISPUTED_RULE,
  overrideLiability,
  proposeLiability,
  recordRefusal,
  recordSignature,
  saveLiabilityDraft,
} from './liability-step';

const catalog = loadLiabilityCatalog();
const HASH = 'a'.repeat(64);
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('the facts from the officer’s answers', () => {
  it('names what is still missing', () => {
    const c = clearedCase();
    expect(factsFromDraft(emptyDraft(c), true)).toEqual({
      ok: false,
      reason: 'incomplete',
      detail: 'place,vehicles.A.action,vehicles.B.action,impacts.0',
    });
  });

  it('builds engine facts, with triage’s all-clear, and keeps a draft across saves', () => {
    const c = clearedCase();
    const facts = must(factsFromDraft(aRearEndDraft(c), true));
    expect(facts.checks).toEqual({ allClear: true });
    expect(facts.impacts).toEqual([{ striking: 'B', struck: 'A', relation: 'same-lane' }]);
    const saved = must(saveLiabilityDraft(c, aRearEndDraft(c), T1));
    expect(CaseRecordSchema.parse(saved).liability?.draft?.placeKind).toBe('road-section');
  });

  it('keeps the signal facing a vehicle apart from whether it entered on it; unknown is left out', () => {
    const c = clearedCase();
    const draft: LiabilityDraft = {
      ...aRearEndDraft(c),
      placeKind: 'signalised-junction',
      vehicles: [
        { id: 'A', action: 'stopped-in-traffic', signal: 'red', passedStopLine: 'no' },
        { id: 'B', action: 'going-straight', signal: 'unknown', passedStopLine: 'unknown' },
      ],
    };
    const facts = must(factsFromDraft(draft, true));
    expect(facts.vehicles).toEqual([
      { id: 'A', action: 'stopped-in-traffic', signal: 'red', passedStopLine: false },
      { id: 'B', action: 'going-straight' },
    ]);
    // the queued front vehicle ran no red light: B alone is at fault
    const d = proposeLiability(c, catalog, facts, T1);
    expect(must(d).decision.liability).toEqual({ A: 'none', B: 'full' });
  });

  it('refuses facts that do not hold together', () => {
    const c = clearedCase();
    const draft = { ...aRearEndDraft(c), impacts: [{ striking: 'B', struck: 'B' }] };
    expect(factsFromDraft(draft, true)).toMatchObject({ ok: false, reason: 'invalid-facts' });
  });
});

describe('proposing liability', () => {
  it('proposes B full, A none for a rear-end and moves the case on, with the basis', () => {
    const c = proposed();
    expect(c.state).toBe('liability-proposed');
    expect(c.liability?.proposal).toEqual({ A: 'none', B: 'full' });
    expect(c.liability?.decision?.catalogVersion).toBe(catalog.version);
    const finding = c.liability?.decision?.findings[0];
    expect(finding?.basis.map((b) => b.article)).toContain('第60条');
    expect(CaseRecordSchema.safeParse(c).success).toBe(true);
  });

  it('asks for more facts instead of guessing', () => {
    const c = clearedCase();
    const draft = { ...aRearEndDraft(c), impacts: [{ striking: 'B', struck: 'A' }] };
    const r = proposeLiability(c, catalog, must(factsFromDraft(draft, true)), T1);
    expect(r).toEqual({ ok: false, reason: 'need-more-facts', detail: 'same_lane_same_dir' });
  });

  it('escalates when the engine does, naming the rule', () => {
    const c = clearedCase();
    const draft = {
      ...aRearEndDraft(c),
      // The engine asks whether the facts are clear; "no" sends the case to the squad.
      checkAnswers: { [FACTS_DISPUTED_RULE]: 'no' as const },
    };
    const facts = must(factsFromDraft(draft, true));
    const r = must(proposeLiability(c, catalog, facts, T1));
    expect(r.case.state).toBe('escalated');
    expect(r.case.transitions.at(-1)?.reason).toBe(FACTS_DISPUTED_RULE);
    expect(r.case.liability?.decision?.outcome).toBe('escalate');
  });

  it('is refused before the scene is cleared', () => {
    const c = { ...clearedCase(), state: 'triaged' as const };
    const facts = must(factsFromDraft(aRearEndDraft(c), true));
    expect(proposeLiability(c, catalog, facts, T1)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
  });
});

describe('overriding the proposal', () => {
  it('keeps the override beside the proposal, with its reason', () => {
    const c = must(
      overrideLiability(proposed(), { A: 'secondary', B: 'primary' }, ' 前车无故急刹 ', T2),
    );
    expect(c.liability?.proposal).toEqual({ A: 'none', B: 'full' });
    expect(c.liability?.override).toEqual({
      liability: { A: 'secondary', B: 'primary' },
      reason: '前车无故急刹',
      at: T2,
    });
    expect(effectiveLiability(c)).toEqual({ A: 'secondary', B: 'primary' });
  });

  it('refuses an override without a written reason', () => {
    expect(overrideLiability(proposed(), { A: 'equal', B: 'equal' }, '   ', T2)).toMatchObject({
      ok: false,
      reason: 'reason-required',
    });
  });

  it('refuses an override that does not cover exactly the vehicles', () => {
    expect(overrideLiability(proposed(), { B: 'full' }, '理由', T2)).toMatchObject({
      ok: false,
      reason: 'bad-liability',
    });
  });

  it('a new proposal drops the old override', () => {
    const c = must(overrideLiability(proposed(), { A: 'equal', B: 'equal' }, '理由', T2));
    const again = must(proposeLiability(c, catalog, c.liability!.facts!, T3)).case;
    expect(again.liability?.override).toBeUndefined();
    expect(again.transitions.filter((t) => t.to === 'liability-proposed')).toHaveLength(1);
  });
});

describe('signing', () => {
  it('needs the notices read first', () => {
    const c = proposed();
    expect(
      recordSignature(c, { partyId: c.parties[0]!.id, contentSha256: HASH, image: PNG }, T3),
    ).toMatchObject({ ok: false, reason: 'notices-not-read' });
  });

  it('moves the case to signed once every driver has signed, each with time and hash', () => {
    const c = noticed();
    const [a, b] = c.parties;
    const one = must(recordSignature(c, { partyId: a!.id, contentSha256: HASH, image: PNG }, T3));
    expect(one.state).toBe('liability-proposed');
    const two = must(recordSignature(one, { partyId: b!.id, contentSha256: HASH, image: PNG }, T3));
    expect(two.state).toBe('signed');
    expect(two.liability?.signatures).toEqual([
      {
        partyId: a!.id,
        kind: 'signed',
        at: T3,
        contentSha256: HASH,
        contentVersion: 2,
        image: PNG,
      },
      {
        partyId: b!.id,
        kind: 'signed',
        at: T3,
        contentSha256: HASH,
        contentVersion: 2,
        image: PNG,
      },
    ]);
    expect(two.liability?.flaggedForReview).toBeUndefined();
    expect(CaseRecordSchema.safeParse(two).success).toBe(true);
  });

  it('refuses a second answer from the same party and an unknown party', () => {
    const c = noticed();
    const a = c.parties[0]!;
    const one = must(recordSignature(c, { partyId: a.id, contentSha256: HASH, image: PNG }, T3));
    expect(
      recordRefusal(one, { partyId: a.id, contentSha256: HASH, reason: 'x' }, T3),
    ).toMatchObject({
      ok: false,
      reason: 'already-answered',
    });
    expect(
      recordSignature(c, { partyId: testId(), contentSha256: HASH, image: PNG }, T3),
    ).toMatchObject({ ok: false, reason: 'unknown-party' });
  });

  it('keeps an objection beside a signature and flags the case for review', () => {
    const c = noticed();
    const input = {
      partyId: c.parties[0]!.id,
      contentSha256: HASH,
      image: PNG,
      objection: '不同意',
    };
    const signed = must(recordSignature(c, input, T3));
    expect(signed.liability?.signatures[0]?.reason).toBe('不同意');
    expect(signed.liability?.flaggedForReview).toEqual({ reason: '不同意', at: T3 });
  });
});

describe('refusing to sign (146号令 第24条)', () => {
  it('needs a reason', () => {
    const c = noticed();
    expect(
      recordRefusal(c, { partyId: c.parties[0]!.id, contentSha256: HASH, reason: ' ' }, T3),
    ).toMatchObject({ ok: false, reason: 'reason-required' });
  });

  it('records the refusal with its reason; the determination stands and the case is flagged', () => {
    const c = noticed();
    const [a, b] = c.parties;
    const one = must(
      recordRefusal(c, { partyId: a!.id, contentSha256: HASH, reason: '认为对方急刹' }, T3),
    );
    const two = must(recordSignature(one, { partyId: b!.id, contentSha256: HASH, image: PNG }, T3));
    expect(two.state).toBe('signed');
    expect(effectiveLiability(two)).toEqual({ A: 'none', B: 'full' });
    expect(two.liability?.signatures[0]).toEqual({
      partyId: a!.id,
      kind: 'refused',
      at: T3,
      contentSha256: HASH,
      contentVersion: 2,
      reason: '认为对方急刹',
    });
    expect(two.liability?.flaggedForReview).toEqual({ reason: '认为对方急刹', at: T3 });
    expect(CaseRecordSchema.safeParse(two).success).toBe(true);
  });
});

describe('disputed facts', () => {
  it('escalate the case with the reason recorded', () => {
    const c = must(disputeFacts(noticed(), '双方对谁变道各执一词', T3));
    expect(c.state).toBe('escalated');
    expect(c.liability?.dispute).toEqual({ reason: '双方对谁变道各执一词', at: T3 });
    expect(c.transitions.at(-1)?.reason).toBe(`${FACTS_DISPUTED_RULE}: 双方对谁变道各执一词`);
  });

  it('also before any proposal, and never without a reason', () => {
    expect(disputeFacts(clearedCase(), '', T3)).toMatchObject({
      ok: false,
      reason: 'reason-required',
    });
    expect(must(disputeFacts(clearedCase(), '各执一词', T3)).state).toBe('escalated');
  });

  it('no longer once the case is signed', () => {
    const c = noticed();
    const [a, b] = c.parties;
    const one = must(recordSignature(c, { partyId: a!.id, contentSha256: HASH, image: PNG }, T3));
    const two = must(recordSignature(one, { partyId: b!.id, contentSha256: HASH, image: PNG }, T3));
    expect(disputeFacts(two, '反悔', T3)).toMatchObject({ ok: false, reason: 'not-allowed' });
  });
});

describe('the first impact suggested by the damage', () => {
  const withDamage = (a: string[], b: string[]): CaseRecord => {
    const c = aCase().withVehicles(2).build();
    const [va, vb] = c.vehicles;
    if (!va || !vb) throw new Error('two vehicles');
    return {
      ...c,
      vehicles: [
        { ...va, damagedParts: a },
        { ...vb, damagedParts: b },
      ],
    };
  };

  it('is "B struck A" when A is damaged only at the rear and B only at the front', () => {
    expect(emptyDraft(withDamage(['rear'], ['front'])).impacts).toEqual([
      { striking: 'B', struck: 'A' },
    ]);
    expect(emptyDraft(withDamage(['front-bumper'], ['rear-bumper'])).impacts).toEqual([
      { striking: 'A', struck: 'B' },
    ]);
  });

  it('is nothing when the damage does not say it plainly', () => {
    for (const [a, b] of [
      [['rear'], ['rear']],
      [['rear', 'left'], ['front']],
      [[], ['front']],
      [['front-left'], ['rear']],
    ] as const) {
      expect(emptyDraft(withDamage([...a], [...b])).impacts).toEqual([{}]);
    }
  });
});
