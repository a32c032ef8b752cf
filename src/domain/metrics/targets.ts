/**
 * The brigade's targets for the five fasts (a service level per interval),
 * in whole minutes. A value is over its target when it took longer than the
 * target (exactly on the target is met); the dashboard counts those in the
 * database with the same rule (server/dashboard/five-fast.ts).
 */
import type { FastKey } from './five-fast';

/** Minutes per fast. */
export type FiveFastTargets = Readonly<Record<FastKey, number>>;

/**
 * What a new brigade starts with: on scene, evidence within 15 minutes of
 * arrival, the road cleared within 30 and liability determined within an
 * hour; the insurer's assessment within a day of the packet's delivery and
 * the payout within 7 days of the assessment.
 */
export const STARTER_FIVE_FAST_TARGETS: FiveFastTargets = {
  evidence: 15,
  clearance: 30,
  liability: 60,
  assessment: 24 * 60,
  payout: 7 * 24 * 60,
};

/**
 * The longest target each fast may have: a day for the intervals on scene
 * (longer is no longer "fast"), 30 days for the insurer's assessment and
 * 90 days for the payout. The shortest is 1 minute.
 */
export const FIVE_FAST_TARGET_MAX: FiveFastTargets = {
  evidence: 24 * 60,
  clearance: 24 * 60,
  liability: 24 * 60,
  assessment: 30 * 24 * 60,
  payout: 90 * 24 * 60,
};
export const FIVE_FAST_TARGET_MIN = 1;

/** Whether an interval of `seconds` took longer than a target of `minutes`. */
export const isOverTarget = (seconds: number, minutes: number): boolean => seconds > minutes * 60;

/** How many of the measured values (nulls left out) are over the target. */
export const countOverTarget = (values: readonly (number | null)[], minutes: number): number =>
  values.filter((v) => v !== null && isOverTarget(v, minutes)).length;
