/**
 * Who is "from out of town" and which listed violations apply to whom: the
 * pure rules behind the warning suggestion (首违警告). A driver is out of
 * town when his vehicle's plate or his licence number is known and does not
 * begin with one of the region's prefixes; with no region set, or nothing
 * known of him, nobody is told apart. A violation is suggested for an
 * out-of-town driver when it is on the list and a finding of its scenario
 * holds his vehicle (partly) liable, or the officer recorded it.
 */
import type { CaseRecord } from '../case/case.schema';
import type { Party } from '../case/party.schema';
import { normalisePlate, PLATE_PROVINCES } from '../identity/plate';
import type { LenientItem, LenientList, LenientRegion } from './lenient-list.schema';

export type Origin = 'outside' | 'local' | 'unknown';

/** Where a plate is from: a mainland plate (province first) checked against the prefixes. */
export function plateOrigin(region: LenientRegion, plate: string | undefined): Origin {
  const p = normalisePlate(plate ?? '');
  const province = p.charAt(0);
  if (region.platePrefixes.length === 0 || province === '' || !PLATE_PROVINCES.includes(province)) {
    return 'unknown';
  }
  return region.platePrefixes.some((prefix) => p.startsWith(prefix)) ? 'local' : 'outside';
}

/** Where a licence is from: its number's administrative-division code against the region's. */
export function licenceOrigin(region: LenientRegion, licence: string | undefined): Origin {
  const n = (licence ?? '').trim();
  if (region.licenceAreaCodes.length === 0 || !/^\d{6}/.test(n)) return 'unknown';
  return region.licenceAreaCodes.some((code) => n.startsWith(code)) ? 'local' : 'outside';
}

/** Outside when either the plate or the licence is; local when what is known is local. */
export function driverOrigin(region: LenientRegion, plate?: string, licence?: string): Origin {
  const both = [plateOrigin(region, plate), licenceOrigin(region, licence)];
  if (both.includes('outside')) return 'outside';
  return both.includes('local') ? 'local' : 'unknown';
}

/** A driver party's origin from the case: his vehicle's plate, his licence (or ID) number. */
export function partyOrigin(c: CaseRecord, region: LenientRegion, party: Party): Origin {
  if (party.kind !== 'driver') return 'unknown';
  const plate = c.vehicles.find((v) => v.id === party.vehicleId)?.plate;
  return driverOrigin(region, plate, party.licenceNumber ?? party.idNumber);
}

export interface LenientSuggestion {
  partyId: string;
  item: LenientItem;
  source: 'finding' | 'officer';
}

/** The items implied for a vehicle (by label) by the findings that hold it liable. */
function impliedItems(c: CaseRecord, list: LenientList, label: string): LenientItem[] {
  const findings = c.liability?.decision?.findings ?? [];
  const scenarios = findings
    .filter((f) => f.liability[label] !== undefined && f.liability[label] !== 'none')
    .map((f) => f.scenarioId);
  return list.items.filter((item) => item.scenarios.some((s) => scenarios.includes(s)));
}

/**
 * The suggestions for the case: each out-of-town driver's listed violations
 * implied by the findings, then those the officer recorded for him
 * (`recorded`: party id and item id), each once.
 */
export function lenientSuggestions(
  c: CaseRecord,
  list: LenientList,
  recorded: readonly { partyId: string; itemId: string }[] = [],
): LenientSuggestion[] {
  const out: LenientSuggestion[] = [];
  for (const party of c.parties) {
    if (partyOrigin(c, list.region, party) !== 'outside') continue;
    const label = c.vehicles.find((v) => v.id === party.vehicleId)?.label ?? '';
    for (const item of impliedItems(c, list, label)) {
      out.push({ partyId: party.id, item, source: 'finding' });
    }
    for (const r of recorded.filter((x) => x.partyId === party.id)) {
      const item = list.items.find((i) => i.id === r.itemId);
      if (item && !out.some((s) => s.partyId === party.id && s.item.id === item.id)) {
        out.push({ partyId: party.id, item, source: 'officer' });
      }
    }
  }
  return out;
}

/** Whether a listed violation may be suggested for this party (out of town and on the list). */
export function isLenientEligible(
  c: CaseRecord,
  list: LenientList,
  partyId: string,
  itemId: string,
): boolean {
  const party = c.parties.find((p) => p.id === partyId);
  return (
    party !== undefined &&
    partyOrigin(c, list.region, party) === 'outside' &&
    list.items.some((i) => i.id === itemId)
  );
}
