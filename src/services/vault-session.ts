/**
 * The phone's vault while the app runs (issue 18): which officer's data key
 * is open, the PIN tries left, and locking. It is the `KeyChain` the sealed
 * tables read on every call (src/storage/sealed-tables.ts), so a lock takes
 * effect on the next read or write.
 *
 * Keyrings and the count of wrong PINs are kept by src/storage/keyrings.ts.
 * Locking zeroes the raw key bytes held in memory.
 */
import { afterPinAttempt, DEFAULT_LOCK_POLICY, type LockPolicy, type PinOutcome } from '../domain';
import {
  createKeyring,
  recoverWithEscrow,
  unlockWithEscrow,
  unlockWithPin,
  type Unlocked,
} from '../platform/vault/keyring';
import type { ExportKey } from './export-seal';
import { keyringStore, type KeyringStore } from '../storage/keyrings';
import type { KeyChain, OpenKey } from '../storage/sealed-tables';

type Bytes = Uint8Array<ArrayBuffer>;

export type VaultState = { kind: 'locked' } | { kind: 'open'; officerId: string };

export interface VaultSession extends KeyChain {
  /** Reads whether this phone seals (any keyring on it); before the database opens. */
  init(): Promise<void>;
  state(): VaultState;
  /** The WebCrypto key of the open officer, for photos (sealed before their transaction). */
  photoKey(): CryptoKey | null;
  /** The open officer's keyring and data key, to seal an export file; null while locked. */
  exportKey(): ExportKey | null;
  hasKeyring(officerId: string): Promise<boolean>;
  /** First sign-in of the officer on this phone: a new data key under his PIN and escrow key. */
  enrol(officerId: string, pin: string, escrowRaw: Bytes): Promise<void>;
  /** Offline unlock; counts wrong PINs across reloads. */
  unlock(officerId: string, pin: string): Promise<PinOutcome>;
  /** After an online sign-in: opens with the escrow key, a new PIN if given; the count reset. */
  unlockOnline(officerId: string, escrowRaw: Bytes, newPin?: string): Promise<boolean>;
  lock(): void;
  subscribe(listener: () => void): () => void;
}

export type VaultOptions = {
  policy?: LockPolicy;
  store?: KeyringStore;
  /** PBKDF2 iterations of a new PIN (tests lower it; the default is benchmarked). */
  iterations?: number;
};

export function createVaultSession(options: VaultOptions = {}): VaultSession {
  const policy = options.policy ?? DEFAULT_LOCK_POLICY;
  const store = options.store ?? keyringStore();
  let current: (Unlocked & { officerId: string }) | null = null;
  let sealing = false;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  const open = (officerId: string, unlocked: Unlocked) => {
    if (current) current.raw.fill(0);
    current = { ...unlocked, officerId };
    changed();
  };

  return {
    async init() {
      sealing = await store.anyKeyring();
    },
    sealing: () => sealing,
    state: () => (current ? { kind: 'open', officerId: current.officerId } : { kind: 'locked' }),
    active: (): OpenKey | null => (current ? { id: current.officerId, raw: current.raw } : null),
    open: (id) => (current?.officerId === id ? current.raw : null),
    photoKey: () => current?.dataKey ?? null,
    exportKey: () => (current ? { keyring: current.keyring, dataKey: current.dataKey } : null),
    hasKeyring: async (officerId) => (await store.keyring(officerId)) !== undefined,

    async enrol(officerId, pin, escrowRaw) {
      const made = await createKeyring(officerId, pin, escrowRaw, options.iterations);
      await store.saveKeyring(made.keyring);
      await store.setFailedPins(officerId, 0);
      sealing = true;
      open(officerId, made);
    },

    async unlock(officerId, pin) {
      const keyring = await store.keyring(officerId);
      const attempts = { failed: await store.failedPins(officerId) };
      if (attempts.failed >= policy.maxPinAttempts) return afterPinAttempt(policy, attempts, false);
      const unlocked = keyring ? await unlockWithPin(keyring, pin) : null;
      const outcome = afterPinAttempt(policy, attempts, unlocked !== null);
      await store.setFailedPins(officerId, outcome.attempts.failed);
      if (outcome.kind === 'unlocked' && unlocked) open(officerId, unlocked);
      return outcome;
    },

    async unlockOnline(officerId, escrowRaw, newPin) {
      const keyring = await store.keyring(officerId);
      if (!keyring) return false;
      const unlocked = newPin
        ? await recoverWithEscrow(keyring, escrowRaw, newPin, options.iterations)
        : await unlockWithEscrow(keyring, escrowRaw);
      if (!unlocked) return false;
      if (newPin) await store.saveKeyring(unlocked.keyring);
      await store.setFailedPins(officerId, 0);
      open(officerId, unlocked);
      return true;
    },

    lock() {
      if (!current) return;
      current.raw.fill(0);
      current = null;
      changed();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
