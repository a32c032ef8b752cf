/**
 * Vehicles and parties of a case: add, edit and remove them while the case is
 * still on scene. Pure, like every case operation: ids and time come in as
 * arguments, a new record comes out, and a refusal is a value.
 *
 * Each vehicle comes with its driver (a party with `vehicleId`), because on
 * scene a vehicle and the person who drove it are recorded together. A fixed
 * object (a guardrail, a lamp post) is a party without a vehicle. Values are
 * stored as typed: the identity checks of `validateCaseDraft` report what is
 * wrong without ever refusing a draft.
 */
import type { Id, Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import type { CaseRecord } from './case.schema';
import { isOnScene } from './case-state';
import { isSealed } from './determination';
import type { Party } from './party.schema';
import { withoutVehicle } from './sketch';
import type { Vehicle } from './vehicle.schema';

/**
 * Why an operation on vehicles or parties was refused:
 * - `not-editable`: the case has left the scene (signed, submitted …);
 * - `not-found`: no vehicle or party with that id;
 * - `duplicate-id`: the new id is already used in the case.
 */
export type PartiesRefusal = 'not-editable' | 'sealed' | 'not-found' | 'duplicate-id';

export type PartiesResult = Result<CaseRecord, PartiesRefusal>;

/** What may change on a vehicle: everything but its id and letter. Undefined clears a field. */
export type VehiclePatch = Partial<Omit<Vehicle, 'id' | 'label'>>;

/** What may change on a party: everything but its id, kind and vehicle. Undefined clears a field. */
export type PartyPatch = Partial<Omit<Party, 'id' | 'kind' | 'vehicleId'>>;

/** The ids a new vehicle and its driver get, made on the device. */
export interface NewVehicleIds {
  readonly vehicleId: Id;
  readonly driverId: Id;
}

/**
 * The letter for the `n`-th vehicle (0-based): A … Z, then AA, AB … as in a
 * spreadsheet, so any number of vehicles gets a distinct label.
 */
export function vehicleLabel(n: number): string {
  let label = '';
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    label = String.fromCharCode(65 + ((rest - 1) % 26)) + label;
  }
  return label;
}

/**
 * The first label not in use. A removed vehicle's letter is given again, so
 * the letters on scene stay A, B, C … without gaps; the others keep theirs,
 * because photos and the parties already call them by it.
 */
export function nextVehicleLabel(vehicles: readonly Pick<Vehicle, 'label'>[]): string {
  const used = new Set(vehicles.map((v) => v.label));
  for (let n = 0; ; n += 1) {
    const label = vehicleLabel(n);
    if (!used.has(label)) return label;
  }
}

/** The driver of a vehicle, if the case records one. */
export function driverOf(c: CaseRecord, vehicleId: Id): Party | undefined {
  return c.parties.find((p) => p.kind === 'driver' && p.vehicleId === vehicleId);
}

/** The parties that are fixed objects (no vehicle), in the order they were added. */
export function fixedObjectsOf(c: CaseRecord): Party[] {
  return c.parties.filter((p) => p.kind === 'fixed-object');
}

/** Adds the next vehicle (A, B, C …) and an empty driver party for it. */
export function addVehicle(c: CaseRecord, ids: NewVehicleIds, at: Instant): PartiesResult {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (isSealed(c)) return refuse('sealed');
  if (ids.vehicleId === ids.driverId || isUsed(c, ids.vehicleId) || isUsed(c, ids.driverId)) {
    return refuse('duplicate-id', `${ids.vehicleId} / ${ids.driverId}`);
  }
  const vehicle: Vehicle = {
    id: ids.vehicleId,
    label: nextVehicleLabel(c.vehicles),
    plate: '',
    damagedParts: [],
  };
  const driver: Party = { id: ids.driverId, kind: 'driver', vehicleId: ids.vehicleId, name: '' };
  return ok({
    ...c,
    vehicles: [...c.vehicles, vehicle],
    parties: [...c.parties, driver],
    updatedAt: at,
  });
}

/** Changes the fields of one vehicle; `undefined` in the patch removes an optional field. */
export function updateVehicle(
  c: CaseRecord,
  vehicleId: Id,
  patch: VehiclePatch,
  at: Instant,
): PartiesResult {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (isSealed(c)) return refuse('sealed');
  if (!c.vehicles.some((v) => v.id === vehicleId)) return refuse('not-found', vehicleId);
  const vehicles = c.vehicles.map((v) => (v.id === vehicleId ? patched(v, patch) : v));
  return ok({ ...c, vehicles, updatedAt: at });
}

/**
 * Removes a vehicle, every party that drove it and its place and arrows on the
 * sketch; the other vehicles keep their letters.
 */
export function removeVehicle(c: CaseRecord, vehicleId: Id, at: Instant): PartiesResult {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (isSealed(c)) return refuse('sealed');
  if (!c.vehicles.some((v) => v.id === vehicleId)) return refuse('not-found', vehicleId);
  return ok({
    ...c,
    vehicles: c.vehicles.filter((v) => v.id !== vehicleId),
    parties: c.parties.filter((p) => p.vehicleId !== vehicleId),
    ...(c.sketch && { sketch: withoutVehicle(c.sketch, vehicleId) }),
    updatedAt: at,
  });
}

/** Adds a fixed object (guardrail, pole …) as a party without a vehicle. */
export function addFixedObject(c: CaseRecord, partyId: Id, at: Instant): PartiesResult {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (isSealed(c)) return refuse('sealed');
  if (isUsed(c, partyId)) return refuse('duplicate-id', partyId);
  const party: Party = { id: partyId, kind: 'fixed-object', name: '', objectDescription: '' };
  return ok({ ...c, parties: [...c.parties, party], updatedAt: at });
}

/** Changes the fields of one party; `undefined` in the patch removes an optional field. */
export function updateParty(
  c: CaseRecord,
  partyId: Id,
  patch: PartyPatch,
  at: Instant,
): PartiesResult {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (isSealed(c)) return refuse('sealed');
  if (!c.parties.some((p) => p.id === partyId)) return refuse('not-found', partyId);
  const parties = c.parties.map((p) => (p.id === partyId ? patched(p, patch) : p));
  return ok({ ...c, parties, updatedAt: at });
}

/**
 * Removes one party. A driver's vehicle stays (a parked car whose driver is
 * not there still has a plate and damage); use {@link removeVehicle} to
 * remove both.
 */
export function removeParty(c: CaseRecord, partyId: Id, at: Instant): PartiesResult {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (isSealed(c)) return refuse('sealed');
  if (!c.parties.some((p) => p.id === partyId)) return refuse('not-found', partyId);
  return ok({ ...c, parties: c.parties.filter((p) => p.id !== partyId), updatedAt: at });
}

function isUsed(c: CaseRecord, id: Id): boolean {
  return c.vehicles.some((v) => v.id === id) || c.parties.some((p) => p.id === id);
}

/**
 * The record with the patch applied and no keys left holding `undefined`,
 * so a cleared optional field is absent, as the schema describes it.
 */
function patched<T extends object>(record: T, patch: Partial<NoInfer<T>>): T {
  const next: Record<string, unknown> = { ...record, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as T;
}
