/**
 * The liability facts, schema version 2: version 1 (facts-v1.schema.ts) plus
 *  - the action of a vehicle **per impact** (`impacts[].actions`): moving at the
 *    first impact, stopped with its hazards on at the second;
 *  - **fixed objects** (`objects`: a guardrail, a pole, a building, other
 *    property) as the struck party of an impact;
 *  - an explicit `unknown` where the officer cannot tell: who struck whom
 *    (`impacts[].whoStruck`), the kind of junction (`place.kind`), a vehicle's
 *    action — the engine then decides only what does not depend on it, and
 *    otherwise asks or escalates, never guesses;
 *  - **driver and vehicle status** as structured facts (`vehicles[].driver`,
 *    `vehicles[].status.insurance` / `.inspection`) the triage rules read.
 * Every v1 record is a v2 record under another version number (migrate.ts).
 */
import * as z from 'zod/mini';
import {
  Checks,
  Impact,
  Place,
  PlaceKind,
  QuestionAnswer,
  Stopped,
  Vehicle,
  VehicleAction,
  VehicleRef,
  VehicleStatus,
  checkImpactRefs,
  checkVehicleIds,
  type RefineContext,
} from './facts-v1.schema';

export const LIABILITY_FACTS_V2 = 2;

/** A kind of place, or a junction whose kind (signals, signs, none) the officer cannot tell. */
export const PlaceKindV2 = z.enum([...PlaceKind.options, 'unknown-junction']);
export type PlaceKindV2 = z.infer<typeof PlaceKindV2>;

export const PlaceV2 = z.strictObject({ ...Place.shape, kind: PlaceKindV2 });
export type PlaceV2 = z.infer<typeof PlaceV2>;

/** What a vehicle was doing, or `unknown` when the officer cannot tell. */
export const VehicleActionV2 = z.enum([...VehicleAction.options, 'unknown']);
export type VehicleActionV2 = z.infer<typeof VehicleActionV2>;

/** The driver as the triage rules need him (E02, E04, E05); `unknown`: the officer cannot tell. */
export const DriverStatus = z.strictObject({
  /** A licence valid for this vehicle's class; `wrong-class`, `invalid` (suspended, expired) or none. */
  licence: z.optional(z.enum(['valid', 'wrong-class', 'invalid', 'none', 'unknown'])),
  /** Smells of alcohol, admits drinking, or shows signs of drug use. */
  alcoholOrDrugs: z.optional(z.enum(['none', 'suspected', 'unknown'])),
  /** Anyone in or on this vehicle hurt, in pain or asking for medical care. */
  injury: z.optional(z.enum(['none', 'injured', 'unknown'])),
});
export type DriverStatus = z.infer<typeof DriverStatus>;

const Validity = z.enum(['valid', 'none', 'unknown']);

export const VehicleStatusV2 = z.strictObject({
  ...VehicleStatus.shape,
  /** Current compulsory third-party cover (交强险), E11. */
  insurance: z.optional(Validity),
  /** Valid inspection mark, E11. */
  inspection: z.optional(Validity),
});
export type VehicleStatusV2 = z.infer<typeof VehicleStatusV2>;

export const VehicleV2 = z.strictObject({
  ...Vehicle.shape,
  /** Its action, the same at every impact unless that impact records another. */
  action: VehicleActionV2,
  status: z.optional(VehicleStatusV2),
  driver: z.optional(DriverStatus),
});
export type VehicleV2 = z.infer<typeof VehicleV2>;

/** Fixed objects and other property a vehicle can strike. */
export const FixedObjectKind = z.enum([
  'guardrail',
  'pole',
  'building',
  'road-furniture',
  'other-property',
]);
export type FixedObjectKind = z.infer<typeof FixedObjectKind>;

/** A party that is not a vehicle: struck, never striking. */
export const FixedObject = z.strictObject({ id: VehicleRef, kind: FixedObjectKind });
export type FixedObject = z.infer<typeof FixedObject>;

/** A vehicle's action at one impact, where it differs from its `action`. */
export const ActionAtImpact = z.strictObject({
  vehicleId: VehicleRef,
  action: VehicleActionV2,
  stopped: z.optional(Stopped),
});
export type ActionAtImpact = z.infer<typeof ActionAtImpact>;

