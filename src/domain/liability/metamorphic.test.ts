// Metamorphic tests: the decision is a function of the scene, not of how the
// officer happened to record it. Generated scenes are re-encoded in equally
// true ways (ids renamed, vehicles and impacts reordered, headings rotated
// together, redundant true facts added) and must decide the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLiabilityCatalog } from './catalog';
import type { LiabilityDecision } from './decision';
import { evaluateLiability } from './evaluate';
import type {
  Heading,
  LiabilityFactsV1 as LiabilityFacts,
  LiabilityFactsV2,
  Vehicle,
} from './facts.schema';
import { LiabilityFactsV1 as FactsSchema, SignalFacing, VehicleAction } from './facts.schema';
import { migrateFacts } from './migrate';
import { JUNCTION_KINDS } from './resolve';

const catalog = loadLiabilityCatalog();
const RUNS = { numRuns: 80, seed: 14 } as const;
const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq: 2 });

const HEADINGS: readonly Heading[] = ['N', 'E', 'S', 'W'];
const STATIONARY = ['stopped-in-traffic', 'stopped-broken-down', 'parked', 'opening-door'];

const vehicle = (id: string): fc.Arbitrary<Vehicle> =>
  fc.record({
    id: fc.constant(id),
    action: fc.constantFrom(...VehicleAction.options),
    heading: opt(fc.constantFrom(...HEADINGS)),
    signal: opt(fc.constantFrom(...SignalFacing.options)),
    passedStopLine: opt(fc.boolean()),
    conditions: opt(
      fc.subarray([
        'speeding',
        'wrong-way',
        'in-restricted-lane',
        'following-too-closely',
      ] as const),
    ),
    laneChange: opt(fc.record({ completed: opt(fc.boolean()) })),
    stopped: opt(
      fc.record({
        lawful: opt(fc.boolean()),
        hazardLights: opt(fc.boolean()),
        warningSign: opt(fc.boolean()),
      }),
    ),
  });

const impact = (striking: string, struck: string) =>
  fc.record({
    striking: fc.constant(striking),
    struck: fc.constant(struck),
    relation: opt(
      fc.constantFrom('same-lane', 'adjacent-lanes', 'opposite-directions', 'crossing'),
    ),
    contact: opt(fc.constantFrom('body', 'open-door', 'load')),
  });

/** Drops undefined keys so the record is what a caller would send. */
const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const place = fc.record({
  kind: fc.constantFrom(
    'road-section',
    'signalised-junction',
    'priority-sign-junction',
    'unmarked-junction',
    'officer-controlled-junction',
    'lane-reduction',
  ),
  light: opt(fc.constantFrom('day', 'night')),
  queueing: opt(fc.boolean()),
});

/** Two or three vehicles; one impact per pair in a chain (A→B, B→C), either way round. */
const scene: fc.Arbitrary<LiabilityFacts> = fc
  .tuple(place, vehicle('A'), vehicle('B'), opt(vehicle('C')), fc.boolean(), fc.boolean())
  .chain(([p, a, b, c, ab, bc]) =>
    fc
      .tuple(
        impact(ab ? 'A' : 'B', ab ? 'B' : 'A'),
        c === undefined ? fc.constant(undefined) : impact(bc ? 'B' : 'C', bc ? 'C' : 'B'),
      )
      .map(([i1, i2]) =>
        clean({
          schemaVersion: 1 as const,
          place: p,
          vehicles: c === undefined ? [a, b] : [a, b, c],
          impacts: i2 === undefined ? [i1] : [i1, i2],
          checks: { allClear: true },
        }),
      ),
  )
  .filter((f) => FactsSchema.safeParse(f).success);

const decide = (f: LiabilityFacts | LiabilityFactsV2): LiabilityDecision =>
  evaluateLiability(catalog, f);

/** What must not change between equivalent encodings. */
const gist = (d: LiabilityDecision) => ({
  outcome: d.outcome,
  liability: d.liability,
  officerMustConfirm: d.officerMustConfirm,
  escalation: d.escalation?.ruleId,
  scenarios: [...d.scenarios].sort(),
});

const mapVehicles = (f: LiabilityFacts, fn: (v: Vehicle) => Vehicle): LiabilityFacts => ({
  ...f,
  vehicles: f.vehicles.map(fn),
});

