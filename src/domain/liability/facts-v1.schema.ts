/**
 * The liability facts: what the officer observed, in the officer's words —
 * what each vehicle was doing, the signal or sign facing it, the place, the
 * conditions that change the outcome and which vehicle struck which. Scenario
 * names never appear here; the engine maps facts to scenarios.
 *
 * An absent optional field means "not recorded". For `conditions` (a list of
 * observed violations) absence means "not observed". Where the engine needs
 * a fact that is not recorded it asks the catalog's officer question instead
 * of guessing; the answer comes back in `answers`.
 *
 * Schema version 1. Version 2 (facts-v2.schema.ts) adds to it; every v1
 * record is a v2 record with another version number, so the migration
 * (migrate.ts) only bumps the version. Both are accepted (facts.schema.ts).
 */
import * as z from 'zod/mini';

/** The first version of the facts; still accepted everywhere (see facts.schema.ts). */
export const LIABILITY_FACTS_V1 = 1;

/** Chosen by the caller: "A", "B", or a UUID. */
export const VehicleRef = z.string().check(z.minLength(1), z.maxLength(64));

/** What the vehicle was doing at the moment of impact. */
export const VehicleAction = z.enum([
  'going-straight',
  'slowing', // slowing down normally, e.g. for traffic ahead
  'stopped-in-traffic', // queueing or waiting normally (at a light, in a jam)
  'stopped-broken-down', // standing in a live lane after a breakdown or earlier crash
  'parked',
  'opening-door', // stationary, a door opened into traffic
  'changing-lanes',
  'cutting-in', // forcing into a queue from outside it (加塞)
  'merging', // joining from a ramp, slip road, acceleration lane or closing lane
  'overtaking',
  'reversing',
  'rolling-back', // rolling backwards uncontrolled, e.g. pulling away on a slope
  'turning-left',
  'turning-right',
  'u-turn',
  'entering-from-kerb', // pulling away from a kerbside bay
  'entering-from-premises', // leaving a car park, yard or other premises
  'entering-from-non-motor-lane', // moving from the non-motor lane or shoulder
  'entering-roundabout',
  'circulating-roundabout',
]);
export type VehicleAction = z.infer<typeof VehicleAction>;

/**
 * The signal, officer's direction or sign facing the vehicle (as it entered the
 * junction, or as it waited at the stop line). Facing a red is not running it:
 * whether it moved past the stop line on that signal is `Vehicle.passedStopLine`.
 */
export const SignalFacing = z.enum([
  'green', // circular green, no own arrow
  'green-arrow', // own green arrow for its movement
  'amber',
  'red',
  'red-arrow', // red arrow for its movement (no turn on red)
  'officer-go',
  'officer-stop',
  'give-way', // stop / give-way sign or marking facing it
  'priority', // it was on the priority road
  'none',
]);
export type SignalFacing = z.infer<typeof SignalFacing>;

/** Observed conditions that change the outcome. */
export const VehicleCondition = z.enum([
  'speeding', // clearly over the limit
  'wrong-way', // against the traffic direction or in the opposing lane
  'crossed-solid-line', // crossed a solid centre line or divider
  'in-restricted-lane', // bus lane, closed road, lane it may not use
  'rear-lights-off', // no rear lights in the dark
  'following-too-closely',
  'out-of-turn', // broke the alternate order at a lane reduction
  'clearing-junction', // still clearing the junction from an earlier phase
]);
export type VehicleCondition = z.infer<typeof VehicleCondition>;

export const Heading = z.enum(['N', 'E', 'S', 'W']);
export type Heading = z.infer<typeof Heading>;

