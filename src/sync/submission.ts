/**
 * The body of `PUT /api/cases/:id` for a case's current content. The last
 * built body is kept (table `submissions`): while the content is unchanged
 * the very same manifest (same version, same `signedAt`) is sent again, which
 * the server answers with the same receipt — so a lost response costs one
 * retry, never a duplicate or a conflict. Changed content gets version n+1,
 * chained to the last receipt's manifest hash.
 */
import type { CaseRecord, PhotoMeta } from '../domain';
import { buildManifest, canonicalJson, manifestHash, utf8Bytes } from '../domain/manifest';
import { sha256Hex } from '../platform/hash/sha256';
import {
  keepSubmission,
  readReceipt,
  readSubmission,
  type KuaichuDb,
  type SubmissionRow,
} from '../storage';

export const sha256 = (bytes: Uint8Array) => sha256Hex(bytes as Uint8Array<ArrayBuffer>);

/** One entry per distinct image: the manifest names photos by hash (the first slot wins). */
export function distinctPhotos(photos: readonly PhotoMeta[]): PhotoMeta[] {
  const seen = new Set<string>();
  return photos.filter((p) => !seen.has(p.sha256) && seen.add(p.sha256));
}

/** Hash of the canonical `{ case, photos }`, photos in hash order. */
export async function contentHash(
  record: CaseRecord,
  photos: readonly PhotoMeta[],
): Promise<string> {
  const sorted = [...photos].sort((a, b) =>
    a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0,
  );
  return sha256(utf8Bytes(canonicalJson({ case: record, photos: sorted })));
}

export interface SubmissionInput {
  record: CaseRecord;
  photos: PhotoMeta[];
  /** Outbox revision of the case entry read with the content (0 when none). */
  revision: number;
  deviceId: string;
  signedAt: string;
}

export type SubmissionResult = { ok: true; row: SubmissionRow } | { ok: false; reason: string };

/** The kept submission when the content is unchanged, else a new manifest version. */
export async function submissionFor(
  db: KuaichuDb,
  input: SubmissionInput,
): Promise<SubmissionResult> {
  const caseId = input.record.id;
  const hash = await contentHash(input.record, input.photos);
  const kept = await readSubmission(db, caseId);
  if (kept && kept.contentHash === hash && kept.body.manifest.deviceId === input.deviceId) {
    if (kept.revision !== input.revision) {
      const row = { ...kept, revision: Math.max(kept.revision, input.revision) };
      await keepSubmission(db, row);
      return { ok: true, row };
    }
    return { ok: true, row: kept };
  }
  const last = (await readReceipt(db, caseId))?.receipt;
  const built = await buildManifest(
    {
      case: input.record,
      photos: input.photos,
      previousManifestHash: last?.manifestHash ?? null,
      version: (last?.manifestVersion ?? 0) + 1,
      deviceId: input.deviceId,
      signedAt: input.signedAt,
    },
    sha256,
  );
  if (!built.ok) return { ok: false, reason: built.reason };
  const row: SubmissionRow = {
    caseId,
    revision: input.revision,
    contentHash: hash,
    manifestHash: await manifestHash(built.value, sha256),
    body: { case: input.record, photos: input.photos, manifest: built.value },
    builtAt: input.signedAt,
  };
  await keepSubmission(db, row);
  return { ok: true, row };
}
