/**
 * Comparing determinations of liability by vehicle: whether one names exactly
 * a case's vehicles, and whether two are the same. Shared by the squad's
 * amendment (review/squad-amendment.ts), the station's adoption of the
 * officer's determination (station-determination.ts) and the server's check
 * of an officer's confirmation. Pure.
 */
import type { CaseRecord } from './case.schema';
import type { LiabilityByVehicle } from './liability-record.schema';

const sortedKeys = (l: LiabilityByVehicle) => Object.keys(l).sort().join('\n');

/** The case's vehicle labels, sorted. */
export const vehicleLabels = (c: CaseRecord): string[] => c.vehicles.map((v) => v.label).sort();

/** True when the liability names exactly these vehicles. */
export function namesExactly(liability: LiabilityByVehicle, labels: readonly string[]): boolean {
  return sortedKeys(liability) === [...labels].sort().join('\n');
}

/** Two determinations name the same vehicles with the same levels. */
export function sameLiability(
  a: LiabilityByVehicle | undefined,
  b: LiabilityByVehicle | undefined,
): boolean {
  if (a === undefined || b === undefined) return false;
  return sortedKeys(a) === sortedKeys(b) && Object.keys(a).every((k) => a[k] === b[k]);
}