describe('equivalent encodings decide the same', () => {
  it('renaming the vehicle ids', () => {
    const rename: Record<string, string> = { A: 'v-7', B: 'v-1', C: 'v-4' };
    const back = Object.fromEntries(Object.entries(rename).map(([k, v]) => [v, k]));
    fc.assert(
      fc.property(scene, (f) => {
        const renamed = clean({
          ...f,
          vehicles: f.vehicles.map((v) => ({ ...v, id: rename[v.id] ?? v.id })),
          impacts: f.impacts.map((i) => ({
            ...i,
            striking: rename[i.striking] ?? i.striking,
            struck: rename[i.struck] ?? i.struck,
          })),
        });
        const d = decide(renamed);
        const before = decide(f);
        const liability =
          d.liability &&
          Object.fromEntries(Object.entries(d.liability).map(([k, v]) => [back[k] ?? k, v]));
        expect({ ...gist(d), liability }).toEqual(gist(before));
        const asked = d.nextQuestion?.vehicleId;
        expect(asked === undefined ? undefined : back[asked]).toEqual(
          before.nextQuestion?.vehicleId,
        );
      }),
      RUNS,
    );
  });

  it('reordering the vehicles and the impacts', () => {
    fc.assert(
      fc.property(scene, (f) => {
        const before = decide(f);
        const reordered = { ...f, vehicles: [...f.vehicles].reverse() };
        expect(decide(reordered)).toEqual(before);
        const swapped = { ...f, impacts: [...f.impacts].reverse() };
        expect(gist(decide(swapped))).toEqual(gist(before));
      }),
      RUNS,
    );
  });

  it('rotating every heading together', () => {
    const turn = (h: Heading): Heading => HEADINGS[(HEADINGS.indexOf(h) + 1) % 4] as Heading;
    fc.assert(
      fc.property(scene, (f) => {
        const rotated = mapVehicles(f, (v) =>
          v.heading === undefined ? v : { ...v, heading: turn(v.heading) },
        );
        expect(decide(rotated)).toEqual(decide(f));
      }),
      RUNS,
    );
  });

  it('adding redundant true facts: its red while stopped, hazards on while moving', () => {
    fc.assert(
      fc.property(scene, fc.nat(2), (f, k) => {
        const redundant = mapVehicles(f, (v) => {
          const i = f.vehicles.indexOf(v);
          if (i !== k) return v;
          if (
            v.action === 'stopped-in-traffic' &&
            v.signal === undefined &&
            v.passedStopLine === undefined
          )
            return { ...v, signal: 'red' };
          if (!STATIONARY.includes(v.action) && v.stopped === undefined)
            return { ...v, stopped: { hazardLights: true } };
          return v;
        });
        const before = decide(f);
        const after = decide(redundant);
        if (before.outcome === 'need-more-facts') expect(after.outcome).not.toBe('liability');
        else expect(gist(after)).toEqual(gist(before));
      }),
      RUNS,
    );
  });
});

describe('a stationary, lawfully stopped vehicle', () => {
  const lawfullyStopped: fc.Arbitrary<Vehicle> = fc.oneof(
    fc.record({
      id: fc.constant('X'),
      action: fc.constant('parked' as const),
      stopped: fc.constant({ lawful: true }),
    }),
    fc.record({
      id: fc.constant('X'),
      action: fc.constant('stopped-in-traffic' as const),
      heading: opt(fc.constantFrom(...HEADINGS)),
      signal: opt(fc.constantFrom('red', 'red-arrow', 'amber', 'green', 'give-way')),
      passedStopLine: opt(fc.constant(false)),
    }),
    fc.record({
      id: fc.constant('X'),
      action: fc.constant('stopped-broken-down' as const),
      stopped: fc.constant({ hazardLights: true, warningSign: true }),
    }),
  );

  it('is never given fault', () => {
    fc.assert(
      fc.property(place, lawfullyStopped, vehicle('Y'), impact('Y', 'X'), (p, x, y, i) => {
        const f = clean({
          schemaVersion: 1 as const,
          place: p,
          vehicles: [x, y],
          impacts: [i],
          checks: { allClear: true },
        });
        fc.pre(FactsSchema.safeParse(f).success);
        const d = decide(f);
        expect(d.liability?.['X'] ?? 'none').toBe('none');
        expect(d.liabilityHint?.['X'] ?? 'none').toBe('none');
      }),
      RUNS,
    );
  });

  it('waiting at its give-way sign is never given fault', () => {
    const waiting = fc.record({
      id: fc.constant('X'),
      action: fc.constant('stopped-in-traffic' as const),
      heading: opt(fc.constantFrom(...HEADINGS)),
      signal: fc.constant('give-way' as const),
      passedStopLine: opt(fc.constant(false)),
    });
    // The other vehicle on the priority road (or its signal not recorded).
    const other = vehicle('Y').map((y) => ({ ...y, signal: y.signal && ('priority' as const) }));
    fc.assert(
      fc.property(waiting, other, impact('Y', 'X'), (x, y, i) => {
        const f = clean({
          schemaVersion: 1 as const,
          place: { kind: 'priority-sign-junction' as const },
          vehicles: [x, y],
          impacts: [i],
          checks: { allClear: true },
        });
        expect(decide(f).liability?.['X'] ?? 'none').toBe('none');
      }),
      RUNS,
    );
  });
});

