/**
 * The sync side of the app for screens: the API client, the officer's session
 * and the outbox runner, made once by the composition root.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Api } from '../api';
import type { SessionStore } from '../storage';
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
