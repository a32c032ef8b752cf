import { useEffect, useState } from 'react';

const minutesBetween = (since: string, now: string) =>
  Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / 60_000));

/** Whole minutes since `since`, refreshed every 15 s. */
export function useElapsedMinutes(since: string, now: () => string): number {
  const [minutes, setMinutes] = useState(() => minutesBetween(since, now()));
  useEffect(() => {
    const timer = setInterval(() => setMinutes(minutesBetween(since, now())), 15_000);
    return () => clearInterval(timer);
  }, [since, now]);
  return minutes;
}
