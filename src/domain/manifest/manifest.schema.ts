/**
 * The case manifest: what the officer's device signs when it submits a case.
 * It pins the case (by the hash of its canonical JSON), every photo (by the
 * hash of its stored and of its original bytes) and the previous manifest
 * (by its hash), so versions form a chain and nothing can be swapped later.
 */
import * as z from 'zod/mini';
import { Id, Instant } from '../ids';
import { Sha256Hex } from '../case/photo.schema';
import { TEXT_LIMITS, line } from '../text';

export const MANIFEST_SCHEMA_VERSION = 1;

/**
 * The highest manifest version. A device makes one version per pause in the
 * officer's edits (10 s of quiet, `CASE_QUIET_MS`), so a case with a million has been
 * edited without stop for months; far inside the safe integers, so n + 1 is
 * always exact and a stored version always leaves room for the next.
 */
export const MAX_MANIFEST_VERSION = 1_000_000;

/** A manifest version: 1, 2, 3 … up to {@link MAX_MANIFEST_VERSION}. */
export const ManifestVersion = z.number().check(z.int(), z.gte(1), z.lte(MAX_MANIFEST_VERSION));

export const ManifestPhoto = z.object({
  /** SHA-256 of the stored bytes: the photo's identity and blob name. */
  sha256: Sha256Hex,
  /** SHA-256 of the bytes as captured, before resize/re-encode. */
  originalSha256: Sha256Hex,
  /** Evidence checklist slot it fulfils, or `extra`. */
  slot: line(TEXT_LIMITS.text),
  byteLength: z.number().check(z.int(), z.gte(1)),
});
export type ManifestPhoto = z.infer<typeof ManifestPhoto>;

export const CaseManifest = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  caseId: Id,
  /** 1 for the first submission, then 2, 3 … for each later change. */
  version: ManifestVersion,
  /** SHA-256 of the canonical JSON of the case record. */
  caseSha256: Sha256Hex,
  /** Sorted by sha256, so the order photos were taken in does not change the hash. */
  photos: z.array(ManifestPhoto),
  /** Hash of version − 1's manifest bytes; null for version 1. */
  previousManifestHash: z.nullable(Sha256Hex),
  /** The enrolled device (server-assigned id) whose key signs this manifest. */
  deviceId: Id,
  /** Device clock at signing. */
  signedAt: Instant,
});
export type CaseManifest = z.infer<typeof CaseManifest>;
