/**
 * The engine's facts (schema version 2) from the officer's draft: each
 * vehicle as answered, each impact with who struck whom (or that it cannot be
 * told), a vehicle's action at an impact where it differs from its own (only
 * asked when there are several impacts), and the fixed objects an impact
 * struck. Pure; `incomplete` names what is still to be answered.
 */
import { ok, refuse, type Result } from '../result';
import {
  LIABILITY_FACTS_SCHEMA_VERSION,
  parseLiabilityFacts,
  type ActionAtImpact,
  type FixedObject,
  type ImpactV2,
  type LiabilityFacts,
  type VehicleV2 as FactsVehicle,
} from '../liability/facts.schema';
import type { LiabilityDraft } from './liability-record.schema';

type DraftVehicle = LiabilityDraft['vehicles'][number];
type DraftImpact = LiabilityDraft['impacts'][number];

function vehicleFacts(v: DraftVehicle & { action: FactsVehicle['action'] }): FactsVehicle {
  return {
    id: v.id,
    action: v.action,
    ...(v.heading && { heading: v.heading }),
    ...(v.signal && v.signal !== 'unknown' && { signal: v.signal }),
    ...(v.passedStopLine &&
      v.passedStopLine !== 'unknown' && { passedStopLine: v.passedStopLine === 'yes' }),
    ...(v.conditions && v.conditions.length > 0 && { conditions: v.conditions }),
    ...(v.driver && Object.keys(v.driver).length > 0 && { driver: v.driver }),
  };
}

/**
 * The actions at one impact that differ from the vehicles' own, for the
 * impact's vehicles only; none when the case has a single impact.
 */
function actionsAt(
  imp: DraftImpact,
  vehicles: readonly FactsVehicle[],
  several: boolean,
): ActionAtImpact[] {
  if (!several) return [];
  return (imp.actions ?? [])
    .filter((a) => a.vehicleId === imp.striking || a.vehicleId === imp.struck)
    .filter((a) => vehicles.some((v) => v.id === a.vehicleId && v.action !== a.action))
    .map((a) => ({ vehicleId: a.vehicleId, action: a.action }));
}

function impactFacts(
  imp: DraftImpact & { striking: string; struck: string },
  vehicles: readonly FactsVehicle[],
  several: boolean,
): ImpactV2 {
  const bothVehicles = [imp.striking, imp.struck].every((id) => vehicles.some((v) => v.id === id));
  const actions = actionsAt(imp, vehicles, several);
  return {
    striking: imp.striking,
    struck: imp.struck,
    ...(imp.relation && { relation: imp.relation }),
    ...(imp.whoStruck === 'unknown' && bothVehicles && { whoStruck: 'unknown' as const }),
    ...(actions.length > 0 && { actions }),
  };
}

/** The fixed objects some impact struck, each with its kind; a kind not given is missing. */
function objectFacts(
  draft: LiabilityDraft,
  impacts: readonly ImpactV2[],
  missing: string[],
): FixedObject[] {
  const objects: FixedObject[] = [];
  for (const o of draft.objects ?? []) {
    if (!impacts.some((imp) => imp.struck === o.id)) continue;
    if (o.kind === undefined) missing.push(`objects.${o.id}.kind`);
    else objects.push({ id: o.id, kind: o.kind });
  }
  return objects;
}

/**
 * The engine's facts from a draft, or `incomplete` naming what is missing
 * (`place`, `vehicles.B.action`, `impacts.0`, `objects.<id>.kind`).
 * `allClear` is true once the case passed triage (no exclusion applies).
 */
export function factsFromDraft(
  draft: LiabilityDraft,
  allClear: boolean,
): Result<LiabilityFacts, 'incomplete' | 'invalid-facts'> {
  const missing: string[] = [];
  if (draft.placeKind === undefined) missing.push('place');
  const vehicles: FactsVehicle[] = [];
  for (const v of draft.vehicles) {
    if (v.action === undefined) missing.push(`vehicles.${v.id}.action`);
    else vehicles.push(vehicleFacts({ ...v, action: v.action }));
  }
  const several = draft.impacts.length > 1;
  const impacts: ImpactV2[] = [];
  draft.impacts.forEach((imp, i) => {
    if (imp.striking === undefined || imp.struck === undefined) missing.push(`impacts.${i}`);
    else
      impacts.push(
        impactFacts({ ...imp, striking: imp.striking, struck: imp.struck }, vehicles, several),
      );
  });
  const objects = objectFacts(draft, impacts, missing);
  if (missing.length > 0 || draft.placeKind === undefined)
    return refuse('incomplete', missing.join(','));
  const checkAnswers = Object.keys(draft.checkAnswers).length > 0 ? draft.checkAnswers : undefined;
  const facts = {
    schemaVersion: LIABILITY_FACTS_SCHEMA_VERSION,
    place: { kind: draft.placeKind },
    vehicles,
    ...(objects.length > 0 && { objects }),
    impacts,
    checks: { ...(allClear && { allClear: true }), ...(checkAnswers && { answers: checkAnswers }) },
    ...(draft.answers.length > 0 && { answers: draft.answers }),
  };
  const parsed = parseLiabilityFacts(facts);
  return parsed.ok ? ok(parsed.value) : parsed;
}
