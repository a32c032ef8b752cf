/**
 * A phone's signing key, made in Node exactly as the browser makes it:
 * WebCrypto P-256, private key non-extractable, public key exported as JWK,
 * signatures in raw r‖s form, sent as base64url. Test-only.
 */
import { createHash, webcrypto } from 'node:crypto';
import type { CasePutRequest } from '../src/contracts/cases';
import type { P256PublicJwk } from '../src/contracts/devices';
import type { CaseRecord } from '../src/domain/case/case.schema';
import type { PhotoMeta } from '../src/domain/case/photo.schema';
import { buildManifest, manifestBytes } from '../src/domain/manifest/manifest';
import type { CaseManifest } from '../src/domain/manifest/manifest.schema';

export interface TestDeviceKey {
  publicKeyJwk: P256PublicJwk;
  /** base64url raw signature of `bytes`. */
  sign(bytes: Uint8Array): Promise<string>;
}

export async function makeDeviceKey(): Promise<TestDeviceKey> {
  const { subtle } = webcrypto;
  const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = await subtle.exportKey('jwk', keys.publicKey);
  return {
    publicKeyJwk: jwk as P256PublicJwk,
    async sign(bytes) {
      const signature = await subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        keys.privateKey,
        bytes,
      );
      return Buffer.from(signature).toString('base64url');
    },
  };
}

function chainedBytes(seed: string, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < size; i += 32) {
    block.copy(bytes, i);
    block = createHash('sha256').update(block).digest();
  }
  return bytes;
}

export const sha256OfBytes = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Sizes from which a photo's bytes come from SHAKE256's stream instead of chained hashes. */
const STREAMED_FROM_BYTES = 64 * 1024;

/**
 * Photo bytes and metadata for a case (deterministic for a seed). A large
 * photo's bytes are SHAKE256's output in one call: chained SHA-256 would
 * make a hash object per 32 bytes (160,000 for 5 MB), whose collection then
 * falls in whatever is measured next (bench/ingest.ts times uploads).
 */
export function makePhoto(
  caseId: string,
  seed: string,
  slot = 'overview',
  size = 2048,
): { bytes: Buffer; meta: PhotoMeta } {
  const bytes =
    size >= STREAMED_FROM_BYTES
      ? createHash('shake256', { outputLength: size }).update(seed).digest()
      : chainedBytes(seed, size);
  const sha256 = sha256OfBytes(bytes);
  return {
    bytes,
    meta: {
      schemaVersion: 1,
      sha256,
      originalSha256: sha256OfBytes(`original:${seed}`),
      caseId,
      slot,
      takenAt: '2026-11-27T02:10:00.000Z',
      byteLength: size,
      width: 1600,
      height: 1200,
      mimeType: 'image/jpeg',
    },
  };
}

export interface SignedCaseInput {
  record: CaseRecord;
  photos: PhotoMeta[];
  deviceId: string;
  key: TestDeviceKey;
  version?: number;
  previousManifestHash?: string | null;
  signedAt?: string;
}

/** The body of `PUT /api/cases/:id`, signed as the phone would sign it. */
export async function signedCaseBody(
  input: SignedCaseInput,
): Promise<CasePutRequest & { manifestHash: string }> {
  const built = await buildManifest(
    {
      case: input.record,
      photos: input.photos,
      previousManifestHash: input.previousManifestHash ?? null,
      version: input.version ?? 1,
      deviceId: input.deviceId,
      signedAt: input.signedAt ?? '2026-11-27T02:30:00.000Z',
    },
    (bytes) => sha256OfBytes(bytes),
  );
  if (!built.ok) throw new Error(`test manifest refused: ${built.reason}`);
  const manifest: CaseManifest = built.value;
  const bytes = manifestBytes(manifest);
  return {
    case: input.record,
    photos: input.photos,
    manifest,
    signature: await input.key.sign(bytes),
    manifestHash: sha256OfBytes(bytes),
  };
}
