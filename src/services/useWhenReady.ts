/**
 * An action on a service that may still be loading (the sync code loads after
 * the first view): run now, or as soon as the service is there — never
 * dropped. A person who taps "sign in" before it has loaded is signed in when
 * it has, rather than left with a button that did nothing.
 */
import { useEffect, useRef } from 'react';

export function useWhenReady<T>(service: T | null): (action: (service: T) => void) => void {
  const waiting = useRef<((service: T) => void) | null>(null);
  useEffect(() => {
    const action = waiting.current;
    if (service === null || action === null) return;
    waiting.current = null;
    action(service);
  }, [service]);
  return (action) => {
    if (service === null) waiting.current = action;
    else action(service);
  };
}
