import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { aRearEndDraft } from '../../../tests/builders/liability.builder';
import { loadLiabilityCatalog } from '../liability/catalog';
import type { NextQuestion } from '../liability/decision';
import type { CaseRecord } from './case.schema';
import { answerLiabilityQuestion, fitLiabilityDraft, isProposalFor } from './liability-draft';
import type { LiabilityDraft } from './liability-record.schema';
import { emptyDraft, factsFromDraft, proposeLiability } from './liability-step';

const catalog = loadLiabilityCatalog();
const T1 = '2026-11-27T02:30:00.000Z';

/** A case with vehicles A, B, … (by label) and `draft` stored as the officer's answers. */
function caseWithDraft(vehicles: number, draft?: LiabilityDraft): CaseRecord {
  const c = aCase().withVehicles(vehicles).build();
  return draft ? { ...c, liability: { schemaVersion: 1, signatures: [], draft } } : c;
}

const draftOf = (patch: Partial<LiabilityDraft>): LiabilityDraft => ({
  vehicles: [],
  impacts: [],
  answers: [],
  checkAnswers: {},
  ...patch,
});

function must<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('fitLiabilityDraft', () => {
  it('starts from an empty draft: a row per vehicle and one impact', () => {
    // given a case with two vehicles and nothing answered
    const c = caseWithDraft(2);
    // when the draft is fitted
    const draft = fitLiabilityDraft(c);
    // then it is the empty draft
    expect(draft).toEqual(emptyDraft(c));
    expect(draft.vehicles).toEqual([{ id: 'A' }, { id: 'B' }]);
    expect(draft.impacts).toEqual([{}]);
  });

  it("keeps each remaining vehicle's answers in the case's order and adds rows for new ones", () => {
    // given a stored draft for B and a vehicle Z that is no longer on the case
    const stored = draftOf({
      placeKind: 'road-section',
      vehicles: [
        { id: 'Z', action: 'reversing' },
        { id: 'B', action: 'going-straight', conditions: ['speeding'] },
      ],
      answers: [{ questionId: 'q1', value: 'yes' }],
      checkAnswers: { 'E01-death': 'no' },
    });
    // when it is fitted to a case with A, B and C
    const draft = fitLiabilityDraft(caseWithDraft(3, stored));
    // then B keeps its answers, A and C are new, Z is gone, the rest is kept
    expect(draft).toEqual({
      ...stored,
      vehicles: [
        { id: 'A' },
        { id: 'B', action: 'going-straight', conditions: ['speeding'] },
        { id: 'C' },
      ],
      impacts: [{}],
    });
  });

  it('forgets vehicles an impact names that are no longer on the case, keeping its relation', () => {
    // given impacts that name C, which has since been removed
    const stored = draftOf({
      vehicles: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      impacts: [
        { striking: 'B', struck: 'A', relation: 'same-lane' },
        { striking: 'C', struck: 'B', relation: 'crossing' },
        { striking: 'A', struck: 'C' },
      ],
    });
    // when it is fitted to a case with A and B
    const draft = fitLiabilityDraft(caseWithDraft(2, stored));
    // then only A and B are named
    expect(draft.impacts).toEqual([
      { striking: 'B', struck: 'A', relation: 'same-lane' },
      { struck: 'B', relation: 'crossing' },
      { striking: 'A' },
    ]);
  });

  it('always leaves one impact to answer', () => {
    // given a stored draft with no impacts
    const stored = draftOf({ vehicles: [{ id: 'A' }, { id: 'B' }] });
    // when it is fitted, then there is one empty impact
    expect(fitLiabilityDraft(caseWithDraft(2, stored)).impacts).toEqual([{}]);
  });
});

