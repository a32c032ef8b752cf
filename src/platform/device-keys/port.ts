/**
 * The phone's signing key (RELIABILITY.md rule 12): one ECDSA P-256 key pair
 * made with WebCrypto at first sign-in, the private half non-extractable and
 * kept in IndexedDB, the public half enrolled with the server as a JWK.
 * Manifests are signed with it; signatures are base64url of the raw 64-byte
 * `r‖s` WebCrypto returns (what the server verifies).
 */
import type { P256PublicJwk } from '../../contracts/devices';
import { encodeBase64Url } from '../../domain/base64';

export interface DeviceKeys {
  /** The public key, making and storing the pair on first use. */
  ensure(): Promise<P256PublicJwk>;
  /** True when a key pair is stored on this phone. */
  has(): Promise<boolean>;
  /** base64url of the raw ECDSA P-256 / SHA-256 signature of `bytes` (makes the pair if needed). */
  sign(bytes: Uint8Array): Promise<string>;
}

export const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The public JWK with only the members the server's schema names. */
export function publicJwkOf(jwk: JsonWebKey): P256PublicJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y || jwk.d !== undefined) {
    throw new Error('not a P-256 public key');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/**
 * Key handling shared by the web and the fake implementation: `load` and
 * `save` decide where the pair lives; concurrent first uses make one pair.
 */
export function keysOver(store: {
  load(): Promise<CryptoKeyPair | undefined>;
  /** Stores `pair` unless one is there already; answers the pair that is stored. */
  saveIfAbsent(pair: CryptoKeyPair): Promise<CryptoKeyPair>;
}): DeviceKeys {
  let pending: Promise<CryptoKeyPair> | undefined;
  const pair = (): Promise<CryptoKeyPair> => {
    pending ??= (async () => {
      const stored = await store.load();
      if (stored) return stored;
      const made = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
      return store.saveIfAbsent(made);
    })().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return {
    async ensure() {
      const { publicKey } = await pair();
      return publicJwkOf(await crypto.subtle.exportKey('jwk', publicKey));
    },
    async has() {
      return (await store.load()) !== undefined;
    },
    async sign(bytes) {
      const { privateKey } = await pair();
      const signature = await crypto.subtle.sign(
        ECDSA_SHA256,
        privateKey,
        bytes as Uint8Array<ArrayBuffer>,
      );
      return encodeBase64Url(new Uint8Array(signature));
    },
  };
}
