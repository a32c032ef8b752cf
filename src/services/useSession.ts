/**
 * The officer's session on this phone, for screens (whose cases they show:
 * officer-view.ts). In the first chunk: the header reads it.
 */
import { useEffect, useState } from 'react';
import type { SessionState } from '../storage/session';
import { useShell } from './ServicesContext';
import { viewerRole } from './role-routes';
import type { Role } from '../contracts/route';

/** The session's state (signed out, active, or expired and why); undefined while loading. */
export function useSession(): SessionState | undefined {
  const { session } = useShell();
  // The state main.tsx read before the first render, so the shell draws the role's frame at once.
  const [state, setState] = useState<SessionState | undefined>(() => session.peek?.());
  useEffect(() => {
    let live = true;
    const read = () => void session.state().then((s) => live && setState(s));
    read();
    const stop = session.subscribe(read);
    // The shift can end while the screen is open.
    const timer = setInterval(read, 60_000);
    return () => {
      live = false;
      stop();
      clearInterval(timer);
    };
  }, [session]);
  return state;
}

/** The role whose screens the phone shows (an officer's when signed out); undefined while loading. */
export function useViewerRole(): Role | undefined {
  const state = useSession();
  return state && viewerRole(state);
}
