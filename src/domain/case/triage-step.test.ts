import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { TRIAGE_RULES } from '../triage/triage-rules';
import type { CaseRecord } from './case.schema';
import { recordTriageAnswer, settleTriage } from './triage-step';

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
});
