// The engine beyond single fixtures: the officer-question loop, chains of
// three vehicles, combining faults, local rules and the shape of findings.
import { describe, expect, it } from 'vitest';
import { loadLiabilityCatalog } from './catalog';
import { evaluateLiability } from './evaluate';
import type { LiabilityFactsV1 as LiabilityFacts, QuestionAnswer, Vehicle } from './facts.schema';

const catalog = loadLiabilityCatalog();

/** A two-vehicle facts builder: given(A, B).at(place).impact(...).build() */
function facts(vehicles: Vehicle[], patch: Partial<LiabilityFacts> = {}): LiabilityFacts {
  const [a, b] = vehicles;
  return {
    schemaVersion: 1,
    place: { kind: 'road-section', light: 'day' },
    vehicles,
    impacts: [{ striking: a?.id ?? 'A', struck: b?.id ?? 'B' }],
    checks: { allClear: true },
    ...patch,
  };
}

describe('the officer-question loop', () => {
  it('asks the escalation check questions first when triage is incomplete', () => {
    const d = evaluateLiability(catalog, {
      ...facts([
        { id: 'A', action: 'reversing' },
        { id: 'B', action: 'going-straight' },
      ]),
      checks: undefined,
    });
    expect(d.outcome).toBe('need-more-facts');
    expect(d.nextQuestion).toMatchObject({
      id: 'E01-death',
      source: 'escalation',
      text: { zh: '是否有人员死亡？' },
    });
  });

  it('asks catalog questions until the facts decide, then decides', () => {
    // given a lane change where nobody recorded whether it had been completed
    const base = facts(
      [
        { id: 'A', action: 'changing-lanes' },
        { id: 'B', action: 'going-straight' },
      ],
      {
        place: { kind: 'road-section', light: 'day', motorLanesThisWay: 2 },
        impacts: [{ striking: 'B', struck: 'A', relation: 'adjacent-lanes' }],
      },
    );
    const answers: QuestionAnswer[] = [];
    const asked: string[] = [];
    let d = evaluateLiability(catalog, base);
    // when the officer answers each question with the lane changer at fault
    while (d.outcome === 'need-more-facts' && asked.length < 5) {
      const q = d.nextQuestion;
      if (q === undefined) break;
      asked.push(q.id);
      answers.push({
        questionId: q.id,
        ...(q.vehicleId === undefined ? {} : { vehicleId: q.vehicleId }),
        value: 'no',
      });
      d = evaluateLiability(catalog, { ...base, answers });
    }
    // then one question sufficed and A is fully liable
    expect(asked).toEqual(['lane_change_completed']);
    expect(d.liability).toEqual({ A: 'full', B: 'none' });
    expect(d.findings[0]?.factsUsed).toContainEqual({
      questionId: 'lane_change_completed',
      answer: 'no',
      from: ['answers'],
    });
  });

  it('gives the question with its options and the vehicles it is about', () => {
    const d = evaluateLiability(
      catalog,
      facts(
        [
          { id: 'A', action: 'merging' },
          { id: 'B', action: 'slowing' },
        ],
        {
          place: { kind: 'lane-reduction', queueing: true },
          impacts: [{ striking: 'A', struck: 'B', relation: 'adjacent-lanes' }],
        },
      ),
    );
    expect(d.nextQuestion).toMatchObject({
      id: 'order_established',
      vehicleId: 'A',
      otherVehicleId: 'B',
      scenarioId: 'lane-reduction-no-alternate-merge',
      options: [{ value: 'yes' }, { value: 'no' }],
    });
  });

  it('escalates instead of guessing when the officer cannot establish the facts', () => {
    const d = evaluateLiability(
      catalog,
      facts(
        [
          { id: 'A', action: 'merging' },
          { id: 'B', action: 'slowing' },
        ],
        {
          place: { kind: 'lane-reduction', queueing: true },
          impacts: [{ striking: 'A', struck: 'B', relation: 'adjacent-lanes' }],
          answers: [{ questionId: 'order_established', vehicleId: 'A', value: 'no' }],
        },
      ),
    );
    expect(d.outcome).toBe('escalate');
    expect(d.escalation?.ruleId).toBe('E14-facts-or-cause-disputed');
  });
});

