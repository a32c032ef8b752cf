/**
 * Encryption at rest (issue 18, RELIABILITY.md D5, D8, D9), the WebCrypto part.
 *
 * One data key per officer (AES-GCM 256) encrypts that officer's records and
 * photos on the phone. It is stored only wrapped (AES-KW), twice:
 * - by a key derived from the officer's PIN (PBKDF2-SHA-256, `iterations`
 *   tuned on this machine, see BENCHMARKS.md), for unlocking offline;
 * - by the officer's escrow key, which the server holds and hands only to a
 *   signed-in session, so a forgotten PIN or ten wrong ones cost a sign-in,
 *   never a case.
 * Keys in use are non-extractable; only the moment of wrapping holds an
 * extractable copy of the data key, in memory.
 *
 * A sealed value is `version ‖ 12-byte IV ‖ ciphertext ‖ 16-byte tag`. The
 * additional data binds it to where it is stored (table and key), so a
 * ciphertext moved to another record does not open.
 */

export const SEALED_VERSION = 1;
const IV_BYTES = 12;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** PBKDF2-SHA-256 iterations for a new PIN: OWASP's 2023 figure for this hash. */
export const PIN_ITERATIONS = 600_000;

type Bytes = Uint8Array<ArrayBuffer>;

const utf8 = (text: string): Bytes => new TextEncoder().encode(text);

export function randomSalt(): Bytes {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The key-wrapping key of a PIN (non-extractable; wraps and unwraps only). */
export async function pinKey(pin: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** The escrow key from its 32 raw bytes, as the server hands them out. */
export async function escrowKey(raw: Bytes): Promise<CryptoKey> {
  if (raw.byteLength !== KEY_BYTES) throw new RangeError(`escrow key must be ${KEY_BYTES} bytes`);
  return crypto.subtle.importKey('raw', raw, 'AES-KW', false, ['wrapKey', 'unwrapKey']);
}

/** A new data key, extractable so that it can be wrapped; use `unwrapDataKey` for work. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dataKey: CryptoKey, wrappingKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, 'AES-KW'));
}

/**
 * The data key from a wrapped copy, or null when the wrapping key is not the
 * one it was wrapped with (a wrong PIN: AES-KW's integrity check fails).
 * Non-extractable unless `extractable` (only to wrap it again, for a new PIN).
 */
export async function unwrapDataKey(
  wrapped: Bytes,
  wrappingKey: CryptoKey,
  extractable = false,
): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      wrappingKey,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
}

/** Encrypts bytes for the place named by `where` (e.g. `cases/<id>`). */
export async function seal(dataKey: CryptoKey, plain: Bytes, where: string): Promise<Bytes> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(where) },
    dataKey,
    plain,
  );
  const out = new Uint8Array(1 + IV_BYTES + body.byteLength);
  out[0] = SEALED_VERSION;
  out.set(iv, 1);
  out.set(new Uint8Array(body), 1 + IV_BYTES);
  return out;
}

export class SealError extends Error {
  constructor(
    readonly reason: 'unknown_version' | 'too_short' | 'not_authentic',
    where: string,
  ) {
    super(`sealed value at ${where}: ${reason}`);
    this.name = 'SealError';
  }
}

/** Decrypts what `seal` made for the same place; throws `SealError` otherwise. */
export async function open(dataKey: CryptoKey, sealed: Bytes, where: string): Promise<Bytes> {
  if (sealed.byteLength < 1 + IV_BYTES + 16) throw new SealError('too_short', where);
  if (sealed[0] !== SEALED_VERSION) throw new SealError('unknown_version', where);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(1, 1 + IV_BYTES), additionalData: utf8(where) },
      dataKey,
      sealed.subarray(1 + IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    throw new SealError('not_authentic', where);
  }
}

export async function sealJson(dataKey: CryptoKey, value: unknown, where: string): Promise<Bytes> {
  return seal(dataKey, utf8(JSON.stringify(value)), where);
}

export async function openJson(dataKey: CryptoKey, sealed: Bytes, where: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await open(dataKey, sealed, where)));
}
