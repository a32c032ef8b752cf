/** The weeks a trend runs over: every Monday from the first week with cases to the last, none skipped. */
import type { FiveFastGroup } from '../../contracts/dashboard';

const DAY_MS = 86_400_000;

/** Every Monday (YYYY-MM-DD) from `first` to `last`, at most 106 (two years). */
export function mondaysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && days.length < 106; t += 7 * DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The by-week groups on a full run of weeks (a week without cases is undefined). */
export function weeklyRun(groups: readonly FiveFastGroup[]): {
  weeks: string[];
  at: (FiveFastGroup | undefined)[];
} {
  const keys = groups.map((g) => g.key).sort();
  if (keys.length === 0) return { weeks: [], at: [] };
  const weeks = mondaysBetween(keys[0]!, keys.at(-1)!);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  return { weeks, at: weeks.map((w) => byKey.get(w)) };
}
