/**
 * The five "fast" intervals of DOMAIN.md, per case:
 *
 * | fast        | from               | to                   |
 * | ----------- | ------------------ | -------------------- |
 * | evidence    | arrived            | evidence complete    |
 * | clearance   | arrived            | scene cleared        |
 * | liability   | arrived            | liability signed     |
 * | assessment  | packet delivered   | assessment recorded  |
 * | payout      | assessment recorded| payout recorded      |
 *
 * An interval is `null` when either end is missing, or when it is negative
 * (a device clock set wrong is not a measurement).
 */
import { enteredAt } from '../case/case';
import type { CaseRecord } from '../case/case.schema';
import type { Instant } from '../ids';
import type { BilingualText } from '../identity/check-result';

export const FIVE_FASTS = ['evidence', 'clearance', 'liability', 'assessment', 'payout'] as const;
export type FastKey = (typeof FIVE_FASTS)[number];

export const FIVE_FAST_LABELS: Readonly<Record<FastKey, BilingualText>> = {
  evidence: { zh: '取证快', en: 'evidence fast' },
  clearance: { zh: '撤离快', en: 'clearance fast' },
  liability: { zh: '定责快', en: 'liability fast' },
  assessment: { zh: '定损快', en: 'assessment fast' },
  payout: { zh: '理赔快', en: 'payout fast' },
};

/** The instants the five intervals are measured between; any may be unknown yet. */
export interface FiveFastTimestamps {
  readonly arrivedAt?: Instant;
  readonly evidenceCompleteAt?: Instant;
  readonly sceneClearedAt?: Instant;
  readonly liabilitySignedAt?: Instant;
  readonly packetDeliveredAt?: Instant;
  readonly assessmentRecordedAt?: Instant;
  readonly payoutRecordedAt?: Instant;
}

/** Milliseconds per fast, or null where it cannot be measured. */
export type FiveFastIntervals = Readonly<Record<FastKey, number | null>>;

function between(from: Instant | undefined, to: Instant | undefined): number | null {
  if (from === undefined || to === undefined) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The five intervals of one case, in milliseconds. */
export function fiveFast(t: FiveFastTimestamps): FiveFastIntervals {
  return {
    evidence: between(t.arrivedAt, t.evidenceCompleteAt),
    clearance: between(t.arrivedAt, t.sceneClearedAt),
    liability: between(t.arrivedAt, t.liabilitySignedAt),
    assessment: between(t.packetDeliveredAt, t.assessmentRecordedAt),
    payout: between(t.assessmentRecordedAt, t.payoutRecordedAt),
  };
}

/**
 * The timestamps a case's own transitions give: the first time it entered
 * evidence-complete, scene-cleared, signed, delivered, assessed and paid.
 * (A case returned for more evidence keeps its first completion time.)
 */
export function caseFiveFastTimestamps(c: CaseRecord): FiveFastTimestamps {
  return {
    arrivedAt: c.arrivedAt,
    evidenceCompleteAt: enteredAt(c, 'evidence-complete'),
    sceneClearedAt: enteredAt(c, 'scene-cleared'),
    liabilitySignedAt: enteredAt(c, 'signed'),
    packetDeliveredAt: enteredAt(c, 'delivered'),
    assessmentRecordedAt: enteredAt(c, 'assessed'),
    payoutRecordedAt: enteredAt(c, 'paid'),
  };
}
