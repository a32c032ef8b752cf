/**
 * The phone's vault for the screens (issue 18): setting the officer's PIN
 * (online: the escrow key comes from the server) and unlocking with it
 * offline. Its state is `useVaultView` (light, for the app's gate).
 */
import { getEscrowKey } from '../api';
import type { PinOutcome } from '../domain';
import { resealOwnRows } from '../storage';
import { ensureDevice } from '../sync';
import { useServices } from './ServicesContext';
import { useSync } from './SyncContext';
import type { VaultSession } from './vault-session';

export type SetPinResult =
  { ok: true } | { ok: false; reason: 'offline' | 'not-signed-in' | 'server' | 'no-vault' };

/**
 * Sets the signed-in officer's PIN and starts sealing his rows: needs the
 * network once (the escrow key). Null while the sync code loads.
 */
export function useSetPin(): ((pin: string) => Promise<SetPinResult>) | null {
  const { db, vault, platform } = useServices();
  const sync = useSync();
  if (!sync) return null;
  return async (pin) => {
    if (!vault) return { ok: false, reason: 'no-vault' };
    const session = await sync.session.active();
    if (!session) return { ok: false, reason: 'not-signed-in' };
    const device = await ensureDevice({ db, api: sync.api, keys: platform.deviceKeys }, session);
    if (!device.ok) return { ok: false, reason: 'offline' };
    const escrow = await getEscrowKey({ baseUrl: '' }, session.token, device.value);
    if (!escrow.ok)
      return { ok: false, reason: escrow.failure.kind === 'http' ? 'server' : 'offline' };
    const escrowRaw = bytesOf(escrow.value.key);
    // A keyring already here (a forgotten PIN): the same data key under the new PIN.
    if (await vault.hasKeyring(session.user.id)) {
      const opened = await vault.unlockOnline(session.user.id, escrowRaw, pin);
      return opened ? { ok: true } : { ok: false, reason: 'server' };
    }
    await vault.enrol(session.user.id, pin, escrowRaw);
    await resealOwnRows(db, session.user.id);
    return { ok: true };
  };
}

/** Unlocks with the PIN of the officer whose session is on the phone; works offline. */
export function useUnlock(): (officerId: string, pin: string) => Promise<PinOutcome | null> {
  const { vault } = useServices();
  return async (officerId, pin) => (vault ? vault.unlock(officerId, pin) : null);
}

function bytesOf(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
    c.charCodeAt(0),
  );
}

/**
 * After an online sign-in on a phone that seals: opens the officer's key with
 * his escrow key (a forgotten PIN, or ten wrong ones, cost only this). False
 * when there is nothing to open or the server could not be asked.
 */
export async function openAfterSignIn(deps: {
  vault: VaultSession | undefined;
  token: string;
  officerId: string;
  deviceId: string;
}): Promise<boolean> {
  const { vault } = deps;
  if (!vault?.sealing() || !(await vault.hasKeyring(deps.officerId))) return false;
  const escrow = await getEscrowKey({ baseUrl: '' }, deps.token, deps.deviceId);
  return escrow.ok && vault.unlockOnline(deps.officerId, bytesOf(escrow.value.key));
}
