/**
 * An insurer's uploads: the photos of its assessment (定损) of one of its
 * packets, through the same tus endpoint as the officers' photos. The
 * metadata names the packet (`claimId`) and the media type; a packet that is
 * not the insurer's answers 404 as one that does not exist, a photo over
 * 10 MB 413. When the last byte arrives the file's first bytes must be the
 * JPEG, PNG or WebP it named (else 415, discarded), then it goes into the
 * content-addressed blob store, which refuses a hash mismatch (460), and an
 * `assessment_photos` row and an audit event are written. Only an assessment
 * makes the photo readable by anyone (packets/assessment-photos.ts).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { AssessmentMediaType } from '../../src/contracts/claims';
import {
  AssessmentUploadMetadata,
  MAX_ASSESSMENT_PHOTO_BYTES,
  type UploadRefusal,
  type UploadStored,
} from '../../src/contracts/uploads';
import { recordAudit } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { BlobError, type BlobStore } from '../blobs/blob-store';
import type { Db } from '../db/database';
import { errorBody } from '../errors';

/** A refusal tus answers as it is (the upload routes turn it into the API's error body). */
export const jsonRefusal = (
  status: number,
  code: UploadRefusal | 'not_found',
  message: string,
) => ({
  status_code: status,
  body: JSON.stringify(errorBody(code, message)),
});

/** The metadata an insurer's creation must carry, checked against its own packets. */
export async function acceptAssessmentUpload(
  db: Db,
  session: Session,
  metadata: Record<string, string | null> | undefined,
  size: number | undefined,
): Promise<AssessmentUploadMetadata> {
  const meta = AssessmentUploadMetadata.safeParse(metadata ?? {});
  if (!meta.success) {
    const fields = meta.error.issues.map((i) => i.path.join('.')).join(', ');
    throw jsonRefusal(
      400,
      'invalid_upload_metadata',
      `Upload-Metadata needs sha256, claimId and filetype (image/jpeg, image/png or image/webp) (bad: ${fields}).`,
    );
  }
  if (!size)
    throw jsonRefusal(400, 'invalid_upload_length', 'A photo has a known, non-zero length.');
  if (size > MAX_ASSESSMENT_PHOTO_BYTES) {
    throw jsonRefusal(413, 'upload_too_large', 'An assessment photo is at most 10 MB.');
  }
  const claim = await db
    .selectFrom('claims')
    .select('id')
    .where('id', '=', meta.data.claimId)
    .where('insurer_id', '=', session.insurerId ?? '')
    .executeTakeFirst();
  if (!claim) throw jsonRefusal(404, 'not_found', 'No such packet.');
  return meta.data;
}

/** The media type the bytes start with, by their signature. */
export function sniffMediaType(head: Uint8Array): AssessmentMediaType | undefined {
  const at = (i: number, bytes: readonly number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return undefined;
}

async function headOf(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface FinishedAssessmentUpload {
  session: Session;
  metadata: Record<string, string | null> | undefined;
  uploadId: string;
  /** The finished tus file. */
  file: string;
  at: Date;
}

async function refuse(
  db: Db,
  done: FinishedAssessmentUpload,
  meta: AssessmentUploadMetadata,
  reason: UploadRefusal,
  detail: string,
): Promise<void> {
  await recordAudit(db, done.at, {
    actor: done.session.userId,
    action: 'assessment-photo.refused',
    subject: meta.sha256,
    details: { reason, claimId: meta.claimId, uploadId: done.uploadId, detail },
  });
}

/** Stores a finished upload of an insurer; answers what the final PATCH answers. */
export async function storeAssessmentUpload(
  db: Db,
  blobs: BlobStore,
  done: FinishedAssessmentUpload,
): Promise<UploadStored> {
  const meta = AssessmentUploadMetadata.parse(done.metadata);
  const sniffed = sniffMediaType(await headOf(done.file));
  if (sniffed !== meta.filetype) {
    const detail = `The bytes are ${sniffed ?? 'not an image we take'}, not ${meta.filetype}.`;
    await refuse(db, done, meta, 'unsupported_media_type', detail);
    throw jsonRefusal(415, 'unsupported_media_type', `${detail} Send a JPEG, PNG or WebP photo.`);
  }
  let put;
  try {
    put = await blobs.put(createReadStream(done.file, { highWaterMark: 1024 * 1024 }), {
      expectedSha256: meta.sha256,
      maxBytes: MAX_ASSESSMENT_PHOTO_BYTES,
    });
  } catch (error) {
    if (!(error instanceof BlobError) || error.reason !== 'hash_mismatch') throw error;
    await refuse(db, done, meta, 'photo_hash_mismatch', error.message);
    throw jsonRefusal(
      460,
      'photo_hash_mismatch',
      `The uploaded bytes do not hash to ${meta.sha256}; upload the photo again.`,
    );
  }
  await db
    .insertInto('assessment_photos')
    .values({
      claim_id: meta.claimId,
      sha256: put.sha256,
      byte_length: put.size,
      media_type: meta.filetype,
      uploaded_by: done.session.userId,
      uploaded_at: done.at.toISOString(),
    })
    .onConflict((oc) => oc.columns(['claim_id', 'sha256']).doNothing())
    .execute();
  await recordAudit(db, done.at, {
    actor: done.session.userId,
    action: 'assessment-photo.stored',
    subject: put.sha256,
    details: {
      claimId: meta.claimId,
      size: put.size,
      mediaType: meta.filetype,
      uploadId: done.uploadId,
    },
  });
  return { sha256: put.sha256, byteLength: put.size, created: put.created };
}
