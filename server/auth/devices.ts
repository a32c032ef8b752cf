/**
 * Enrolled devices: an officer's phone's ECDSA P-256 public key. The phone
 * signs with WebCrypto, in the raw IEEE P1363 `r‖s` form; the server checks
 * with `node:crypto`'s synchronous `verify` (`dsaEncoding: 'ieee-p1363'`):
 * WebCrypto's verify is a thread-pool job, and its queueing, not the
 * arithmetic, was most of a case PUT's wait before its batch.
 */
import { createPublicKey, randomUUID, verify, webcrypto, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Device, P256PublicJwk } from '../../src/contracts/devices';
import type { Database, DeviceRow } from '../db/schema';
import { HttpError } from '../errors';

export function deviceOf(row: DeviceRow): Device {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    publicKeyJwk: JSON.parse(row.public_key_jwk) as P256PublicJwk,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Imports the JWK as a verify key; throws when it is not a point on P-256. */
export async function importDeviceKey(jwk: P256PublicJwk): Promise<webcrypto.CryptoKey> {
  const { kty, crv, x, y } = jwk;
  return webcrypto.subtle.importKey(
    'jwk',
    { kty, crv, x, y, ext: true },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
}

/**
 * Enrols the key for the user, once: the same key enrolled again (a phone's
 * sign-in and its first send may both ask) answers the device already
 * enrolled (`created: false`); a key whose device was revoked is refused, so
 * a revoked phone cannot come back by enrolling its key again.
 */
export async function enrolDevice(
  db: Kysely<Database>,
  input: { userId: string; label: string; publicKeyJwk: P256PublicJwk },
  at: Date,
): Promise<{ device: Device; created: boolean }> {
  const { kty, crv, x, y } = input.publicKeyJwk;
  const publicKeyJwk = JSON.stringify({ kty, crv, x, y });
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('devices')
      .selectAll()
      .where('user_id', '=', input.userId)
      .where('public_key_jwk', '=', publicKeyJwk)
      .orderBy('created_at')
      .execute();
    if (known.some((d) => d.revoked_at !== null)) {
      throw new HttpError(
        403,
        'device_revoked',
        'This phone’s key was revoked by an administrator.',
      );
    }
    const active = known[0];
    if (active) return { device: deviceOf(active), created: false };
    const row: DeviceRow = {
      id: randomUUID(),
      user_id: input.userId,
      label: input.label,
      public_key_jwk: publicKeyJwk,
      created_at: at.toISOString(),
      revoked_at: null,
    };
    await trx.insertInto('devices').values(row).execute();
    return { device: deviceOf(row), created: true };
  });
}

/** Imported keys by their stored JWK text: importing costs as much as verifying. */
const importedKeys = new Map<string, KeyObject | null>();
const IMPORTED_KEYS_KEPT = 1000;

/** The verify key of a stored JWK, imported once (the text is the key, so a cached key cannot go stale); null when it is no P-256 key. */
function cachedDeviceKey(jwkJson: string): KeyObject | null {
  const known = importedKeys.get(jwkJson);
  if (known !== undefined) return known;
  if (importedKeys.size >= IMPORTED_KEYS_KEPT) importedKeys.clear();
  let key: KeyObject | null = null;
  try {
    const { kty, crv, x, y } = JSON.parse(jwkJson) as P256PublicJwk;
    const imported = createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' });
    if (imported.asymmetricKeyDetails?.namedCurve === 'prime256v1') key = imported;
  } catch {
    key = null;
  }
  importedKeys.set(jwkJson, key);
  return key;
}

/** True when `signature` (base64url r‖s) signs `bytes` under the device's key (synchronous: no thread-pool hop). */
export function verifyDeviceSignature(
  jwkJson: string,
  bytes: Uint8Array,
  signatureB64url: string,
): boolean {
  const key = cachedDeviceKey(jwkJson);
  if (!key) return false;
  const signature = Buffer.from(signatureB64url, 'base64url');
  if (signature.length !== 64) return false;
  try {
    return verify('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