export const ImpactV2 = z.strictObject({
  ...Impact.shape,
  /** `striking` may name a fixed object only as `struck`. */
  struck: VehicleRef,
  /** `unknown`: the two vehicles touched (a mutual scrape) and who struck whom cannot be told. */
  whoStruck: z.optional(z.enum(['recorded', 'unknown'])),
  /** The action of a vehicle at this impact, when it is not its `action`. */
  actions: z.optional(z.array(ActionAtImpact).check(z.maxLength(2))),
});
export type ImpactV2 = z.infer<typeof ImpactV2>;

const FactsShapeV2 = z.strictObject({
  schemaVersion: z.literal(LIABILITY_FACTS_V2),
  ref: z.optional(z.string()),
  place: PlaceV2,
  vehicles: z.array(VehicleV2).check(z.minLength(1), z.maxLength(12)),
  objects: z.optional(z.array(FixedObject).check(z.maxLength(12))),
  impacts: z.array(ImpactV2).check(z.minLength(1), z.maxLength(20)),
  checks: z.optional(Checks),
  answers: z.optional(z.array(QuestionAnswer)),
  localRules: z.optional(z.strictObject({ leftLaneYieldsToRight: z.optional(z.boolean()) })),
  noFaultConfirmed: z.optional(z.boolean()),
});

type ShapeV2 = z.infer<typeof FactsShapeV2>;

/** Objects: unique ids, none a vehicle's; each struck by some impact. */
function checkObjects(facts: ShapeV2, vehicleIds: ReadonlySet<string>, ctx: RefineContext): void {
  const seen = new Set<string>();
  (facts.objects ?? []).forEach((o, i) => {
    const path = ['objects', i, 'id'];
    if (vehicleIds.has(o.id) || seen.has(o.id))
      ctx.issues.push({ code: 'custom', message: `duplicate id "${o.id}"`, input: o.id, path });
    else if (!facts.impacts.some((imp) => imp.struck === o.id))
      ctx.issues.push({
        code: 'custom',
        message: `object "${o.id}" is in no impact`,
        input: o.id,
        path,
      });
    seen.add(o.id);
  });
}

/** Per impact: only vehicles strike or push; an unknown direction and per-impact actions name its vehicles. */
function checkImpactsV2(facts: ShapeV2, vehicleIds: ReadonlySet<string>, ctx: RefineContext): void {
  const issue = (message: string, input: unknown, path: (string | number)[]) =>
    ctx.issues.push({ code: 'custom', message, input, path });
  facts.impacts.forEach((imp, i) => {
    for (const key of ['striking', 'pushedBy'] as const) {
      const ref = imp[key];
      if (
        ref !== undefined &&
        !vehicleIds.has(ref) &&
        (facts.objects ?? []).some((o) => o.id === ref)
      )
        issue(`a fixed object ("${ref}") cannot strike or push`, ref, ['impacts', i, key]);
    }
    if (imp.whoStruck === 'unknown' && (!vehicleIds.has(imp.struck) || imp.pushedBy !== undefined))
      issue('who struck whom is unknown only between two vehicles, with no push', imp.whoStruck, [
        'impacts',
        i,
        'whoStruck',
      ]);
    const named = new Set<string>();
    (imp.actions ?? []).forEach((a, k) => {
      const path = ['impacts', i, 'actions', k, 'vehicleId'];
      if (named.has(a.vehicleId)) issue(`duplicate vehicle id "${a.vehicleId}"`, a.vehicleId, path);
      else if (!vehicleIds.has(a.vehicleId) || ![imp.striking, imp.struck].includes(a.vehicleId))
        issue(`"${a.vehicleId}" is not a vehicle of this impact`, a.vehicleId, path);
      named.add(a.vehicleId);
    });
  });
}

/** The facts of one case in schema version 2; see docs/liability.md. */
export const LiabilityFactsV2 = FactsShapeV2.check(
  z.superRefine((facts, ctx) => {
    const ids = checkVehicleIds(facts.vehicles, ctx);
    const parties = new Set([...ids, ...(facts.objects ?? []).map((o) => o.id)]);
    checkImpactRefs(facts.vehicles, facts.impacts, parties, ctx);
    checkObjects(facts, ids, ctx);
    checkImpactsV2(facts, ids, ctx);
  }),
);
export type LiabilityFactsV2 = z.infer<typeof LiabilityFactsV2>;
