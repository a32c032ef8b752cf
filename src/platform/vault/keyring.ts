/**
 * An officer's keyring on the phone: the data key wrapped by the PIN, by the
 * server-held escrow key and by the supervisor's recovery code (a one-time
 * 16-digit code the server holds and the duty supervisor reads out over a
 * voice call, src/domain/device/recovery-code.ts), with the salts and costs.
 * Nothing in it is secret without the PIN, the escrow key or the code; it is
 * what the phone stores. The code itself is never stored.
 */
import * as v from './crypto';

type Bytes = Uint8Array<ArrayBuffer>;

export type Keyring = {
  schemaVersion: 1;
  officerId: string;
  /** PBKDF2 salt and iterations of the PIN in force. */
  salt: Bytes;
  iterations: number;
  /** The data key wrapped by the PIN's key. */
  byPin: Bytes;
  /** The data key wrapped by the officer's escrow key (server-held). */
  byEscrow: Bytes;
  /** The data key wrapped by the recovery code in force; absent once spent, until renewed. */
  byRecovery?: RecoveryWrap;
  /** The code spent offline, for the server to mark used at the next renewal. */
  spentRecoveryCodeId?: string;
};

/** A wrap by a recovery code: PBKDF2 of its 16 digits, at the PIN's cost. */
export type RecoveryWrap = { codeId: string; salt: Bytes; iterations: number; wrapped: Bytes };

/**
 * An open data key: its raw bytes for the records' synchronous cipher
 * (src/storage/sealed-tables.ts, inside IndexedDB transactions, where
 * WebCrypto cannot run), and a non-extractable WebCrypto key of the same
 * bytes for photos, sealed before their transaction.
 */
export type Unlocked = { keyring: Keyring; raw: Uint8Array<ArrayBuffer>; dataKey: CryptoKey };

async function opened(keyring: Keyring, extractable: CryptoKey): Promise<Unlocked> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', extractable));
  const dataKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { keyring, raw, dataKey };
}

/** The keyring with a new PIN; everything else as in `base`. */
async function wrapForPin(
  base: Omit<Keyring, 'salt' | 'iterations' | 'byPin'>,
  extractable: CryptoKey,
  pin: string,
  iterations: number,
): Promise<Unlocked> {
  const salt = v.randomSalt();
  const byPin = await v.wrapDataKey(extractable, await v.pinKey(pin, salt, iterations));
  return opened({ ...base, salt, iterations, byPin }, extractable);
}

/** A new officer on this phone: a new data key, wrapped by the PIN and the escrow key. */
export async function createKeyring(
  officerId: string,
  pin: string,
  escrowRaw: Bytes,
  iterations = v.PIN_ITERATIONS,
): Promise<Unlocked> {
  const extractable = await v.newDataKey();
  const byEscrow = await v.wrapDataKey(extractable, await v.escrowKey(escrowRaw));
  return wrapForPin({ schemaVersion: 1, officerId, byEscrow }, extractable, pin, iterations);
}

/** The data key for the right PIN, null for a wrong one. Works offline. */
export async function unlockWithPin(keyring: Keyring, pin: string): Promise<Unlocked | null> {
  const kek = await v.pinKey(pin, keyring.salt, keyring.iterations);
  const extractable = await v.unwrapDataKey(keyring.byPin, kek, true);
  return extractable ? opened(keyring, extractable) : null;
}

/** After an online sign-in: the data key from the escrow key, the PIN unchanged. */
export async function unlockWithEscrow(
  keyring: Keyring,
  escrowRaw: Bytes,
): Promise<Unlocked | null> {
  const extractable = await v.unwrapDataKey(keyring.byEscrow, await v.escrowKey(escrowRaw), true);
  return extractable ? opened(keyring, extractable) : null;
}

/**
 * After an online sign-in (a forgotten PIN, ten wrong ones): the escrow key
 * opens the same data key, so every case stays readable, and a new PIN wraps
 * it. Null when the escrow key is not this keyring's.
 */
export async function recoverWithEscrow(
  keyring: Keyring,
  escrowRaw: Bytes,
  newPin: string,
  iterations = keyring.iterations,
): Promise<Unlocked | null> {
  const extractable = await v.unwrapDataKey(keyring.byEscrow, await v.escrowKey(escrowRaw), true);
  if (!extractable) return null;
  return wrapForPin(keyring, extractable, newPin, iterations);
}

/**
 * The keyring with the data key also wrapped by a new recovery code (the
 * one the server just issued); the phone forgets the code after this.
 */
export async function addRecoveryWrap(
  unlocked: Unlocked,
  code: { codeId: string; code: string },
  iterations = unlocked.keyring.iterations,
): Promise<Keyring> {
  const extractable = await crypto.subtle.importKey('raw', unlocked.raw, 'AES-GCM', true, [
    'encrypt',
    'decrypt',
  ]);
  const salt = v.randomSalt();
  const wrapped = await v.wrapDataKey(extractable, await v.pinKey(code.code, salt, iterations));
  const { spentRecoveryCodeId: _told, ...keyring } = unlocked.keyring;
  return { ...keyring, byRecovery: { codeId: code.codeId, salt, iterations, wrapped } };
}

async function unwrapByCode(keyring: Keyring, code: string): Promise<CryptoKey | null> {
  const by = keyring.byRecovery;
  if (!by) return null;
  return v.unwrapDataKey(by.wrapped, await v.pinKey(code, by.salt, by.iterations), true);
}

/** Whether the code opens this keyring (false too when it holds no code). Works offline. */
export async function opensWithCode(keyring: Keyring, code: string): Promise<boolean> {
  return (await unwrapByCode(keyring, code)) !== null;
}

/**
 * Offline, with the supervisor's recovery code: the same data key under a
 * new PIN, the code spent (its wrap dropped, its id kept to tell the server).
 * Null for a wrong code or a keyring without one.
 */
export async function recoverWithCode(
  keyring: Keyring,
  code: string,
  newPin: string,
  iterations = keyring.iterations,
): Promise<Unlocked | null> {
  const by = keyring.byRecovery;
  const extractable = await unwrapByCode(keyring, code);
  if (!by || !extractable) return null;
  const { byRecovery: _spent, ...rest } = keyring;
  return wrapForPin({ ...rest, spentRecoveryCodeId: by.codeId }, extractable, newPin, iterations);
}