describe('answerLiabilityQuestion', () => {
  const text = { zh: '？', en: '?' };
  const escalation: NextQuestion = { id: 'E01-death', source: 'escalation', text };
  const laneQuestion = (vehicleId?: string): NextQuestion => ({
    id: 'lane_change_completed',
    source: 'scenario',
    text,
    ...(vehicleId && { vehicleId }),
  });

  it('puts an escalation check answer under its rule id, keeping the others', () => {
    // given a draft with one check answered
    const draft = draftOf({ checkAnswers: { 'E02-injury': 'no' } });
    // when the death check is answered
    const next = answerLiabilityQuestion(draft, escalation, 'yes');
    // then both checks are there and the catalog answers are untouched
    expect(next.checkAnswers).toEqual({ 'E02-injury': 'no', 'E01-death': 'yes' });
    expect(next.answers).toBe(draft.answers);
    expect(draft.checkAnswers).toEqual({ 'E02-injury': 'no' });
  });

  it('adds a catalog answer about a vehicle, and a second answer replaces the first', () => {
    // given a draft with an answer to the same question about another vehicle
    const draft = draftOf({
      answers: [{ questionId: 'lane_change_completed', vehicleId: 'B', value: 'no' }],
    });
    // when the question about A is answered twice
    const once = answerLiabilityQuestion(draft, laneQuestion('A'), 'no');
    const twice = answerLiabilityQuestion(once, laneQuestion('A'), 'yes');
    // then B's answer stays and A has only the latest
    expect(twice.answers).toEqual([
      { questionId: 'lane_change_completed', vehicleId: 'B', value: 'no' },
      { questionId: 'lane_change_completed', vehicleId: 'A', value: 'yes' },
    ]);
    expect(twice.checkAnswers).toBe(draft.checkAnswers);
    expect(draft.answers).toHaveLength(1);
  });

  it('records a question about no vehicle without a vehicle id', () => {
    // given an empty draft, when a question about no vehicle is answered
    const next = answerLiabilityQuestion(draftOf({}), laneQuestion(), 'yes');
    // then the answer names no vehicle
    expect(next.answers).toEqual([{ questionId: 'lane_change_completed', value: 'yes' }]);
    expect(next.answers[0]).not.toHaveProperty('vehicleId');
  });
});

describe('isProposalFor', () => {
  /** B, going straight, ran into the back of A, which was slowing. */
  const rearEnd = (c: CaseRecord) => must(factsFromDraft(aRearEndDraft(c), true));
  const cleared = () => aCase().withVehicles(2).with({ state: 'scene-cleared' }).build();

  it('is true for the facts the case was proposed on, whatever their key order', () => {
    // given a case proposed on the rear-end facts
    const c = cleared();
    const facts = rearEnd(c);
    const proposed = must(proposeLiability(c, catalog, facts, T1)).case;
    // when the same facts are built again with their keys in another order
    const reordered = Object.fromEntries(Object.entries(facts).reverse()) as typeof facts;
    // then the stored proposal is theirs
    expect(isProposalFor(proposed, facts)).toBe(true);
    expect(isProposalFor(proposed, reordered)).toBe(true);
  });

  it('is false once an answer changes', () => {
    // given a case proposed on the rear-end facts
    const c = cleared();
    const proposed = must(proposeLiability(c, catalog, rearEnd(c), T1)).case;
    // when A is said to have been going straight too
    const changed = rearEnd(c);
    const other = {
      ...changed,
      vehicles: changed.vehicles.map((v) => ({ ...v, action: 'going-straight' as const })),
    };
    // then the stored proposal is not for these facts
    expect(isProposalFor(proposed, other)).toBe(false);
  });

  it('is false before a proposal and once the case has moved on', () => {
    // given a cleared case with nothing proposed, and a proposed case later signed
    const c = cleared();
    const facts = rearEnd(c);
    const signed: CaseRecord = {
      ...must(proposeLiability(c, catalog, facts, T1)).case,
      state: 'signed',
    };
    // then neither shows a current proposal
    expect(isProposalFor(c, facts)).toBe(false);
    expect(isProposalFor(signed, facts)).toBe(false);
  });
});
