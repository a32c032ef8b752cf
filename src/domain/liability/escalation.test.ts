// Escalation rules: checked before liability, reused by the triage screen.
import { describe, expect, it } from 'vitest';
import { loadLiabilityCatalog } from './catalog';
import type { EscalationAnswers } from './escalation';
import { escalationAnswersFromFacts, evaluateEscalation } from './escalation';
import type { LiabilityFactsV1 as LiabilityFacts } from './facts.schema';

const rules = loadLiabilityCatalog().escalationRules;
const clear: Record<string, 'yes' | 'no'> = Object.fromEntries(
  rules.map((r) => [r.id, r.escalateWhen === 'yes' ? 'no' : 'yes']),
);

describe('evaluateEscalation', () => {
  it.each(rules.map((r) => [r.id, r.escalateWhen] as const))(
    '%s fires when its check question is answered "%s"',
    (id, trigger) => {
      const result = evaluateEscalation(rules, { ...clear, [id]: trigger });
      expect(result.status).toBe('escalate');
      if (result.status === 'escalate') expect(result.rule.id).toBe(id);
    },
  );

  it('is clear when every answer is the non-triggering one', () => {
    expect(evaluateEscalation(rules, clear)).toEqual({ status: 'clear' });
  });

  it('asks the first unanswered rule in catalog order', () => {
    const { ['E04-alcohol-or-drugs']: _skip, ['E09-party-left-scene']: _skip2, ...partial } = clear;
    const result = evaluateEscalation(rules, partial);
    expect(result).toMatchObject({
      status: 'unanswered',
      unansweredRuleIds: ['E04-alcohol-or-drugs', 'E09-party-left-scene'],
    });
  });

  it('lets a fired rule win over unanswered ones, reporting all that fired', () => {
    const answers: EscalationAnswers = {
      'E13-dangerous-goods': 'yes',
      'E16-assembled-or-scrapped-vehicle': 'yes',
    };
    const result = evaluateEscalation(rules, answers);
    expect(result).toMatchObject({
      status: 'escalate',
      firedRuleIds: ['E13-dangerous-goods', 'E16-assembled-or-scrapped-vehicle'],
    });
  });
});

describe('escalationAnswersFromFacts', () => {
  const facts = (patch: Partial<LiabilityFacts>): LiabilityFacts => ({
    schemaVersion: 1,
    place: { kind: 'road-section' },
    vehicles: [
      { id: 'A', action: 'going-straight' },
      { id: 'B', action: 'slowing' },
    ],
    impacts: [{ striking: 'A', struck: 'B' }],
    ...patch,
  });

  it('fills the unanswered rules with the clear answer when the officer marked all clear', () => {
    expect(escalationAnswersFromFacts(rules, facts({ checks: { allClear: true } }))).toEqual(clear);
  });

  it('leaves rules unanswered without allClear', () => {
    const answers = escalationAnswersFromFacts(
      rules,
      facts({ checks: { answers: { 'E02-injury': 'no' } } }),
    );
    expect(answers).toEqual({ 'E02-injury': 'no' });
  });

  it.each([
    ['E07-no-or-false-plates', { status: { plates: 'forged' } }],
    ['E08-vehicle-cannot-be-moved', { status: { movable: false } }],
    ['E09-party-left-scene', { status: { leftScene: true } }],
    ['E10-intentional', { status: { deliberate: true } }],
    ['E13-dangerous-goods', { load: { dangerousGoods: true } }],
    ['E16-assembled-or-scrapped-vehicle', { status: { scrappedOrAssembled: true } }],
    ['E18-non-motor-vehicle-or-pedestrian', { kind: 'non-motor' }],
  ] as const)('derives %s from the vehicle record, overriding a contrary answer', (id, patch) => {
    const f = facts({
      vehicles: [
        { id: 'A', action: 'going-straight', ...patch },
        { id: 'B', action: 'slowing' },
      ],
      checks: { allClear: true, answers: { [id]: clear[id] ?? 'no' } },
    });
    const result = evaluateEscalation(rules, escalationAnswersFromFacts(rules, f));
    expect(result).toMatchObject({ status: 'escalate', rule: { id } });
  });

  it('derives E14 from an impact whose sequence is disputed', () => {
    const f = facts({
      impacts: [{ striking: 'A', struck: 'B', sequenceDisputed: true }],
      checks: { allClear: true },
    });
    expect(evaluateEscalation(rules, escalationAnswersFromFacts(rules, f))).toMatchObject({
      rule: { id: 'E14-facts-or-cause-disputed' },
    });
  });
});
