/**
 * The content-addressed blob store: photos and packets are kept under the
 * SHA-256 of their bytes, so a retried upload is a no-op and a name is also a
 * checksum. This interface is what routes see: the file-system implementation
 * (fs-blob-store.ts) is the default, the S3-compatible one (s3-blob-store.ts)
 * is chosen by BLOB_STORE=s3://…; both pass blob-store-contract.ts.
 */
import type { Readable } from 'node:stream';

/** Lower-case hex SHA-256, 64 characters. */
export type Sha256Hex = string;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const isSha256Hex = (value: string): boolean => SHA256_HEX.test(value);

/** Bytes in memory, or a stream of them (a request body, a tus upload). */
export type BlobSource = Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface PutOptions {
  /** Refuse the bytes unless they hash to this (the device already hashed them). */
  expectedSha256?: Sha256Hex;
  /** Refuse more bytes than this. */
  maxBytes?: number;
}

export interface PutResult {
  sha256: Sha256Hex;
  size: number;
  /** False when the store already held these bytes (deduplicated). */
  created: boolean;
}

/** A finished file whose bytes the caller hashed as they were written (a tus upload). */
export interface AdoptedFile {
  /** Absolute path; it is moved into the store (or deleted when the store already holds it). */
  path: string;
  sha256: Sha256Hex;
  size: number;
}

export interface BlobStore {
  put(source: BlobSource, options?: PutOptions): Promise<PutResult>;
  /**
   * Takes a file the caller already hashed into the store without copying
   * it: fsync, then rename under its hash (write the bytes once). The caller
   * vouches for `sha256`; the scrub re-verifies stored blobs later.
   */
  adopt(file: AdoptedFile): Promise<PutResult>;
  has(sha256: Sha256Hex): Promise<boolean>;
  /** A stream of the stored bytes, or undefined when absent. */
  get(sha256: Sha256Hex): Promise<Readable | undefined>;
  /** Size in bytes, or undefined when absent. */
  size(sha256: Sha256Hex): Promise<number | undefined>;
  /** Re-hashes the stored bytes: true when they still match their name, false when absent or corrupt. */
  verify(sha256: Sha256Hex): Promise<boolean>;
  /** Every stored blob's name (the scrub walks them). */
  list(): AsyncIterable<Sha256Hex>;
  /**
   * Moves a blob out of the store, kept aside for inspection: from then on it
   * is absent (never served; a device that still holds the photo sends it again).
   * False when it was not stored.
   */
  quarantine(sha256: Sha256Hex): Promise<boolean>;
}

export type BlobErrorReason = 'hash_mismatch' | 'too_large' | 'invalid_hash';

export class BlobError extends Error {
  override readonly name = 'BlobError';
  constructor(
    readonly reason: BlobErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The store cannot be reached or refused to work (an object store that is
 * down, a wrong key, a missing bucket). Nothing was stored: the caller must
 * not acknowledge. `message` is one line for the server log (it names the
 * store, never a credential); clients get {@link BlobStoreUnavailableError.publicMessage}.
 */
export class BlobStoreUnavailableError extends Error {
  override readonly name = 'BlobStoreUnavailableError';
  readonly code = 'storage_unavailable';
  readonly statusCode = 503;
  static readonly publicMessage = 'The photo store cannot be reached; try again in a moment.';
}
