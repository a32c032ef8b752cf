/**
 * The photos of an insurer's assessment (定损). The assessment names them by
 * SHA-256; each must be an upload this insurer finished for this packet
 * (`assessment_photos`, uploads/assessment-uploads.ts), at most
 * {@link MAX_ASSESSMENT_PHOTOS}. Once an assessment names a photo it is
 * readable by the insurer that made it, the reviewers of the case's brigade
 * and the case's officer; anyone else — another insurer included — gets 404,
 * as for a photo that does not exist.
 */
import type { Kysely } from 'kysely';
import type { AssessmentMediaType, AssessmentPhoto } from '../../src/contracts/claims';
import { MAX_ASSESSMENT_PHOTOS } from '../../src/contracts/packets';
import { recordAudit } from '../audit/audit-log';
import { notFound } from '../auth/policy';
import type { Session } from '../auth/sessions';
import type { BlobStore } from '../blobs/blob-store';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import { claimOf } from '../cases/claims';

type Db = Kysely<Database>;

/** The assessment's photos as uploaded for the packet, in the order given; 422 naming the field otherwise. */
export async function assessmentPhotos(
  trx: Db,
  claimId: string,
  hashes: readonly string[],
): Promise<AssessmentPhoto[]> {
  const wanted = [...new Set(hashes)];
  if (wanted.length > MAX_ASSESSMENT_PHOTOS) {
    throw new HttpError(
      422,
      'too_many_photos',
      `An assessment carries at most ${MAX_ASSESSMENT_PHOTOS} photos; ${wanted.length} were given.`,
      [{ path: 'photos', message: `at most ${MAX_ASSESSMENT_PHOTOS} photos` }],
    );
  }
  if (wanted.length === 0) return [];
  const rows = await trx
    .selectFrom('assessment_photos')
    .select(['sha256', 'byte_length', 'media_type'])
    .where('claim_id', '=', claimId)
    .where('sha256', 'in', wanted)
    .execute();
  const found = new Map(rows.map((r) => [r.sha256, r]));
  const unknown = wanted.findIndex((sha) => !found.has(sha));
  if (unknown !== -1) {
    throw new HttpError(
      422,
      'unknown_photo',
      `Photo ${wanted[unknown]} is not one this insurer finished uploading for this packet.`,
      [{ path: `photos.${unknown}`, message: 'must be a photo uploaded for this packet' }],
    );
  }
  return wanted.map((sha) => {
    const r = found.get(sha)!;
    return {
      sha256: sha,
      byteLength: r.byte_length,
      mediaType: r.media_type as AssessmentMediaType,
    };
  });
}

/** Whether the session may see the assessment of this claim (its insurer, the brigade's reviewers, the case's officer). */
function mayRead(
  session: Session,
  row: { insurer_id: string; officer_id: string; brigade_id: string },
): boolean {
  switch (session.role) {
    case 'insurer':
      return session.insurerId === row.insurer_id;
    case 'reviewer':
      return session.brigadeId === row.brigade_id;
    case 'officer':
      return session.userId === row.officer_id;
    default:
      return false;
  }
}

export interface AssessmentPhotoBytes {
  bytes: NonNullable<Awaited<ReturnType<BlobStore['get']>>>;
  size: number;
  mediaType: AssessmentMediaType;
}

/** One photo of a recorded assessment, for someone allowed to see it (audited); 404 otherwise. */
export async function readAssessmentPhoto(
  deps: { db: Db; blobs: BlobStore },
  session: Session,
  claimId: string,
  sha256: string,
  at: Date,
): Promise<AssessmentPhotoBytes> {
  const row = await deps.db
    .selectFrom('claims')
    .innerJoin('cases', 'cases.id', 'claims.case_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .selectAll('claims')
    .select(['cases.officer_id', 'units.brigade_id'])
    .where('claims.id', '=', claimId)
    .executeTakeFirst();
  if (!row || !mayRead(session, row)) throw notFound('photo');
  const photo = claimOf(row).assessment?.photos?.find((p) => p.sha256 === sha256);
  const size = photo ? await deps.blobs.size(sha256) : undefined;
  const bytes = size === undefined ? undefined : await deps.blobs.get(sha256);
  if (!photo || !bytes || size === undefined) throw notFound('photo');
  await recordAudit(deps.db, at, {
    actor: session.userId,
    action: 'assessment-photo.read',
    subject: sha256,
    details: { caseId: row.case_id, claimId },
  });
  return { bytes, size, mediaType: photo.mediaType };
}
