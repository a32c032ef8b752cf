/**
 * What an insurer may read of a case: the one redaction policy, built field
 * by field from an allow-list, so a field added to the case record reaches no
 * insurer until it is added here (and to `InsurerCaseView` in
 * src/contracts/claims.ts). Claim packets are built from it.
 *
 * | part               | the insurer sees                                                                |
 * | ------------------ | ------------------------------------------------------------------------------- |
 * | the case           | id, number, arrival and accident time, place (address, road, km post, lat/long) |
 * | its vehicles       | plate, plate and vehicle type, VIN, owner, damaged parts, liability share       |
 * | other vehicles     | plate, plate and vehicle type, damaged parts, liability share                    |
 * | its drivers        | name, ID and licence number, phone, its own covers, signed or refused and when   |
 * | other people       | nothing: other drivers, keepers of damaged objects                               |
 * | damaged objects    | what they are                                                                    |
 * | the determination  | overridden or not, legal basis, catalog version, amended or not                  |
 * | photos             | hash, size and slot of scene, plate, damage and object shots; its drivers'       |
 * |                    | licences, and their insurance papers when no other insurer covers them           |
 * | the sketch         | as drawn: road, vehicles' places and headings by id, arrows, point of impact     |
 *
 * Never: the notes, the officer, triage, transitions, signature images, any
 * reason text (override, refusal, objection, amendment, review flag, dispute:
 * they name other people), another insurer's cover, other photo metadata,
 * extra photos (they may show anything) or a slot it does not know.
 */
import type { InsurerCaseView, InsurerPhoto } from '../../src/contracts/claims';
import { INSURER_VIEW_VERSION, InsurerCaseView as ViewSchema } from '../../src/contracts/claims';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { effectiveLiability } from '../../src/domain/case/determination';
import { sketchOf } from '../../src/domain/case/sketch';
import type { Party } from '../../src/domain/case/party.schema';
import type { PhotoMeta } from '../../src/domain/case/photo.schema';
import {
  COLLISION_POINT_SLOT,
  SCENE_BEHIND_SLOT,
  SCENE_FRONT_SLOT,
} from '../../src/domain/evidence/required-shots';
import { insurerMatcher, vehicleInsurers } from './insurers';
import type { InsurerRef } from './insurers';

type PacketPhoto = Pick<PhotoMeta, 'sha256' | 'byteLength' | 'slot'>;

const SCENE_SLOTS: ReadonlySet<string> = new Set([
  SCENE_BEHIND_SLOT,
  SCENE_FRONT_SLOT,
  COLLISION_POINT_SLOT,
]);

const COVERS = [
  ['compulsory', 'compulsoryInsurance'],
  ['commercial', 'commercialInsurance'],
] as const;

/** The view of `record` and its photos that `insurer` may read. */
export function caseToInsurerView(
  record: CaseRecord,
  photos: readonly PacketPhoto[],
  insurer: InsurerRef,
): InsurerCaseView {
  const insurerOf = insurerMatcher([insurer]);
  const insured = new Set(vehicleInsurers(record, [insurer]).map((l) => l.vehicleId));
  const liability = effectiveLiability(record);
  const drivers = record.parties.filter((p) => p.vehicleId && insured.has(p.vehicleId));
  const { location } = record;
  const view: InsurerCaseView = {
    viewVersion: INSURER_VIEW_VERSION,
    id: record.id,
    caseNumber: record.caseNumber,
    arrivedAt: record.arrivedAt,
    ...(record.occurredAt !== undefined && { occurredAt: record.occurredAt }),
    location: {
      address: location.address,
      ...(location.road !== undefined && { road: location.road }),
      ...(location.kmPost !== undefined && { kmPost: location.kmPost }),
      ...(location.point && {
        point: { latitude: location.point.latitude, longitude: location.point.longitude },
      }),
    },
    vehicles: record.vehicles.map((v) => {
      const common = {
        id: v.id,
        label: v.label,
        plate: v.plate,
        ...(v.plateType !== undefined && { plateType: v.plateType }),
        ...(v.vehicleType !== undefined && { vehicleType: v.vehicleType }),
        damagedParts: [...v.damagedParts],
        ...(liability?.[v.label] !== undefined && { liability: liability[v.label] }),
      };
      if (!insured.has(v.id)) return { ...common, insured: false as const };
      return {
        ...common,
        insured: true as const,
        ...(v.vin !== undefined && { vin: v.vin }),
        ...(v.owner !== undefined && { owner: v.owner }),
      };
    }),
    parties: drivers.map((p) => driverView(record, p, insurerOf)),
    objects: record.parties
      .filter((p) => p.kind === 'fixed-object')
      .map((p) => ({
        id: p.id,
        ...(p.objectDescription !== undefined && { description: p.objectDescription }),
      })),
    ...(liability && { determination: determinationView(record) }),
    photos: photos
      .filter((p) => photoAllowed(record, p.slot, drivers, insurerOf))
      .map((p): InsurerPhoto => ({ sha256: p.sha256, byteLength: p.byteLength, slot: p.slot })),
    ...(record.sketch && { sketch: sketchOf(record) }),
  };
  // The schema is the second line of the allow-list: anything else is stripped.
  return ViewSchema.parse(view);
}

