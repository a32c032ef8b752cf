/**
 * Medians and 90th percentiles of five-fast intervals over many cases, by
 * the nearest-rank method: sort the n measured values ascending; the p-th
 * percentile is the value at rank ⌈p/100 × n⌉ (1-based). It is always a value
 * that was actually measured, never an interpolation. The median is the
 * 50th percentile by the same rule, so for an even count it is the lower of
 * the two middle values (of 1, 2, 3, 4 it is 2). Null intervals are not
 * measurements and are left out; `count` says how many were used.
 */
import type { FastKey, FiveFastIntervals } from './five-fast';

export interface IntervalSummary {
  /** How many measured (non-null) values the summary rests on. */
  readonly count: number;
  /** Nearest-rank 50th percentile in ms; null when nothing was measured. */
  readonly median: number | null;
  /** Nearest-rank 90th percentile in ms; null when nothing was measured. */
  readonly p90: number | null;
}

/** The nearest-rank p-th percentile (0 < p ≤ 100) of ascending `sorted` values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // p × n first: an integer product divides exactly, so no rank is pushed up by rounding.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/** Median and p90 of the measured values. */
export function summarise(values: readonly (number | null)[]): IntervalSummary {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return { count: sorted.length, median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
}

/** {@link summarise} for each of the five fasts over many cases. */
export function summariseFiveFast(
  cases: readonly FiveFastIntervals[],
): Readonly<Record<FastKey, IntervalSummary>> {
  const of = (key: FastKey) => summarise(cases.map((c) => c[key]));
  return {
    evidence: of('evidence'),
    clearance: of('clearance'),
    liability: of('liability'),
    assessment: of('assessment'),
    payout: of('payout'),
  };
}
