import { describe, expect, it } from 'vitest';
import { TRIAGE_RULES } from './triage-rules';
import {
  answerTriage,
  answerTriageRecord,
  currentAnswers,
  openTriage,
  triageCase,
  triageRecordOutcome,
  type TriageAnswers,
} from './triage';
import { TriageRecord } from './triage.schema';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T02:01:00.000Z';
const T2 = '2026-11-27T02:02:00.000Z';

/**
 * For every rule, the answer to its question that fires it, read off the
 * question's wording. Kept apart from the catalogue's own table on purpose:
 * the two must agree.
 */
const FIRING_ANSWER: Record<string, boolean> = {
  'E01-death': true, // Has anyone died?
  'E02-injury': true, // Is anyone hurt …?
  'E03-suspected-crime': true, // Is any criminal offence suspected?
  'E04-alcohol-or-drugs': true, // Does any driver smell of alcohol …?
  'E05-no-valid-licence': true, // Does any driver lack a valid licence …?
  'E06-school-bus-or-passenger-transport-overload-speeding': true, // Is a school bus … involved …?
  'E07-no-or-false-plates': true, // Is any vehicle without plates, or with false ones?
  'E08-vehicle-cannot-be-moved': true, // Is there a vehicle the parties cannot move away?
  'E09-party-left-scene': true, // Has any party left the scene?
  'E10-intentional': true, // Is there evidence of a deliberate collision?
  'E11-no-inspection-or-insurance-mark': true, // Does any vehicle lack … inspection mark or CTPL cover?
  'E12-public-facility-or-building-damage': true, // Was anything other than the vehicles damaged?
  'E13-dangerous-goods': true, // Is any vehicle carrying dangerous goods?
  'E14-facts-or-cause-disputed': true, // Do the parties disagree, with nothing to settle it …?
  'E15-scene-destroyed-or-faked': true, // Has anyone deliberately altered … evidence?
  'E16-assembled-or-scrapped-vehicle': true, // Is any vehicle assembled illegally …?
  'E17-diplomatic-immunity': true, // Does any party present diplomatic identity documents?
  'E18-non-motor-vehicle-or-pedestrian': true, // Is a non-motor vehicle or a pedestrian involved?
};

/** Every rule answered the safe way. */
function allSafe(): Record<string, { answer: boolean; at: string }> {
  return Object.fromEntries(
    Object.entries(FIRING_ANSWER).map(([id, fires]) => [id, { answer: !fires, at: T0 }]),
  );
}

describe('triageCase — every rule has a case that fires it and one that does not', () => {
  it('covers every rule of the catalogue', () => {
    expect(TRIAGE_RULES.rules.map((r) => r.id).sort()).toEqual(Object.keys(FIRING_ANSWER).sort());
  });

  it('is quick when every rule is answered the safe way', () => {
    expect(triageCase(TRIAGE_RULES, allSafe())).toEqual({ outcome: 'quick' });
  });

  it.each(Object.entries(FIRING_ANSWER))('%s fires on %s', (ruleId, fires) => {
    const answers: TriageAnswers = { ...allSafe(), [ruleId]: { answer: fires, at: T1 } };
    const result = triageCase(TRIAGE_RULES, answers);
    if (result.outcome !== 'escalate') throw new Error(`expected escalate, got ${result.outcome}`);
    expect(result.fired.map((f) => f.ruleId)).toEqual([ruleId]);
    const [fired] = result.fired;
    expect(fired?.answeredAt).toBe(T1);
    expect(fired?.legalBasis.length).toBeGreaterThan(0);
    expect(fired?.condition.zh.length).toBeGreaterThan(0);
    expect(fired?.sceneInstruction.en.length).toBeGreaterThan(0);
    expect(result.unanswered).toEqual([]);
  });
});

