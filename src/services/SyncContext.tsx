/**
 * The sync side of the app for screens: the API client, the officer's session
 * and the outbox runner, made once by the composition root.
 */
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Api } from '../api';
import type { SessionState, SessionStore } from '../storage';
import type { SyncRunner } from '../sync/runner';
import type { SyncState } from '../sync/state';

export interface SyncServices {
  api: Api;
  session: SessionStore;
  runner: SyncRunner;
}

const SyncContext = createContext<SyncServices | null>(null);

/** `sync` is null while the sync code is still loading (it is not in the first chunk). */
export function SyncProvider({
  sync,
  children,
}: {
  sync: SyncServices | null;
  children: ReactNode;
}) {
  return <SyncContext.Provider value={sync}>{children}</SyncContext.Provider>;
}

/** The sync services, or null while they load. */
export function useSync(): SyncServices | null {
  return useContext(SyncContext);
}

const IDLE: SyncState = { phase: 'idle' };
const noSubscription = () => () => undefined;

/** The runner's state, re-rendering on every change (idle while loading). */
export function useSyncState(): SyncState {
  const sync = useSync();
  return useSyncExternalStore(
    sync ? (listener) => sync.runner.subscribe(listener) : noSubscription,
    () => sync?.runner.getState() ?? IDLE,
  );
}

/** The session's state (signed out, active, or expired and why); undefined while loading. */
export function useSession(): SessionState | undefined {
  const session = useSync()?.session;
  const [state, setState] = useState<SessionState>();
  useEffect(() => {
    if (!session) return;
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
