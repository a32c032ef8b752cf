import { describe, expect, it } from 'vitest';
import { nearestRank, summarise, summariseFiveFast } from './summary';

describe('nearestRank', () => {
  // Rank ⌈p/100 × n⌉, 1-based, on sorted values.
  it.each([
    [[15, 20, 35, 40, 50], 50, 35], // rank 3
    [[15, 20, 35, 40, 50], 90, 50], // rank ⌈4.5⌉ = 5
    [[15, 20, 35, 40, 50], 30, 20], // rank ⌈1.5⌉ = 2
    [[1, 2, 3, 4], 50, 2], // rank 2: the lower middle value
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9], // rank 9
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10], // rank ⌈9.9⌉ = 10
    [Array.from({ length: 20 }, (_, i) => i + 1), 90, 18], // rank 18 exactly
    [[7], 90, 7],
    [[7], 1, 7],
    [[], 50, null],
  ])('%j at p%i → %s', (sorted, p, expected) => {
    expect(nearestRank(sorted, p)).toBe(expected);
  });
});

describe('summarise', () => {
  it('sorts, leaves out nulls and counts what it used', () => {
    expect(summarise([40, null, 15, 50, 20, null, 35])).toEqual({ count: 5, median: 35, p90: 50 });
  });

  it('gives nulls and a zero count when nothing was measured', () => {
    expect(summarise([null, null])).toEqual({ count: 0, median: null, p90: null });
    expect(summarise([])).toEqual({ count: 0, median: null, p90: null });
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    summarise(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summariseFiveFast', () => {
  it('summarises each fast over the cases on its own', () => {
    const none = {
      evidence: null,
      clearance: null,
      liability: null,
      assessment: null,
      payout: null,
    };
    const result = summariseFiveFast([
      { ...none, evidence: 300_000, clearance: 600_000 },
      { ...none, evidence: 100_000, clearance: 400_000, assessment: 5_000 },
      { ...none, evidence: 200_000 },
    ]);
    expect(result).toEqual({
      evidence: { count: 3, median: 200_000, p90: 300_000 },
      clearance: { count: 2, median: 400_000, p90: 600_000 },
      liability: { count: 0, median: null, p90: null },
      assessment: { count: 1, median: 5_000, p90: 5_000 },
      payout: { count: 0, median: null, p90: null },
    });
  });
});
