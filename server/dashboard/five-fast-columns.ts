/**
 * The five-fast dashboard's columns (migration 0010), kept current by the
 * code that writes cases and claims, so the dashboard's medians and p90s are
 * SQL over indexed integers, never a read of a body:
 *  - on `cases`, from the stored version's body: `ff_evidence_s`,
 *    `ff_clearance_s`, `ff_liability_s` (seconds from arrival, null when not
 *    measurable; src/domain/metrics/five-fast.ts decides), `ff_week` (the
 *    China-time Monday of the arrival, `YYYY-MM-DD`), `ff_returned` (1
 *    once the case was ever returned, set by `setCaseState`) and
 *    `lenient_warnings` (warnings instead of fines confirmed, migration 0014);
 *  - on `claims`, by each step of the insurer: `ff_callback_s` (delivered →
 *    acknowledged), `ff_assessment_s` (delivered → assessed) and
 *    `ff_payout_s` (assessed → paid).
 */
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { confirmedWarnings } from '../../src/domain/case/lenient-step';
import { caseFiveFastTimestamps, fiveFast } from '../../src/domain/metrics/five-fast';

export interface CaseFiveFastColumns {
  ff_evidence_s: number | null;
  ff_clearance_s: number | null;
  ff_liability_s: number | null;
  ff_week: string;
}

const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Whole seconds of an interval in milliseconds (null stays null). */
export const seconds = (ms: number | null): number | null =>
  ms === null ? null : Math.round(ms / 1000);

/** Seconds from one instant to a later one; null when either is missing or the order is wrong. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 1000) : null;
}

/** The Monday (China Standard Time) of the week an instant falls in, `YYYY-MM-DD`; '' if not an instant. */
export function cstWeekOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const local = new Date(ms + CST_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The case's columns from its current body. */
export function caseFiveFastColumns(record: CaseRecord): CaseFiveFastColumns {
  const intervals = fiveFast(caseFiveFastTimestamps(record));
  return {
    ff_evidence_s: seconds(intervals.evidence),
    ff_clearance_s: seconds(intervals.clearance),
    ff_liability_s: seconds(intervals.liability),
    ff_week: cstWeekOf(record.arrivedAt),
  };
}

/**
 * The case's count of warnings instead of fines (migration 0014), apart from
 * the five-fast columns so that 0010's backfill keeps writing only its own.
 */
export const caseLenientColumns = (record: CaseRecord): { lenient_warnings: number } => ({
  lenient_warnings: confirmedWarnings(record),
});

/** A claim's column set by an assessment (from delivery) or a payout (from the assessment). */
export function claimFiveFast(
  claim: { delivered_at: string; assessed_at: string | null },
  action: 'assess' | 'pay',
  now: string,
): { ff_assessment_s: number | null } | { ff_payout_s: number | null } {
  return action === 'assess'
    ? { ff_assessment_s: secondsBetween(claim.delivered_at, now) }
    : { ff_payout_s: secondsBetween(claim.assessed_at, now) };
}