function driverView(
  record: CaseRecord,
  p: Party,
  insurerOf: ReturnType<typeof insurerMatcher>,
): InsurerCaseView['parties'][number] {
  const signature = record.liability?.signatures.find((s) => s.partyId === p.id);
  return {
    id: p.id,
    vehicleId: p.vehicleId!,
    name: p.name,
    ...(p.idNumber !== undefined && { idNumber: p.idNumber }),
    ...(p.licenceNumber !== undefined && { licenceNumber: p.licenceNumber }),
    ...(p.phone !== undefined && { phone: p.phone }),
    covers: COVERS.flatMap(([kind, field]) => {
      const cover = p[field];
      if (!cover || !insurerOf(cover)) return [];
      return [
        { kind, ...(cover.policyNumber !== undefined && { policyNumber: cover.policyNumber }) },
      ];
    }),
    ...(signature && { signature: { kind: signature.kind, at: signature.at } }),
  };
}

function determinationView(record: CaseRecord): NonNullable<InsurerCaseView['determination']> {
  const decision = record.liability?.decision;
  const basis = new Map<string, { law: string; article: string }>();
  for (const b of (decision?.findings ?? []).flatMap((f) => f.basis)) {
    basis.set(`${b.law}|${b.article}`, { law: b.law, article: b.article });
  }
  return {
    overridden: record.liability?.override !== undefined,
    basis: [...basis.values()],
    ...(decision && { catalogVersion: decision.catalogVersion }),
    amended: (record.liability?.amendments?.length ?? 0) > 0,
  };
}

/**
 * Scene, plate, damage and object shots of this case; the insurer's own
 * drivers' licences, and their insurance papers only when every cover on
 * them is this insurer's (the papers would show another insurer's policy).
 */
function photoAllowed(
  record: CaseRecord,
  slot: string,
  drivers: readonly Party[],
  insurerOf: ReturnType<typeof insurerMatcher>,
): boolean {
  if (SCENE_SLOTS.has(slot)) return true;
  const [kind, id, what] = slot.split(':');
  const vehicle = record.vehicles.some((v) => v.id === id);
  switch (kind) {
    case 'vehicle':
      return vehicle && what === 'plate';
    case 'damage':
      return vehicle && what !== undefined;
    case 'object':
      return (
        what === 'damage' && record.parties.some((p) => p.id === id && p.kind === 'fixed-object')
      );
    case 'party': {
      const driver = drivers.find((p) => p.id === id);
      if (!driver) return false;
      if (what === 'driving-licence' || what === 'vehicle-licence') return true;
      const covers = COVERS.map(([, field]) => driver[field]).filter((c) => c !== undefined);
      return what === 'insurance' && covers.every((c) => insurerOf(c) !== undefined);
    }
    default:
      return false;
  }
}
