/**
 * Where the vault keeps its keyrings and the count of wrong PINs (issue 18):
 * an idb-keyval store of its own, apart from the case database, so a reload
 * neither loses a keyring nor resets the count. A keyring holds the data key
 * only wrapped (by the PIN and by the escrow key): nothing in it is readable
 * without one of them.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { Keyring } from '../platform/vault/keyring';

export interface KeyringStore {
  /** Whether any officer has a keyring on this phone (then it seals what it writes). */
  anyKeyring(): Promise<boolean>;
  keyring(officerId: string): Promise<Keyring | undefined>;
  saveKeyring(keyring: Keyring): Promise<void>;
  failedPins(officerId: string): Promise<number>;
  setFailedPins(officerId: string, failed: number): Promise<void>;
}

export function keyringStore(
  store: UseStore = createStore('kuaichu-vault', 'keyrings'),
): KeyringStore {
  return {
    anyKeyring: async () =>
      (await keys(store)).some((k) => typeof k === 'string' && k.startsWith('keyring:')),
    keyring: (officerId) => get<Keyring>(`keyring:${officerId}`, store),
    saveKeyring: (keyring) => set(`keyring:${keyring.officerId}`, keyring, store),
    failedPins: async (officerId) => (await get<number>(`failed:${officerId}`, store)) ?? 0,
    setFailedPins: (officerId, failed) =>
      failed === 0 ? del(`failed:${officerId}`, store) : set(`failed:${officerId}`, failed, store),
  };
}
