/**
 * An officer's keyring on the phone: the data key wrapped by the PIN and by
 * the server-held escrow key, with the PIN's salt and cost. Nothing in it is
 * secret without the PIN or the escrow key; it is what the phone stores.
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
};

export type Unlocked = { keyring: Keyring; dataKey: CryptoKey };

async function wrapForPin(
  officerId: string,
  extractable: CryptoKey,
  pin: string,
  byEscrow: Bytes,
  iterations: number,
): Promise<Unlocked> {
  const salt = v.randomSalt();
  const byPin = await v.wrapDataKey(extractable, await v.pinKey(pin, salt, iterations));
  const keyring: Keyring = { schemaVersion: 1, officerId, salt, iterations, byPin, byEscrow };
  const dataKey = await v.unwrapDataKey(byPin, await v.pinKey(pin, salt, iterations));
  if (!dataKey) throw new Error('a key just wrapped did not unwrap');
  return { keyring, dataKey };
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
  return wrapForPin(officerId, extractable, pin, byEscrow, iterations);
}

/** The data key for the right PIN, null for a wrong one. Works offline. */
export async function unlockWithPin(keyring: Keyring, pin: string): Promise<CryptoKey | null> {
  return v.unwrapDataKey(keyring.byPin, await v.pinKey(pin, keyring.salt, keyring.iterations));
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
  return wrapForPin(keyring.officerId, extractable, newPin, keyring.byEscrow, iterations);
}
