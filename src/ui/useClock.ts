import { useEffect, useState } from 'react';

/** The time now (ms), moving on every 30 s: for clocks that count minutes (call-back targets). */
export function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