describe('chains of three vehicles', () => {
  const parked = (id: string): Vehicle => ({ id, action: 'parked', stopped: { lawful: true } });
  const queue = (id: string): Vehicle => ({ id, action: 'stopped-in-traffic' });

  it('makes the pusher liable for both impacts of a single push', () => {
    const d = evaluateLiability(
      catalog,
      facts([{ id: 'A', action: 'going-straight' }, parked('B'), parked('C')], {
        impacts: [
          { striking: 'A', struck: 'B' },
          { striking: 'B', struck: 'C', relation: 'same-lane', pushedBy: 'A' },
        ],
      }),
    );
    expect(d.liability).toEqual({ A: 'full', B: 'none', C: 'none' });
    expect(d.impacts[1]?.liability).toEqual({ A: 'full', B: 'none', C: 'none' });
  });

  it('decides two separate impacts each on its own, then per vehicle', () => {
    // B ran into A's rear, then C ran into B's rear
    const d = evaluateLiability(
      catalog,
      facts(
        [queue('A'), { id: 'B', action: 'going-straight' }, { id: 'C', action: 'going-straight' }],
        {
          impacts: [
            { striking: 'B', struck: 'A', relation: 'same-lane' },
            { striking: 'C', struck: 'B', relation: 'same-lane' },
          ],
        },
      ),
    );
    expect(d.impacts.map((i) => i.liability)).toEqual([
      { B: 'full', A: 'none' },
      { C: 'full', B: 'none' },
    ]);
    expect(d.liability).toEqual({ A: 'none', B: 'full', C: 'full' });
  });

  it('escalates when the order of the impacts is disputed', () => {
    const d = evaluateLiability(
      catalog,
      facts(
        [queue('A'), { id: 'B', action: 'going-straight' }, { id: 'C', action: 'going-straight' }],
        {
          impacts: [
            { striking: 'B', struck: 'A', relation: 'same-lane', sequenceDisputed: true },
            { striking: 'C', struck: 'B', relation: 'same-lane' },
          ],
        },
      ),
    );
    expect(d.escalation?.ruleId).toBe('E14-facts-or-cause-disputed');
    expect(d.liability).toBeUndefined();
  });
});

describe('combining faults', () => {
  it('proposes primary/secondary, for the officer to confirm, when the innocent party was speeding', () => {
    const d = evaluateLiability(
      catalog,
      facts([
        { id: 'A', action: 'reversing' },
        { id: 'B', action: 'going-straight', conditions: ['speeding'] },
      ]),
    );
    expect(d.liability).toEqual({ A: 'primary', B: 'secondary' });
    expect(d.officerMustConfirm).toBe(true);
    expect(d.alternatives.map((a) => a.liability)).toEqual([{ A: 'full', B: 'none' }]);
  });

  it('gives equal when both ran the red light, with primary/secondary as the officer’s alternatives', () => {
    const d = evaluateLiability(
      catalog,
      facts(
        [
          { id: 'A', action: 'going-straight', signal: 'red', heading: 'N' },
          { id: 'B', action: 'going-straight', signal: 'red', heading: 'E' },
        ],
        {
          place: { kind: 'signalised-junction' },
          impacts: [{ striking: 'A', struck: 'B', relation: 'crossing' }],
        },
      ),
    );
    expect(d.liability).toEqual({ A: 'equal', B: 'equal' });
    expect(d.alternatives).toHaveLength(2);
  });

  it('applies the local left-lane-yields rule to a simultaneous lane change when the city has it', () => {
    const both = (localRules?: LiabilityFacts['localRules']): LiabilityFacts =>
      facts(
        [
          {
            id: 'A',
            action: 'changing-lanes',
            laneChange: { fromSide: 'right', completed: false },
          },
          { id: 'B', action: 'changing-lanes', laneChange: { fromSide: 'left', completed: false } },
        ],
        {
          impacts: [{ striking: 'A', struck: 'B', relation: 'adjacent-lanes' }],
          ...(localRules ? { localRules } : {}),
        },
      );
    expect(evaluateLiability(catalog, both()).liability).toEqual({ A: 'equal', B: 'equal' });
    const local = evaluateLiability(catalog, both({ leftLaneYieldsToRight: true }));
    expect(local.liability).toEqual({ A: 'none', B: 'full' });
    expect(local.findings[0]?.modifierId).toBe('simultaneous-lane-change-left-yields');
  });
});

describe('findings', () => {
  const d = evaluateLiability(
    catalog,
    facts([
      { id: 'A', action: 'reversing' },
      { id: 'B', action: 'going-straight' },
    ]),
  );

  it('cite the scenario, law and article, explain in both languages and list the facts used', () => {
    const [finding] = d.findings;
    expect(finding).toMatchObject({
      scenarioId: 'reversing',
      vehicleIds: ['A', 'B'],
      liability: { A: 'full', B: 'none' },
    });
    expect(finding?.basis).toContainEqual({
      law: '中华人民共和国道路交通安全法实施条例',
      article: '第50条',
    });
    expect(finding?.explanation.zh).toContain('倒车方（A）全部责任');
    expect(finding?.explanation.en).toContain('(A) bears full liability');
    expect(finding?.factsUsed).toContainEqual({
      questionId: 'one_reversing',
      answer: 'yes',
      from: ['vehicles.A.action'],
    });
  });

  it('carry the catalog version and are deterministic', () => {
    expect(d.catalogVersion).toBe(catalog.version);
    const again = evaluateLiability(
      catalog,
      facts([
        { id: 'A', action: 'reversing' },
        { id: 'B', action: 'going-straight' },
      ]),
    );
    expect(again).toEqual(d);
  });

  it('work with caller-chosen ids such as UUIDs', () => {
    const a = '0193a5f2-7c1e-7b3a-9f00-000000000001';
    const b = '0193a5f2-7c1e-7b3a-9f00-000000000002';
    const r = evaluateLiability(
      catalog,
      facts([
        { id: a, action: 'reversing' },
        { id: b, action: 'going-straight' },
      ]),
    );
    expect(r.liability).toEqual({ [a]: 'full', [b]: 'none' });
  });
});
