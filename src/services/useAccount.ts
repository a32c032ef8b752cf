/**
 * Signing in and out on this phone, for screens: the operations of
 * src/sync/device.ts with the phone's services filled in. Both need the sync
 * services, which load after the first screen; until then they are null.
 */
import { useState } from 'react';
import type { ApiFailure } from '../api';
import { signIn, signOut, type SignInResult } from '../sync/device';
import { deviceLabelOf } from '../sync/device-label';
import type { AccountView } from '../ui/AccountPanel';
import { navigate } from '../ui/router';
import { useServices } from './ServicesContext';
import { useSync } from './SyncContext';
import { useSession } from './useSession';
import { openAfterSignIn } from './useVault';
import type { StoredSession } from '../storage';

export type { ApiFailure, SignInResult };

export interface Credentials {
  username: string;
  password: string;
}

/** Signs in (an officer's phone is enrolled on the way); null while sync loads. */
export function useSignIn(): ((credentials: Credentials) => Promise<SignInResult>) | null {
  const { db, platform, vault } = useServices();
  const sync = useSync();
  if (!sync) return null;
  const { api, session } = sync;
  // On a phone that seals, the officer's key opens with his escrow key (no PIN needed).
  const afterEnrol = (signedIn: StoredSession, deviceId: string) =>
    openAfterSignIn({ vault, token: signedIn.token, officerId: signedIn.user.id, deviceId });
  return (credentials) =>
    signIn(
      { db, api, keys: platform.deviceKeys, session, clock: platform.clock, afterEnrol },
      credentials,
      deviceLabelOf(navigator.userAgent),
    );
}

/**
 * Signs out: forgets the token (the server is told when it can be reached)
 * and locks the phone's vault; resolves with how many unsent cases stay on
 * the phone. Null while sync loads.
 */
export function useSignOut(): (() => Promise<{ unsentCases: number }>) | null {
  const { db, vault } = useServices();
  const sync = useSync();
  if (!sync) return null;
  return async () => {
    const kept = await signOut({ db, api: sync.api, session: sync.session });
    // His cases stay, sealed: the next officer on the phone cannot open them.
    vault?.lock();
    return kept;
  };
}

/** Sends what waits, now (e.g. after signing in); nothing while sync loads. */
export function useSendNow(): (reason: string) => void {
  const sync = useSync();
  return (reason) => void sync?.runner.drainNow(reason);
}

/**
 * Who is signed in, for the account panel of a role home, with sign-out
 * (then on to sign-in); null while the session loads or when signed out.
 */
export function useAccountView(): AccountView | null {
  const state = useSession();
  const signOut = useSignOut();
  const [busy, setBusy] = useState(false);
  if (!state || state.kind === 'signed-out') return null;
  const { user } = state.session;
  return {
    name: user.displayName,
    role: user.role,
    unit: user.unit?.name,
    insurer: user.insurer?.name,
    expired: state.kind === 'expired',
    busy,
    canSignOut: signOut !== null,
    signOut: () => {
      if (!signOut) return;
      setBusy(true);
      void signOut().then(() => navigate('/signin', { replace: true }));
    },
  };
}