export const PlaceKind = z.enum([
  'road-section',
  'signalised-junction',
  'officer-controlled-junction',
  'priority-sign-junction',
  'unmarked-junction', // no signals, officer, signs or markings
  'roundabout',
  'narrow-road',
  'car-park',
  'expressway',
  'expressway-ramp',
  'slip-road', // auxiliary road joining a main road
  'lane-reduction',
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const Place = z.strictObject({
  kind: PlaceKind,
  light: z.optional(z.enum(['day', 'night', 'low-visibility'])),
  centreLine: z.optional(z.enum(['none', 'dashed', 'solid', 'divider'])),
  /** Motor-vehicle lanes in the direction of travel. */
  motorLanesThisWay: z.optional(z.int().check(z.gte(1), z.lte(12))),
  guideLanesMarked: z.optional(z.boolean()),
  /** Feature where overtaking is prohibited, or 'none'. */
  feature: z.optional(
    z.enum([
      'none',
      'tunnel',
      'narrow-bridge',
      'bend',
      'steep-slope',
      'crosswalk',
      'railway-crossing',
    ]),
  ),
  uTurnProhibited: z.optional(z.boolean()),
  leftTurnProhibited: z.optional(z.boolean()),
  rightTurnOnRedProhibited: z.optional(z.boolean()),
  /** Traffic was queueing or crawling. */
  queueing: z.optional(z.boolean()),
  /** On a road without centre line: which meeting situation. */
  narrowMeeting: z.optional(z.enum(['obstacle', 'narrow-slope', 'mountain'])),
});
export type Place = z.infer<typeof Place>;

/** How a stationary vehicle stood: lawfully, with its hazard lights, with a warning sign. */
export const Stopped = z.strictObject({
  lawful: z.optional(z.boolean()),
  hazardLights: z.optional(z.boolean()),
  warningSign: z.optional(z.boolean()),
});
export type Stopped = z.infer<typeof Stopped>;

/** Plates, whether it can be moved, and what the triage rules read. */
export const VehicleStatus = z.strictObject({
  plates: z.optional(z.enum(['valid', 'none', 'forged'])),
  movable: z.optional(z.boolean()),
  scrappedOrAssembled: z.optional(z.boolean()),
  leftScene: z.optional(z.boolean()),
  deliberate: z.optional(z.boolean()),
});

export const Vehicle = z.strictObject({
  id: VehicleRef,
  kind: z.optional(z.enum(['motor', 'non-motor', 'pedestrian'])),
  action: VehicleAction,
  /** Direction of travel as it approached (before any turn). */
  heading: z.optional(Heading),
  signal: z.optional(SignalFacing),
  /**
   * It moved past the stop line (for a `give-way` sign: its stop or give-way
   * line) into the junction while `signal` faced it; false when it stayed at
   * or behind the line — it then neither ran a red nor failed to yield. Not
   * recorded: the engine asks, except that a moving vehicle meeting crossing
   * or oncoming traffic was inside the junction.
   */
  passedStopLine: z.optional(z.boolean()),
  /** Movements its lane's arrows allow. */
  laneArrows: z.optional(z.array(z.enum(['left', 'straight', 'right', 'u-turn']))),
  conditions: z.optional(z.array(VehicleCondition)),
  laneChange: z.optional(
    z.strictObject({
      /** Side of the target lane it came from. */
      fromSide: z.optional(z.enum(['left', 'right'])),
      /** Had fully entered, straightened and travelled on in the new lane before impact. */
      completed: z.optional(z.boolean()),
    }),
  ),
  overtaking: z.optional(
    z.strictObject({
      /** Id of the vehicle being overtaken (may be one not involved in the impact). */
      of: z.string().check(z.minLength(1)),
      side: z.enum(['left', 'right']),
      usedOpposingLane: z.optional(z.boolean()),
      oncomingTraffic: z.optional(z.boolean()),
    }),
  ),
  stopped: z.optional(Stopped),
  load: z.optional(
    z.strictObject({
      projecting: z.optional(z.boolean()),
      marked: z.optional(z.boolean()),
      fell: z.optional(z.boolean()),
      dangerousGoods: z.optional(z.boolean()),
    }),
  ),
  emergency: z.optional(
    z.strictObject({
      onMission: z.optional(z.boolean()),
      sirenAndLights: z.optional(z.boolean()),
      tookCare: z.optional(z.boolean()),
    }),
  ),
  meeting: z.optional(
    z.strictObject({
      position: z.enum([
        'obstacle-side',
        'clear-side',
        'downhill',
        'uphill',
        'hill-side',
        'outer-side',
      ]),
      /** Already in the obstructed section / already halfway down. */
      alreadyCommitted: z.optional(z.boolean()),
    }),
  ),
  status: z.optional(VehicleStatus),
});
export type Vehicle = z.infer<typeof Vehicle>;

export const Impact = z.strictObject({
  striking: VehicleRef,
  struck: VehicleRef,
  relation: z.optional(z.enum(['same-lane', 'adjacent-lanes', 'opposite-directions', 'crossing'])),
  /** What made contact: the bodies, an open door, or a load. */
  contact: z.optional(z.enum(['body', 'open-door', 'load'])),
  /** The striking vehicle was shoved into the struck one by this vehicle's impact. */
  pushedBy: z.optional(VehicleRef),
  /** The order or cause of this impact is disputed and cannot be settled on scene. */
  sequenceDisputed: z.optional(z.boolean()),
});
export type Impact = z.infer<typeof Impact>;

/** An answer to a catalog officer question (the `nextQuestion` flow). */
export const QuestionAnswer = z.strictObject({
  questionId: z.string().check(z.minLength(1)),
  /** Set when the question was asked about a vehicle (`nextQuestion.vehicleId`). */
  vehicleId: z.optional(VehicleRef),
  value: z.string().check(z.minLength(1)),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

export const EscalationAnswer = z.enum(['yes', 'no']);
export type EscalationAnswer = z.infer<typeof EscalationAnswer>;

export const Checks = z.strictObject({
  /** The officer went through triage and no exclusion applies, except those answered below. */
  allClear: z.optional(z.boolean()),
  /** Answers to escalation rules' check questions, keyed by rule id. */
  answers: z.optional(z.record(z.string(), EscalationAnswer)),
});
export type Checks = z.infer<typeof Checks>;

/** The ids of the vehicles, each once; an issue for each duplicate. */
export function checkVehicleIds(
  vehicles: readonly { id: string }[],
  ctx: RefineContext,
): Set<string> {
  const ids = new Set<string>();
  vehicles.forEach((v, i) => {
    if (ids.has(v.id))
      ctx.issues.push({
        code: 'custom',
        message: `duplicate vehicle id "${v.id}"`,
        input: v.id,
        path: ['vehicles', i, 'id'],
      });
    ids.add(v.id);
  });
  return ids;
}

interface ImpactRefs {
  readonly striking: string;
  readonly struck: string;
  readonly pushedBy?: string | undefined;
}

/** Refine context: where the cross-field checks put their issues. */
export interface RefineContext {
  readonly issues: {
    push(issue: {
      code: 'custom';
      message: string;
      input: unknown;
      path: (string | number)[];
    }): unknown;
  };
}

/**
 * The cross-field checks: every reference names a party (`parties`: vehicle
 * ids, and in v2 fixed objects), nothing strikes itself, a push names an
 * impact, every vehicle is in an impact.
 */
export function checkImpactRefs(
  vehicles: readonly { id: string }[],
  impacts: readonly ImpactRefs[],
  parties: ReadonlySet<string>,
  ctx: RefineContext,
): void {
  const issue = (message: string, input: unknown, path: (string | number)[]) =>
    ctx.issues.push({ code: 'custom', message, input, path });
  const involved = new Set<string>();
  impacts.forEach((imp, i) => {
    for (const key of ['striking', 'struck', 'pushedBy'] as const) {
      const ref = imp[key];
      if (ref !== undefined && !parties.has(ref))
        issue(`unknown vehicle id "${ref}"`, ref, ['impacts', i, key]);
    }
    if (imp.striking === imp.struck)
      issue('a vehicle cannot strike itself', imp.struck, ['impacts', i, 'struck']);
    const pusher = imp.pushedBy;
    if (
      pusher !== undefined &&
      !impacts.some((o) => o.striking === pusher && o.struck === imp.striking)
    )
      issue(`no impact records "${pusher}" striking "${imp.striking}"`, pusher, [
        'impacts',
        i,
        'pushedBy',
      ]);
    involved.add(imp.striking).add(imp.struck);
  });
  vehicles.forEach((v, i) => {
    if (!involved.has(v.id))
      issue(`vehicle "${v.id}" is in no impact`, v.id, ['vehicles', i, 'id']);
  });
}

const FactsShape = z.strictObject({
  schemaVersion: z.literal(LIABILITY_FACTS_V1),
  ref: z.optional(z.string()),
  place: Place,
  vehicles: z.array(Vehicle).check(z.minLength(1), z.maxLength(12)),
  impacts: z.array(Impact).check(z.minLength(1), z.maxLength(20)),
  checks: z.optional(Checks),
  answers: z.optional(z.array(QuestionAnswer)),
  localRules: z.optional(z.strictObject({ leftLaneYieldsToRight: z.optional(z.boolean()) })),
  /** Investigation confirmed that no party committed any fault. */
  noFaultConfirmed: z.optional(z.boolean()),
});

/** The facts of one case in schema version 1; see docs/liability.md. */
export const LiabilityFactsV1 = FactsShape.check(
  z.superRefine((facts, ctx) => {
    const ids = checkVehicleIds(facts.vehicles, ctx);
    checkImpactRefs(facts.vehicles, facts.impacts, ids, ctx);
  }),
);
export type LiabilityFactsV1 = z.infer<typeof LiabilityFactsV1>;
