/**
 * The phone's vault while the app runs (issue 18): which officer's data key
 * is open, the PIN tries left, and locking. It is the `KeyChain` the sealed
 * tables read on every call (src/storage/sealed-tables.ts), so a lock takes
 * effect on the next read or write.
 *
 * Keyrings and the count of wrong PINs are kept by src/storage/keyrings.ts.
 * Locking zeroes the raw key bytes held in memory.
 */
import {
  afterPinAttempt,
  afterRecoveryAttempt,
  DEFAULT_LOCK_POLICY,
  type LockPolicy,
  type PinOutcome,
  type RecoveryOutcome,
} from '../domain';
import {
  addRecoveryWrap,
  createKeyring,
  opensWithCode,
  recoverWithCode,
  recoverWithEscrow,
  unlockWithEscrow,
  unlockWithPin,
  type Keyring,
  type Unlocked,
} from '../platform/vault/keyring';
import type { ExportKey } from './export-seal';
import { keyringStore, type KeyringStore } from '../storage/keyrings';
import type { KeyChain, OpenKey } from '../storage/sealed-tables';

type Bytes = Uint8Array<ArrayBuffer>;

/** A try of a supervisor's recovery code; `no_code`: the phone holds none (spent, not renewed). */
export type RecoveryTry = RecoveryOutcome | { kind: 'no_code' };

/** A new recovery code from the server, told the one spent; null offline or refused. */
export type IssueRecoveryCode = (
  spentCodeId: string | undefined,
) => Promise<{ codeId: string; code: string } | null>;

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
  /** Offline: whether the supervisor's code opens the key; a wrong one counts like a wrong PIN. */
  tryRecoveryCode(officerId: string, code: string): Promise<RecoveryTry>;
  /** Offline: the code opens the key, a new PIN wraps it, the code is spent; the vault opens. */
  recoverWithCode(officerId: string, code: string, newPin: string): Promise<RecoveryTry>;
  /**
   * Online, with the officer's key open: when his keyring holds no recovery
   * code (a new PIN, or one spent), a new one from the server is wrapped in.
   * True when the keyring holds one afterwards.
   */
  renewRecoveryCode(issue: IssueRecoveryCode): Promise<boolean>;
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

  let renewing: Promise<boolean> | null = null;
  const renew = async (issue: IssueRecoveryCode): Promise<boolean> => {
    const was = current;
    if (!was) return false;
    if (was.keyring.byRecovery) return true;
    const code = await issue(was.keyring.spentRecoveryCodeId);
    // Locked meanwhile: the key bytes are gone; the next open asks again.
    if (!code || current !== was) return false;
    const keyring = await addRecoveryWrap(was, code, options.iterations);
    if (current !== was) return false;
    await store.saveKeyring(keyring);
    current = { ...was, keyring };
    return true;
  };

  /** A recovery code's try, counted with the wrong PINs; `opens` is null for a wrong code. */
  const recoveryTry = async (
    officerId: string,
    opens: (keyring: Keyring) => Promise<unknown>,
  ): Promise<RecoveryTry> => {
    const keyring = await store.keyring(officerId);
    if (!keyring?.byRecovery) return { kind: 'no_code' };
    const attempts = { failed: await store.failedPins(officerId) };
    const allowed = afterRecoveryAttempt(policy, attempts, true);
    if (allowed.kind !== 'recovered') return allowed;
    const outcome = afterRecoveryAttempt(policy, attempts, (await opens(keyring)) !== null);
    await store.setFailedPins(officerId, outcome.attempts.failed);
    return outcome;
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

    async tryRecoveryCode(officerId, code) {
      return recoveryTry(
        officerId,
        async (keyring) => (await opensWithCode(keyring, code)) || null,
      );
    },

    async recoverWithCode(officerId, code, newPin) {
      let unlocked: Unlocked | null = null;
      const outcome = await recoveryTry(officerId, async (keyring) => {
        unlocked = await recoverWithCode(keyring, code, newPin, options.iterations);
        return unlocked;
      });
      if (outcome.kind === 'recovered' && unlocked) {
        const made: Unlocked = unlocked;
        await store.saveKeyring(made.keyring);
        open(officerId, made);
      }
      return outcome;
    },

    renewRecoveryCode(issue) {
      // One at a time: two codes issued at once would leave the server's in
      // force not the one wrapped here.
      renewing ??= renew(issue).finally(() => (renewing = null));
      return renewing;
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
