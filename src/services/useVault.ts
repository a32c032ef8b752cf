/**
 * The phone's vault for the screens (issue 18): setting the officer's PIN
 * (online: the escrow key comes from the server) and unlocking with it
 * offline. Its state is `useVaultView` (light, for the app's gate).
 */
import { getEscrowKey } from '../api';
import { decodeBase64Url } from '../domain/base64';
import type { PinOutcome } from '../domain';
import { resealOwnRows } from '../storage';
import { ensureDevice } from '../sync';
import { recoveryIssuer } from './useRecovery';
import { useServices } from './ServicesContext';
import { useSync } from './SyncContext';
import type { VaultSession } from './vault-session';

type Bytes = Uint8Array<ArrayBuffer>;

export type SetPinResult =
  { ok: true } | { ok: false; reason: 'offline' | 'not-signed-in' | 'server' | 'no-vault' };

type EscrowFetch =
  | { ok: true; officerId: string; raw: Bytes }
  | { ok: false; reason: 'offline' | 'not-signed-in' | 'server' };

/** The signed-in officer's escrow key from the server (his enrolled phone, online). */
async function fetchEscrow(
  deps: Pick<ReturnType<typeof useServices>, 'db' | 'platform'>,
  sync: NonNullable<ReturnType<typeof useSync>>,
): Promise<EscrowFetch> {
  const session = await sync.session.active();
  if (!session) return { ok: false, reason: 'not-signed-in' };
  const device = await ensureDevice(
    { db: deps.db, api: sync.api, keys: deps.platform.deviceKeys },
    session,
  );
  if (!device.ok) return { ok: false, reason: 'offline' };
  const escrow = await getEscrowKey({ baseUrl: '' }, session.token, device.value);
  if (!escrow.ok)
    return { ok: false, reason: escrow.failure.kind === 'http' ? 'server' : 'offline' };
  // The contract checked it is 32 bytes of base64url.
  const raw = decodeBase64Url(escrow.value.key);
  if (!raw) return { ok: false, reason: 'server' };
  return { ok: true, officerId: session.user.id, raw };
}

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
    const escrow = await fetchEscrow({ db, platform }, sync);
    if (!escrow.ok) return escrow;
    // A keyring already here (a forgotten PIN): the same data key under the new PIN.
    if (await vault.hasKeyring(escrow.officerId)) {
      const opened = await vault.unlockOnline(escrow.officerId, escrow.raw, pin);
      return opened ? { ok: true } : { ok: false, reason: 'server' };
    }
    await vault.enrol(escrow.officerId, pin, escrow.raw);
    await resealOwnRows(db, escrow.officerId);
    // The supervisor's recovery code, while online; if this fails the app asks again later.
    await vault.renewRecoveryCode(recoveryIssuer({ db, platform, sync }, escrow.officerId));
    return { ok: true };
  };
}

/**
 * The escrow key of `officerId` when he is the officer signed in and the
 * server can be reached; null otherwise (offline, another officer, the sync
 * code not loaded yet).
 */
export function useEscrowKeyOf(): (officerId: string) => Promise<Bytes | null> {
  const { db, platform } = useServices();
  const sync = useSync();
  return async (officerId) => {
    if (!sync) return null;
    const session = await sync.session.active();
    if (session?.user.id !== officerId) return null;
    const escrow = await fetchEscrow({ db, platform }, sync);
    return escrow.ok ? escrow.raw : null;
  };
}

/** Unlocks with the PIN of the officer whose session is on the phone; works offline. */
export function useUnlock(): (officerId: string, pin: string) => Promise<PinOutcome | null> {
  const { vault } = useServices();
  return async (officerId, pin) => (vault ? vault.unlock(officerId, pin) : null);
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
  const raw = escrow.ok ? decodeBase64Url(escrow.value.key) : null;
  return raw !== null && vault.unlockOnline(deps.officerId, raw);
}
