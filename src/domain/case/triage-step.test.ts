import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { TRIAGE_RULES } from '../triage/triage-rules';
import type { CaseRecord } from './case.schema';
import { confirmAllNormal, recordTriageAnswer, settleTriage, triageAnswersOf } from './triage-step';

const T1 = '2026-11-27T02:01:00.000Z';
const T2 = '2026-11-27T02:02:00.000Z';

/** Answers every rule so that none fires. */
function answerAllSafely(c: CaseRecord, at = T1): CaseRecord {
  return TRIAGE_RULES.rules.reduce((acc, rule) => {
    const r = recordTriageAnswer(acc, TRIAGE_RULES, rule.id, !rule.firesOn, at);
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  }, c);
}

describe('triage on a case', () => {
  it('keeps every answer with its time, revisions included', () => {
    const rule = TRIAGE_RULES.rules[0];
    if (!rule) throw new Error('no rules');
    let c = aCase().build();
    for (const [answer, at] of [
      [true, T1],
      [false, T2],
    ] as const) {
      const r = recordTriageAnswer(c, TRIAGE_RULES, rule.id, answer, at);
      if (!r.ok) throw new Error(r.reason);
      c = r.value;
    }
    expect(c.triage?.history).toEqual([
      { ruleId: rule.id, answer: true, at: T1 },
      { ruleId: rule.id, answer: false, at: T2 },
    ]);
    expect(c.triage?.rulesVersion).toBe(TRIAGE_RULES.version);
  });

  it('refuses an unknown rule id', () => {
    expect(recordTriageAnswer(aCase().build(), TRIAGE_RULES, 'E99-nope', true, T1)).toMatchObject({
      ok: false,
      reason: 'unknown-rule',
    });
  });

  it('settles a case with no rule fired as triaged, once', () => {
    const r = settleTriage(answerAllSafely(aCase().build()), TRIAGE_RULES, T2);
    expect(r.ok && r.value.state).toBe('triaged');
    const again = r.ok ? settleTriage(r.value, TRIAGE_RULES, T2) : r;
    expect(again.ok && again.value.transitions.filter((t) => t.to === 'triaged')).toHaveLength(1);
  });

  it('escalates naming the rule that fired, even with questions left', () => {
    const injury = TRIAGE_RULES.rules.find((r) => r.id.includes('injur'));
    if (!injury) throw new Error('no injury rule');
    const answered = recordTriageAnswer(
      aCase().build(),
      TRIAGE_RULES,
      injury.id,
      injury.firesOn,
      T1,
    );
    if (!answered.ok) throw new Error(answered.reason);
    const r = settleTriage(answered.value, TRIAGE_RULES, T2);
    expect(r.ok && r.value.state).toBe('escalated');
    expect(r.ok && r.value.transitions.at(-1)?.reason).toBe(injury.id);
  });

  it('will not settle while nothing has fired and questions remain', () => {
    expect(settleTriage(aCase().build(), TRIAGE_RULES, T2)).toMatchObject({
      ok: false,
      reason: 'incomplete',
    });
  });

  it('"all normal" records every rule as answered, one event each with its time, and settles', () => {
    const r = confirmAllNormal(aCase().build(), TRIAGE_RULES, T2);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.state).toBe('triaged');
    expect(r.value.triage?.history).toEqual(
      TRIAGE_RULES.rules.map((rule) => ({ ruleId: rule.id, answer: !rule.firesOn, at: T2 })),
    );
    // Exactly what answering each question "否" would have stored.
    const oneByOne = answerAllSafely(aCase().build(), T2);
    expect(r.value.triage).toEqual(oneByOne.triage);
  });

  it('"all normal" keeps the answers already given and answers only the rest', () => {
    const answered = recordTriageAnswer(aCase().build(), TRIAGE_RULES, 'E02-injury', false, T1);
    if (!answered.ok) throw new Error(answered.reason);
    const r = confirmAllNormal(answered.value, TRIAGE_RULES, T2);
    if (!r.ok) throw new Error(r.reason);
    const history = r.value.triage?.history ?? [];
    expect(history).toHaveLength(TRIAGE_RULES.rules.length);
    expect(history.filter((e) => e.ruleId === 'E02-injury')).toEqual([
      { ruleId: 'E02-injury', answer: false, at: T1 },
    ]);
  });

  it('"all normal" is refused once an answer fired a rule', () => {
    const answered = recordTriageAnswer(
      aCase().build(),
      TRIAGE_RULES,
      'E09-party-left-scene',
      true,
      T1,
    );
    if (!answered.ok) throw new Error(answered.reason);
    expect(confirmAllNormal(answered.value, TRIAGE_RULES, T2)).toMatchObject({
      ok: false,
      reason: 'rule-fired',
      detail: 'E09-party-left-scene',
    });
  });

  it('"是" always fires: every rule fires on yes', () => {
    expect(TRIAGE_RULES.rules.every((rule) => rule.firesOn)).toBe(true);
  });

  it('reads a record answered under 2026.1, whose "valid licence?" fired on no, in today\'s words', () => {
    // Under 2026.1 the officer answered "yes, every licence is valid" and "no, nobody died".
    const legacy = aCase().build();
    const c: CaseRecord = {
      ...legacy,
      triage: {
        schemaVersion: 1,
        rulesVersion: 'escalation-rules/2026.1',
        history: [
          { ruleId: 'E05-no-valid-licence', answer: true, at: T1 },
          { ruleId: 'E01-death', answer: false, at: T1 },
        ],
      },
    };
    expect(triageAnswersOf(c, TRIAGE_RULES)['E05-no-valid-licence']).toEqual({
      answer: false,
      at: T1,
    });
    const r = confirmAllNormal(c, TRIAGE_RULES, T2);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.state).toBe('triaged');
    expect(r.value.triage?.rulesVersion).toBe(TRIAGE_RULES.version);
    expect(r.value.triage?.history[0]).toEqual({
      ruleId: 'E05-no-valid-licence',
      answer: false,
      at: T1,
    });
  });
});
