import { useEffect, useState } from 'react';

const minutesBetween = (since: string, now: string) =>
  Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / 60_000));

/**
 * Whole minutes since `since`, refreshed every 15 s while the handling goes
 * on; once it has ended (`until`, e.g. `handlingEndedAt(case)`) the final
 * duration, and no timer.
 */
export function useElapsedMinutes(
  since: string,
  until: string | undefined,
  now: () => string,
): number {
  const [running, setRunning] = useState(() => minutesBetween(since, now()));
  useEffect(() => {
    if (until !== undefined) return;
    const timer = setInterval(() => setRunning(minutesBetween(since, now())), 15_000);
    return () => clearInterval(timer);
  }, [since, until, now]);
  return until !== undefined ? minutesBetween(since, until) : running;
}
