/**
 * The facts the scenario matching reads: version 2 with every `unknown`
 * settled (resolve.ts tries each possibility), fixed objects kept apart, and a
 * vehicle's action per impact. `vehicleAt` gives a vehicle as it was at one
 * impact, so the derivations never see per-impact records.
 */
import type {
  FixedObject,
  Impact,
  LiabilityFactsV1,
  Place,
  Stopped,
  Vehicle,
  VehicleAction,
} from './facts.schema';

/** A vehicle's action at one impact (no `unknown` left). */
export interface ResolvedAction {
  readonly vehicleId: string;
  readonly action: VehicleAction;
  readonly stopped?: Stopped | undefined;
}

export type ResolvedImpact = Impact & { readonly actions?: readonly ResolvedAction[] | undefined };

export type ResolvedFacts = Omit<LiabilityFactsV1, 'schemaVersion' | 'impacts' | 'place'> & {
  readonly place: Place;
  readonly impacts: readonly ResolvedImpact[];
  readonly objects: readonly FixedObject[];
};

export const vehicleById = (facts: ResolvedFacts, id: string): Vehicle | undefined =>
  facts.vehicles.find((v) => v.id === id);

export const isObject = (facts: ResolvedFacts, id: string): boolean =>
  facts.objects.some((o) => o.id === id);

/** The vehicle as it was at impact `i`: its action there, if the impact records one. */
export function vehicleAt(facts: ResolvedFacts, i: number, id: string): Vehicle {
  const base = vehicleById(facts, id) as Vehicle;
  const at = facts.impacts[i]?.actions?.find((a) => a.vehicleId === id);
  if (at === undefined) return base;
  return { ...base, action: at.action, ...(at.stopped !== undefined && { stopped: at.stopped }) };
}
