// Facts schema version 2: per-impact actions, fixed objects as parties,
// explicit unknowns, structured driver and vehicle status; v1 still accepted.
import { describe, expect, it } from 'vitest';
import { loadLiabilityCatalog } from './catalog';
import { evaluateLiability } from './evaluate';
import type { LiabilityFactsV1, LiabilityFactsV2 } from './facts.schema';
import { LiabilityFactsV2 as V2Schema, parseLiabilityFacts } from './facts.schema';
import { migrateFacts } from './migrate';

const catalog = loadLiabilityCatalog();

const base = (patch: Partial<LiabilityFactsV2>): LiabilityFactsV2 => ({
  schemaVersion: 2,
  place: { kind: 'road-section', light: 'day' },
  vehicles: [
    { id: 'A', action: 'going-straight' },
    { id: 'B', action: 'slowing' },
  ],
  impacts: [{ striking: 'A', struck: 'B', relation: 'same-lane' }],
  checks: { allClear: true },
  ...patch,
});
const decide = (f: LiabilityFactsV2) => {
  const parsed = parseLiabilityFacts(f);
  if (!parsed.ok) throw new Error(parsed.detail);
  return evaluateLiability(catalog, parsed.value);
};

describe('migration v1 → v2', () => {
  it('only bumps the version; the v2 schema accepts the result and the decision is the same', () => {
    const v1: LiabilityFactsV1 = {
      schemaVersion: 1,
      place: { kind: 'road-section' },
      vehicles: [
        { id: 'A', action: 'going-straight' },
        { id: 'B', action: 'slowing' },
      ],
      impacts: [{ striking: 'A', struck: 'B', relation: 'same-lane' }],
      checks: { allClear: true },
    };
    const v2 = migrateFacts(v1);
    expect(v2).toEqual({ ...v1, schemaVersion: 2 });
    expect(V2Schema.safeParse(v2).success).toBe(true);
    expect(evaluateLiability(catalog, v1)).toEqual(evaluateLiability(catalog, v2));
  });

  it('refuses an unknown version naming both accepted ones', () => {
    const r = parseLiabilityFacts({ ...base({}), schemaVersion: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toBe('schemaVersion: expected one of 1|2');
  });
});

describe('the action per impact', () => {
  // A rear-ends B; B, shoved onward, stands broken down with hazards and triangle when C hits it.
  const chain = (bAtSecond: LiabilityFactsV2['impacts'][number]['actions']) =>
    base({
      vehicles: [
        { id: 'A', action: 'going-straight', conditions: ['following-too-closely'] },
        { id: 'B', action: 'slowing' },
        { id: 'C', action: 'going-straight' },
      ],
      impacts: [
        { striking: 'A', struck: 'B', relation: 'same-lane' },
        { striking: 'C', struck: 'B', relation: 'same-lane', actions: bAtSecond },
      ],
    });

  it('reads each impact with the vehicle as it was then', () => {
    const d = decide(
      chain([
        {
          vehicleId: 'B',
          action: 'stopped-broken-down',
          stopped: { hazardLights: true, warningSign: true },
        },
      ]),
    );
    expect(d.outcome).toBe('liability');
    expect(d.liability).toEqual({ A: 'full', B: 'none', C: 'full' });
  });

  it('a stopped vehicle without its warning measures at the second impact shares it', () => {
    const d = decide(
      chain([
        {
          vehicleId: 'B',
          action: 'stopped-broken-down',
          stopped: { hazardLights: false, warningSign: false },
        },
      ]),
    );
    expect(d.impacts[1]?.liability?.['B']).toBe('secondary');
  });

  it('an action recorded per impact that did not change decides as recorded once', () => {
    expect(decide(chain([{ vehicleId: 'B', action: 'slowing' }]))).toEqual(
      decide(chain(undefined)),
    );
  });

  it('names a vehicle that is not in the impact', () => {
    const r = parseLiabilityFacts(chain([{ vehicleId: 'A', action: 'slowing' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toContain('impacts.1.actions.0.vehicleId: "A" is not a vehicle');
  });
});

describe('a fixed object as a party', () => {
  const guardrail = base({
    vehicles: [{ id: 'A', action: 'going-straight' }],
    objects: [{ id: 'G', kind: 'guardrail' }],
    impacts: [{ striking: 'A', struck: 'G' }],
  });

  it('escalates as damage to a public facility, with the striking vehicle full as the hint', () => {
    const d = decide(guardrail);
    expect(d.outcome).toBe('escalate');
    expect(d.escalation?.ruleId).toBe('E12-public-facility-or-building-damage');
    expect(d.liabilityHint).toEqual({ A: 'full' });
  });

  it('a vehicle shoved into a pole: the pusher answers for it', () => {
    const d = decide(
      base({
        vehicles: [
          { id: 'A', action: 'going-straight' },
          { id: 'B', action: 'stopped-in-traffic', stopped: { lawful: true } },
        ],
        objects: [{ id: 'P', kind: 'pole' }],
        impacts: [
          { striking: 'A', struck: 'B', relation: 'same-lane' },
          { striking: 'B', struck: 'P', pushedBy: 'A' },
        ],
      }),
    );
    expect(d.liabilityHint).toEqual({ A: 'full', B: 'none' });
  });

  it('refuses an object that strikes, naming the field', () => {
    const r = parseLiabilityFacts({ ...guardrail, impacts: [{ striking: 'G', struck: 'A' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toContain('impacts.0.striking: a fixed object ("G") cannot strike');
  });
});

describe('explicit unknown', () => {
  it('who struck whom in a scrape with a lane change: decided, it does not depend on it', () => {
    const scrape = (whoStruck: 'recorded' | 'unknown') =>
      base({
        vehicles: [
          { id: 'A', action: 'going-straight' },
          { id: 'B', action: 'changing-lanes', laneChange: { completed: false } },
        ],
        impacts: [{ striking: 'A', struck: 'B', relation: 'adjacent-lanes', whoStruck }],
      });
    const d = decide(scrape('unknown'));
    expect(d.outcome).toBe('liability');
    expect(d.liability).toEqual(decide(scrape('recorded')).liability);
  });

  it('who struck whom in a same-lane impact decides it: escalates, no guess', () => {
    const d = decide(
      base({
        impacts: [{ striking: 'A', struck: 'B', relation: 'same-lane', whoStruck: 'unknown' }],
      }),
    );
    expect(d.outcome).toBe('escalate');
    expect(d.escalation?.ruleId).toBe('E14-facts-or-cause-disputed');
  });

  it('a vehicle’s action unknown: no liability is given', () => {
    const d = decide(
      base({
        vehicles: [
          { id: 'A', action: 'going-straight' },
          { id: 'B', action: 'unknown' },
        ],
      }),
    );
    expect(d.outcome).not.toBe('liability');
  });

  it('the kind of junction unknown where the signal decides: no liability is given', () => {
    const d = decide(
      base({
        place: { kind: 'unknown-junction' },
        vehicles: [
          { id: 'A', action: 'going-straight', heading: 'N', signal: 'red', passedStopLine: true },
          { id: 'B', action: 'going-straight', heading: 'E', signal: 'green' },
        ],
        impacts: [{ striking: 'A', struck: 'B', relation: 'crossing' }],
      }),
    );
    expect(d.outcome).not.toBe('liability');
  });
});

describe('driver and vehicle status', () => {
  const withStatus = (a: Partial<LiabilityFactsV2['vehicles'][number]>) =>
    base({
      vehicles: [
        { id: 'A', action: 'going-straight', ...a },
        { id: 'B', action: 'slowing' },
      ],
    });

  it('suspected alcohol escalates E04, without a rule-keyed answer', () => {
    const d = decide(withStatus({ driver: { alcoholOrDrugs: 'suspected' } }));
    expect(d.escalation?.ruleId).toBe('E04-alcohol-or-drugs');
  });

  it('no licence escalates E05; no insurance escalates E11; an injury escalates E02', () => {
    expect(decide(withStatus({ driver: { licence: 'none' } })).escalation?.ruleId).toBe(
      'E05-no-valid-licence',
    );
    expect(decide(withStatus({ status: { insurance: 'none' } })).escalation?.ruleId).toBe(
      'E11-no-inspection-or-insurance-mark',
    );
    expect(decide(withStatus({ driver: { injury: 'injured' } })).escalation?.ruleId).toBe(
      'E02-injury',
    );
  });

  it('a status recorded as unknown asks the rule’s question, even after triage said all clear', () => {
    const d = decide(withStatus({ driver: { licence: 'unknown' } }));
    expect(d.outcome).toBe('need-more-facts');
    expect(d.nextQuestion).toMatchObject({ id: 'E05-no-valid-licence', source: 'escalation' });
  });

  it('every vehicle’s status clear answers the rules without allClear', () => {
    const clear = { licence: 'valid', alcoholOrDrugs: 'none', injury: 'none' } as const;
    const f = base({
      checks: { answers: {} },
      vehicles: [
        {
          id: 'A',
          action: 'going-straight',
          driver: clear,
          status: { insurance: 'valid', inspection: 'valid' },
        },
        {
          id: 'B',
          action: 'slowing',
          driver: clear,
          status: { insurance: 'valid', inspection: 'valid' },
        },
      ],
    });
    const d = decide(f);
    // The rules the status answers are not asked; the first one asked is one it does not cover.
    expect(d.nextQuestion?.id).toBe('E01-death');
    const answers = Object.fromEntries(
      catalog.escalationRules.map((r) => [r.id, r.escalateWhen === 'yes' ? 'no' : 'yes'] as const),
    );
    for (const id of [
      'E02-injury',
      'E04-alcohol-or-drugs',
      'E05-no-valid-licence',
      'E11-no-inspection-or-insurance-mark',
    ])
      delete answers[id];
    expect(decide({ ...f, checks: { answers } }).outcome).toBe('liability');
  });
});
