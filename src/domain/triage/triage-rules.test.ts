import { describe, expect, it } from 'vitest';
import raw from './escalation-rules.json';
import { TRIAGE_FIRES_ON, TRIAGE_RULES, TRIAGE_RULES_VERSION } from './triage-rules';
import { parseTriageRules } from './triage-rules.schema';

describe('the bundled escalation catalogue', () => {
  it('loads all 18 rules, in file order, with the bundled version', () => {
    expect(TRIAGE_RULES.version).toBe(TRIAGE_RULES_VERSION);
    expect(TRIAGE_RULES.rules.map((r) => r.id.slice(0, 3))).toEqual(
      Array.from({ length: 18 }, (_, i) => `E${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('gives every rule words in both languages and a legal basis', () => {
    for (const rule of TRIAGE_RULES.rules) {
      expect(rule.condition.zh && rule.condition.en).toBeTruthy();
      expect(rule.question.zh && rule.question.en).toBeTruthy();
      expect(rule.sceneInstruction.zh && rule.sceneInstruction.en).toBeTruthy();
      expect(rule.legalBasis.length).toBeGreaterThan(0);
    }
  });

  it('marks only the non-motor / pedestrian rule as out of scope', () => {
    expect(TRIAGE_RULES.rules.filter((r) => r.action === 'out-of-scope').map((r) => r.id)).toEqual([
      'E18-non-motor-vehicle-or-pedestrian',
    ]);
  });

  it('has a polarity for exactly the rules in the file', () => {
    expect(Object.keys(TRIAGE_FIRES_ON).sort()).toEqual(raw.map((r) => r.id).sort());
  });
});

describe('parseTriageRules', () => {
  const first = raw[0];

  it('refuses a rule with no agreed polarity', () => {
    expect(parseTriageRules([first], 'v', {})).toMatchObject({
      ok: false,
      reason: 'no-polarity',
    });
  });

  it('refuses a duplicated rule id', () => {
    const firesOn = { 'E01-death': true };
    expect(parseTriageRules([first, first], 'v', firesOn)).toMatchObject({
      ok: false,
      reason: 'duplicate-rule-id',
      detail: 'E01-death',
    });
  });

  it.each([
    ['no legal basis', { ...first, legal_basis: [] }],
    ['an empty condition', { ...first, condition_zh: '' }],
    ['an unknown action', { ...first, app_action: 'ignore' }],
    ['a malformed id', { ...first, id: 'death' }],
  ])('refuses a rule with %s', (_what, rule) => {
    expect(parseTriageRules([rule], 'v', { 'E01-death': true, death: true })).toMatchObject({
      ok: false,
      reason: 'invalid-catalog',
    });
  });

  it('refuses an empty catalogue', () => {
    expect(parseTriageRules([], 'v', {})).toMatchObject({
      ok: false,
      reason: 'invalid-catalog',
    });
  });
});
