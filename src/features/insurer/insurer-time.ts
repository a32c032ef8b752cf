/** The clock the call-back marks count from, and a failure's message key. */
import { useEffect, useState } from 'react';
import type { PacketFailure } from '../../services/packet-client';

/** The time now, moving on every 30 s (the call-back clocks count minutes). */
export function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A failure's words: an address not found is the server's fault, unless a packet is asked for. */
export const failureKey = (f: PacketFailure) =>
  `insurer.failure.${f === 'not-found' ? 'server' : f}`;
