/**
 * Building and encoding case manifests. Pure: hashing is passed in (WebCrypto
 * on the device, node:crypto on the server), so the same code runs in both.
 *
 * Signing: the device signs {@link manifestBytes} with ECDSA P-256 over
 * SHA-256 (WebCrypto `{ name: 'ECDSA', hash: 'SHA-256' }`); the signature
 * travels as base64url of the raw 64-byte IEEE P1363 `r‖s`, which is what
 * WebCrypto's `sign` returns. The manifest hash is SHA-256 of the same bytes.
 */
import type { CaseRecord } from '../case/case.schema';
import type { PhotoMeta } from '../case/photo.schema';
import type { Id, Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import { canonicalBytes } from './canonical-json';
import { MANIFEST_SCHEMA_VERSION, type CaseManifest, type ManifestPhoto } from './manifest.schema';

/** Lower-case hex SHA-256 of some bytes; may be async (WebCrypto). */
export type Sha256Fn = (bytes: Uint8Array) => string | Promise<string>;

export interface BuildManifestInput {
  case: CaseRecord;
  photos: readonly PhotoMeta[];
  /** Hash of the previous version's manifest; null for version 1. */
  previousManifestHash: string | null;
  version: number;
  deviceId: Id;
  signedAt: Instant;
}

export type ManifestRefusal = 'photo_of_other_case' | 'duplicate_photo' | 'bad_version_chain';

/** UTF-8 canonical JSON of the case record: what `caseSha256` hashes. */
export function caseBytes(record: CaseRecord): Uint8Array {
  return canonicalBytes(record);
}

/** UTF-8 canonical JSON of the manifest: the bytes that are signed and hashed. */
export function manifestBytes(manifest: CaseManifest): Uint8Array {
  return canonicalBytes(manifest);
}

/** The manifest's photo entry for a photo's metadata. */
export function manifestPhotoOf(photo: PhotoMeta): ManifestPhoto {
  return {
    sha256: photo.sha256,
    originalSha256: photo.originalSha256,
    slot: photo.slot,
    byteLength: photo.byteLength,
  };
}

/**
 * The manifest for one version of a case. Refuses photos of another case, the
 * same photo twice, and a chain that does not fit the version (version 1 has
 * no previous hash; every later version has one).
 */
export async function buildManifest(
  input: BuildManifestInput,
  sha256: Sha256Fn,
): Promise<Result<CaseManifest, ManifestRefusal>> {
  return manifestWithCaseHash(input, await sha256(caseBytes(input.case)));
}

/**
 * {@link buildManifest} with the case's hash already known (the server hashes
 * the case's canonical text once and checks it against `caseSha256` first).
 */
export function manifestWithCaseHash(
  input: BuildManifestInput,
  caseSha256: string,
): Result<CaseManifest, ManifestRefusal> {
  const foreign = input.photos.find((p) => p.caseId !== input.case.id);
  if (foreign) return refuse('photo_of_other_case', foreign.sha256);
  const seen = new Set<string>();
  for (const p of input.photos) {
    if (seen.has(p.sha256)) return refuse('duplicate_photo', p.sha256);
    seen.add(p.sha256);
  }
  if ((input.version === 1) !== (input.previousManifestHash === null)) {
    return refuse('bad_version_chain', `version ${input.version}`);
  }
  const photos = input.photos
    .map(manifestPhotoOf)
    .sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  return ok({
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    caseId: input.case.id,
    version: input.version,
    caseSha256,
    photos,
    previousManifestHash: input.previousManifestHash,
    deviceId: input.deviceId,
    signedAt: input.signedAt,
  });
}

/** SHA-256 of the manifest's canonical bytes: how later versions and receipts name it. */
export async function manifestHash(manifest: CaseManifest, sha256: Sha256Fn): Promise<string> {
  return sha256(manifestBytes(manifest));
}
