// Every catalog scenario has a facts fixture that fires it and a near miss
// that does not; all 14 worked examples land on their expected outcome; each
// defect fixed in the engine has a fixture named after it.
import { describe, expect, it } from 'vitest';
import sharedExamples from '../../../tests/fixtures/liability/examples.source.json';
import type { LiabilityDecision, LiabilityMap } from './decision';
import { loadLiabilityCatalog } from './catalog';
import { evaluateLiabilityInput } from './input';

interface Expected {
  outcome: LiabilityDecision['outcome'];
  liability?: LiabilityMap;
  officerMustConfirm?: boolean;
  scenarios?: string[];
  escalationRuleId?: string;
  nextQuestionId?: string;
}
interface ScenarioFixture {
  scenarioId: string;
  kind: 'fires' | 'near-miss';
  description: string;
  facts: unknown;
  expected: Expected;
}
interface DefectFixture {
  issue: number;
  description: string;
  facts: unknown;
  expected: Expected & { absentScenarios?: string[]; hintWithheld?: boolean };
}
interface ExampleFixture {
  caseId: string;
  facts: unknown;
  expected: {
    type: 'liability' | 'escalate';
    liability?: LiabilityMap;
    escalationRuleId?: string;
    liability_if_investigated_hint?: LiabilityMap;
  };
  acceptableAlternatives: { liability: LiabilityMap }[];
}

const byName = <T>(files: Record<string, unknown>): [string, T][] =>
  Object.entries(files)
    .map(([path, value]): [string, T] => [path.split('/').pop() ?? path, value as T])
    .sort(([a], [b]) => a.localeCompare(b));

const scenarioFixtures = byName<ScenarioFixture>(
  import.meta.glob('../../../tests/fixtures/liability/scenarios/*.json', {
    eager: true,
    import: 'default',
  }),
);
const exampleFixtures = byName<ExampleFixture>(
  import.meta.glob('../../../tests/fixtures/liability/examples/*.json', {
    eager: true,
    import: 'default',
  }),
);

const defectFixtures = byName<DefectFixture>(
  import.meta.glob('../../../tests/fixtures/liability/defects/*.json', {
    eager: true,
    import: 'default',
  }),
);

const catalog = loadLiabilityCatalog();

function decide(facts: unknown): LiabilityDecision {
  const result = evaluateLiabilityInput(catalog, facts);
  if (!result.ok) throw new Error(`fixture facts invalid: ${result.detail ?? ''}`);
  if (Array.isArray(result.value)) throw new Error('one record expected');
  return result.value;
}

function expectOutcome(d: LiabilityDecision, e: Expected): void {
  expect(d.outcome).toBe(e.outcome);
  if (e.liability !== undefined) expect(d.liability).toEqual(e.liability);
  if (e.scenarios !== undefined) expect(d.scenarios).toEqual(e.scenarios);
  if (e.escalationRuleId !== undefined) expect(d.escalation?.ruleId).toBe(e.escalationRuleId);
  if (e.nextQuestionId !== undefined) expect(d.nextQuestion?.id).toBe(e.nextQuestionId);
  expect(d.officerMustConfirm).toBe(e.officerMustConfirm ?? false);
}

describe('catalog coverage', () => {
  it.each(catalog.scenarios.map((s) => s.id))('%s has a firing and a near-miss fixture', (id) => {
    const kinds = scenarioFixtures.filter(([, f]) => f.scenarioId === id).map(([, f]) => f.kind);
    expect(kinds).toContain('fires');
    expect(kinds).toContain('near-miss');
  });

  it('has no fixture for a scenario the catalog lacks', () => {
    const ids = new Set(catalog.scenarios.map((s) => s.id));
    const strays = scenarioFixtures.filter(([, f]) => !ids.has(f.scenarioId)).map(([n]) => n);
    expect(strays).toEqual([]);
  });
});

describe('scenario fixtures', () => {
  it.each(scenarioFixtures)('%s', (_name, fixture) => {
    // given the officer's facts; when the engine decides
    const d = decide(fixture.facts);
    // then it fires the scenario (or, for a near miss, does not) with the recorded outcome
    if (fixture.kind === 'fires') expect(d.scenarios).toContain(fixture.scenarioId);
    else expect(d.scenarios).not.toContain(fixture.scenarioId);
    expectOutcome(d, fixture.expected);
  });
});

describe('defect fixtures (named after the defect they pin down)', () => {
  it.each(defectFixtures)('%s', (_name, fixture) => {
    const d = decide(fixture.facts);
    const e = fixture.expected;
    expectOutcome(d, e);
    for (const id of e.absentScenarios ?? []) expect(d.scenarios).not.toContain(id);
    if (e.hintWithheld === true) {
      expect(d.liabilityHint).toBeUndefined();
      expect(d.liabilityHintWithheld?.en).toMatch(/cannot be derived/);
    }
  });
});

describe('worked examples (shared/liability/examples.json)', () => {
  it('has one fixture per worked example, with the expected outcome copied unchanged', () => {
    expect(exampleFixtures.map(([, f]) => f.caseId)).toEqual(sharedExamples.map((e) => e.case_id));
    for (const [, f] of exampleFixtures) {
      const source = sharedExamples.find((e) => e.case_id === f.caseId);
      expect(f.expected).toMatchObject(source?.expected ?? {});
      expect(f.acceptableAlternatives).toEqual(source?.acceptable_alternatives);
    }
  });

  it.each(exampleFixtures)('%s', (_name, fixture) => {
    const d = decide(fixture.facts);
    const e = fixture.expected;
    expect(d.outcome).toBe(e.type);
    if (e.type === 'liability') {
      const acceptable = [e.liability, ...fixture.acceptableAlternatives.map((a) => a.liability)];
      expect(acceptable).toContainEqual(d.liability);
    } else {
      expect(d.escalation?.ruleId).toBe(e.escalationRuleId);
      expect(d.liabilityHint).toEqual(e.liability_if_investigated_hint);
    }
  });
});