describe('triageCase — partial answers', () => {
  it('is incomplete with every rule listed when nothing is answered', () => {
    const result = triageCase(TRIAGE_RULES, {});
    expect(result).toEqual({ outcome: 'incomplete', unanswered: Object.keys(FIRING_ANSWER) });
  });

  it('escalates as soon as one rule fires, listing what is still unanswered', () => {
    const result = triageCase(TRIAGE_RULES, { 'E02-injury': { answer: true, at: T0 } });
    expect(result.outcome).toBe('escalate');
    if (result.outcome !== 'escalate') return;
    expect(result.fired.map((f) => f.ruleId)).toEqual(['E02-injury']);
    expect(result.unanswered).toHaveLength(17);
    expect(result.unanswered).not.toContain('E02-injury');
  });

  it('lists several fired rules in catalogue order, with their actions', () => {
    const answers = {
      ...allSafe(),
      'E18-non-motor-vehicle-or-pedestrian': { answer: true, at: T0 },
      'E04-alcohol-or-drugs': { answer: true, at: T0 },
    };
    const result = triageCase(TRIAGE_RULES, answers);
    if (result.outcome !== 'escalate') throw new Error('expected escalate');
    expect(result.fired.map((f) => [f.ruleId, f.action])).toEqual([
      ['E04-alcohol-or-drugs', 'escalate'],
      ['E18-non-motor-vehicle-or-pedestrian', 'out-of-scope'],
    ]);
  });

  it('ignores answers to rule ids the catalogue does not have', () => {
    expect(
      triageCase(TRIAGE_RULES, { ...allSafe(), 'E99-retired': { answer: true, at: T0 } }),
    ).toEqual({
      outcome: 'quick',
    });
  });
});

describe('answer history', () => {
  it('keeps every change with its time; the last answer stands', () => {
    let h = answerTriage([], 'E02-injury', true, T0);
    h = answerTriage(h, 'E01-death', false, T1);
    h = answerTriage(h, 'E02-injury', false, T2);
    expect(h).toEqual([
      { ruleId: 'E02-injury', answer: true, at: T0 },
      { ruleId: 'E01-death', answer: false, at: T1 },
      { ruleId: 'E02-injury', answer: false, at: T2 },
    ]);
    expect(currentAnswers(h)).toEqual({
      'E02-injury': { answer: false, at: T2 },
      'E01-death': { answer: false, at: T1 },
    });
  });

  it('returns the same history when the answer does not change', () => {
    const h = answerTriage([], 'E01-death', false, T0);
    expect(answerTriage(h, 'E01-death', false, T1)).toBe(h);
  });

  it('goes by order, not by the clock, when the device clock was set back', () => {
    const h = answerTriage(answerTriage([], 'E02-injury', true, T2), 'E02-injury', false, T0);
    expect(currentAnswers(h)['E02-injury']).toEqual({ answer: false, at: T0 });
  });

  it('does not change the history it was given', () => {
    const h = answerTriage([], 'E01-death', false, T0);
    const copy = structuredClone(h);
    answerTriage(h, 'E01-death', true, T1);
    expect(h).toEqual(copy);
  });
});

describe('TriageRecord', () => {
  it('opens empty under the catalogue version, records answers and parses', () => {
    let record = openTriage(TRIAGE_RULES);
    expect(record).toEqual({
      schemaVersion: 1,
      rulesVersion: TRIAGE_RULES.version,
      history: [],
    });
    for (const [id, answer] of Object.entries(allSafe())) {
      record = answerTriageRecord(record, id, answer.answer, T1);
    }
    expect(triageRecordOutcome(TRIAGE_RULES, record)).toEqual({ outcome: 'quick' });
    expect(answerTriageRecord(record, 'E01-death', false, T2)).toBe(record);
    const revised = answerTriageRecord(record, 'E01-death', true, T2);
    expect(revised.history).toHaveLength(19);
    expect(triageRecordOutcome(TRIAGE_RULES, revised).outcome).toBe('escalate');
    expect(TriageRecord.safeParse(revised).success).toBe(true);
  });

  it.each([
    ['a wrong schema version', { schemaVersion: 2, rulesVersion: 'v', history: [] }],
    [
      'an answer without time',
      { schemaVersion: 1, rulesVersion: 'v', history: [{ ruleId: 'E01-death', answer: true }] },
    ],
    [
      'a non-boolean answer',
      {
        schemaVersion: 1,
        rulesVersion: 'v',
        history: [{ ruleId: 'E01-death', answer: 'yes', at: T0 }],
      },
    ],
    ['an empty rules version', { schemaVersion: 1, rulesVersion: '', history: [] }],
  ])('refuses %s', (_what, value) => {
    expect(TriageRecord.safeParse(value).success).toBe(false);
  });
});
