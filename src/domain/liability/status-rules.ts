/**
 * The triage rules the structured driver and vehicle status answer (schema
 * version 2): injury (E02), alcohol or drugs (E04), licence (E05), insurance
 * and inspection mark (E11). Per rule: `trigger` when a vehicle's status
 * fires it, `clear` when every vehicle's status rules it out, `unknown` when
 * one is recorded as unknown (the rule's question is then asked, whatever
 * `checks.allClear` says); absent when the status does not say.
 */
import type { LiabilityFactsV2, VehicleV2 } from './facts.schema';

export type StatusFinding = 'trigger' | 'clear' | 'unknown';

type Reading = 'trigger' | 'clear' | 'unknown' | undefined;

/** How one vehicle's status reads for each rule. */
const READERS: Readonly<Record<string, (v: VehicleV2) => Reading>> = {
  'E02-injury': (v) => tri(v.driver?.injury, ['injured'], ['none']),
  'E04-alcohol-or-drugs': (v) => tri(v.driver?.alcoholOrDrugs, ['suspected'], ['none']),
  'E05-no-valid-licence': (v) =>
    tri(v.driver?.licence, ['wrong-class', 'invalid', 'none'], ['valid']),
  'E11-no-inspection-or-insurance-mark': (v) =>
    worst(
      tri(v.status?.insurance, ['none'], ['valid']),
      tri(v.status?.inspection, ['none'], ['valid']),
    ),
};

function tri<T extends string>(
  value: T | undefined,
  fires: readonly T[],
  clears: readonly T[],
): Reading {
  if (value === undefined) return undefined;
  if (fires.includes(value)) return 'trigger';
  return clears.includes(value) ? 'clear' : 'unknown';
}

/** Across readings: any trigger; else any unknown; else clear only when all are clear. */
function worst(...readings: Reading[]): Reading {
  if (readings.includes('trigger')) return 'trigger';
  if (readings.includes('unknown')) return 'unknown';
  return readings.every((r) => r === 'clear') ? 'clear' : undefined;
}

/** What the status says per rule id, for the rules it speaks to. */
export function statusFindings(facts: LiabilityFactsV2): Map<string, StatusFinding> {
  const out = new Map<string, StatusFinding>();
  for (const [ruleId, read] of Object.entries(READERS)) {
    const reading = worst(...facts.vehicles.map(read));
    if (reading !== undefined) out.set(ruleId, reading);
  }
  return out;
}

/** Rule ids a vehicle's status fires. */
export function triggeredByStatus(facts: LiabilityFactsV2): string[] {
  return [...statusFindings(facts)].filter(([, r]) => r === 'trigger').map(([id]) => id);
}
