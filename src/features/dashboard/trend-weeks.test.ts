import { describe, expect, it } from 'vitest';
import type { FiveFastGroup } from '../../contracts/dashboard';
import { mondaysBetween, weeklyRun } from './trend-weeks';

const week = (key: string, cases: number): FiveFastGroup => ({
  key,
  label: key,
  counts: { cases, escalated: 0, returned: 0, disputed: 0, warnings: 0 },
  intervals: {} as FiveFastGroup['intervals'],
});

describe('the weeks of a trend', () => {
  it('runs Monday to Monday across a month’s end', () => {
    expect(mondaysBetween('2026-10-26', '2026-11-09')).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
    ]);
  });

  it('keeps a week without cases as a gap, in order', () => {
    const run = weeklyRun([week('2026-11-16', 2), week('2026-11-02', 5)]);
    expect(run.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(run.at.map((g) => g?.counts.cases)).toEqual([5, undefined, 2]);
    expect(weeklyRun([])).toEqual({ weeks: [], at: [] });
  });
});
