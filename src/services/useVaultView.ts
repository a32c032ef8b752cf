/**
 * Whether the phone seals and whose key is open (issue 18), following every
 * enrol, unlock and lock; and the idle lock. Light: the app's gate reads it
 * on every screen.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_LOCK_POLICY, shouldLock } from '../domain/device/lock';
import { useServices } from './ServicesContext';
import { useSync } from './SyncContext';
import type { VaultSession } from './vault-session';

export type VaultView = { sealing: boolean; openFor: string | null };

const viewOf = (vault: VaultSession | undefined): VaultView => {
  const state = vault?.state();
  return {
    sealing: vault?.sealing() ?? false,
    openFor: state?.kind === 'open' ? state.officerId : null,
  };
};

/** The vault's state, following every enrol, unlock and lock. */
export function useVaultView(): VaultView {
  const { vault } = useServices();
  const [view, setView] = useState(() => viewOf(vault));
  useEffect(() => vault?.subscribe(() => setView(viewOf(vault))), [vault]);
  return view;
}

/** Whether `officerId` has a keyring on the phone (undefined while reading). */
export function useHasKeyring(officerId: string | null): boolean | undefined {
  const { vault } = useServices();
  const [has, setHas] = useState<{ officerId: string | null; has: boolean }>();
  useEffect(() => {
    let live = true;
    if (vault && officerId)
      void vault.hasKeyring(officerId).then((h) => live && setHas({ officerId, has: h }));
    return () => {
      live = false;
    };
  }, [vault, officerId]);
  return has?.officerId === officerId ? has.has : undefined;
}

/**
 * Locks the open vault after `idleMinutes` (the brigade's) without a touch
 * or a key, and at once when the app is switched away (the page hidden).
 * Every save is already on the phone, so nothing typed is lost to the lock.
 */
export function useIdleLock(idleMinutes: number): void {
  const { vault, platform } = useServices();
  useEffect(() => {
    if (!vault) return;
    const policy = { ...DEFAULT_LOCK_POLICY, idleMinutes };
    let lastActivityAt = platform.clock.now();
    const touched = () => {
      lastActivityAt = platform.clock.now();
    };
    const check = (hidden: boolean) => {
      if (vault.state().kind !== 'open') return;
      const now = platform.clock.now();
      if (shouldLock(policy, { now, lastActivityAt, hidden })) vault.lock();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') check(true);
      else touched();
    };
    const timer = setInterval(() => check(false), 15_000);
    for (const type of ['pointerdown', 'keydown'] as const)
      window.addEventListener(type, touched, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      for (const type of ['pointerdown', 'keydown'] as const)
        window.removeEventListener(type, touched, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [vault, platform, idleMinutes]);
}

/**
 * While `openFor`'s key is open: keeps a supervisor's recovery code in his
 * keyring (recovery-renewal.ts, loaded then: the first screen does not carry
 * the API client and the sync code it needs).
 */
export function useRecoveryRenewal(openFor: string | null): void {
  const { db, vault, platform } = useServices();
  const sync = useSync();
  useEffect(() => {
    if (!vault || !sync || !openFor) return;
    let live = true;
    let stop: (() => void) | undefined;
    void import('./recovery-renewal').then((m) => {
      if (live) stop = m.startRecoveryRenewal({ db, vault, platform }, sync, openFor);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [vault, sync, openFor, db, platform]);
}
