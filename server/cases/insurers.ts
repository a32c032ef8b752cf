/**
 * Which insurer covers which vehicle of a case, for the insurer scope. The
 * case records an insurer per party as free text (`Insurance.insurer`), so a
 * party's compulsory and commercial insurer are matched against the insurers
 * table by id, by code, or by name (trimmed, case-insensitive). An unmatched
 * name links nothing: that insurer simply does not see the case until an
 * admin adds it (the text stays in the case for the reviewer).
 */
import type { CaseRecord } from '../../src/domain/case/case.schema';

export interface InsurerRef {
  id: string;
  name: string;
  code: string;
}

export interface VehicleInsurer {
  vehicleId: string;
  insurerId: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Which of these insurers a cover's free-text insurer names, if any. */
export function insurerMatcher(
  insurers: readonly InsurerRef[],
): (cover: { insurer: string } | undefined) => string | undefined {
  const byKey = new Map<string, string>();
  for (const i of insurers) {
    byKey.set(i.id, i.id);
    byKey.set(norm(i.code), i.id);
    byKey.set(norm(i.name), i.id);
  }
  return (cover) => cover && (byKey.get(cover.insurer) ?? byKey.get(norm(cover.insurer)));
}

export function vehicleInsurers(
  record: CaseRecord,
  insurers: readonly InsurerRef[],
): VehicleInsurer[] {
  const insurerOf = insurerMatcher(insurers);
  const vehicleIds = new Set(record.vehicles.map((v) => v.id));
  const out = new Map<string, VehicleInsurer>();
  for (const party of record.parties) {
    if (!party.vehicleId || !vehicleIds.has(party.vehicleId)) continue;
    for (const cover of [party.compulsoryInsurance, party.commercialInsurance]) {
      const insurerId = insurerOf(cover);
      if (insurerId)
        out.set(`${party.vehicleId}|${insurerId}`, { vehicleId: party.vehicleId, insurerId });
    }
  }
  return [...out.values()];
}