describe('a fact that decides nothing', () => {
  it('never turns a question into a liability', () => {
    const noise = fc.constantFrom<(v: Vehicle) => Vehicle>(
      (v) => ({ ...v, kind: 'motor' }),
      (v) => ({ ...v, status: { plates: 'valid', movable: true } }),
    );
    fc.assert(
      fc.property(scene, noise, (f, add) => {
        const before = decide(f);
        fc.pre(before.outcome === 'need-more-facts');
        const after = decide(mapVehicles({ ...f, ref: 'same scene' }, add));
        expect(after.outcome).toBe('need-more-facts');
        expect(after.nextQuestion?.id).toBe(before.nextQuestion?.id);
      }),
      RUNS,
    );
  });
});

describe('schema version 2 encodings', () => {
  const v2 = (f: LiabilityFacts): LiabilityFactsV2 => migrateFacts(f);
  const sameLiability = (a: LiabilityDecision, b: LiabilityDecision) =>
    expect(a.liability).toEqual(b.liability);

  it('a v1 record and its migration decide the same', () => {
    fc.assert(
      fc.property(scene, (f) => {
        expect(decide(v2(f))).toEqual(decide(f));
      }),
      RUNS,
    );
  });

  it('the action recorded at each impact where it did not change decides as recorded once', () => {
    fc.assert(
      fc.property(scene, (f) => {
        const perImpact: LiabilityFactsV2 = {
          ...v2(f),
          impacts: f.impacts.map((imp) => ({
            ...imp,
            actions: f.vehicles
              .filter((v) => v.id === imp.striking || v.id === imp.struck)
              .map((v) => ({ vehicleId: v.id, action: v.action })),
          })),
        };
        expect(gist(decide(perImpact))).toEqual(gist(decide(f)));
      }),
      RUNS,
    );
  });

  it('an unknown action never yields a liability that the recorded action would change', () => {
    fc.assert(
      fc.property(scene, fc.nat(), (f, pick) => {
        const i = pick % f.vehicles.length;
        const unknown: LiabilityFactsV2 = {
          ...v2(f),
          vehicles: f.vehicles.map((v, j) => (j === i ? { ...v, action: 'unknown' } : v)),
        };
        const d = decide(unknown);
        if (d.outcome !== 'liability') return;
        const known = decide(f);
        expect(known.outcome).toBe('liability');
        sameLiability(d, known);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('who struck whom unknown never yields a liability that the recorded direction would change', () => {
    fc.assert(
      fc.property(scene, (f) => {
        const unknown: LiabilityFactsV2 = {
          ...v2(f),
          impacts: f.impacts.map((imp) =>
            imp.pushedBy === undefined ? { ...imp, whoStruck: 'unknown' as const } : imp,
          ),
        };
        const d = decide(unknown);
        if (d.outcome !== 'liability') return;
        const known = decide(f);
        expect(known.outcome).toBe('liability');
        sameLiability(d, known);
      }),
      RUNS,
    );
  });

  it('a junction of unknown kind never yields a liability that its kind would change', () => {
    fc.assert(
      fc.property(scene, fc.constantFrom(...JUNCTION_KINDS), (f, kind) => {
        const known: LiabilityFacts = { ...f, place: { ...f.place, kind } };
        const unknown: LiabilityFactsV2 = {
          ...v2(known),
          place: { ...known.place, kind: 'unknown-junction' },
        };
        const d = decide(unknown);
        if (d.outcome !== 'liability') return;
        const answered = decide(known);
        expect(answered.outcome).toBe('liability');
        sameLiability(d, answered);
      }),
      RUNS,
    );
  });
});
