/**
 * Photo uploads by tus 1.0.0 (resumable), at `/api/uploads/`. The client
 * (tus-js-client) sends `Upload-Metadata` with `sha256` (lower-case hex of the
 * bytes), `caseId` (uuid) and optionally `filetype`; the server hashes the
 * bytes when the upload completes and refuses a mismatch. Before uploading,
 * `HEAD /api/photos/:sha256` says whether the server already holds the bytes.
 *
 * An insurer uploads the photos of its assessment (定损) the same way, with
 * `claimId` (its packet's id) instead of `caseId` and `filetype` one of
 * JPEG, PNG or WebP ({@link AssessmentUploadMetadata}): at most 10 MB each,
 * the bytes must be of the type named, and only its own packets take them.
 *
 * Resuming: use the photo hash as the tus fingerprint
 * (`fingerprint: async () => 'kuaichu-photo-' + sha256`), so a retry after a
 * reload finds the same upload URL in the URL storage and continues at the
 * server's offset. A PATCH at a stale offset answers 409.
 */
import * as z from 'zod/mini';
import { Sha256Hex } from '../domain/case/photo.schema';
import { TEXT_LIMITS, line } from '../domain/text';
import { AssessmentMediaType } from './claims';
import { ErrorBody } from './errors';
import { defineRoute } from './route';

/** Biggest photo the server takes (bytes); the app sends ~0.3–2 MB JPEGs. */
export const MAX_PHOTO_BYTES = 30 * 1024 * 1024;

export const UploadMetadata = z.object({
  sha256: Sha256Hex,
  caseId: z.uuid(),
  filetype: z.optional(z.literal('image/jpeg')),
  filename: z.optional(line(TEXT_LIMITS.line)),
});
export type UploadMetadata = z.infer<typeof UploadMetadata>;

/** Biggest assessment photo an insurer may upload (bytes). */
export const MAX_ASSESSMENT_PHOTO_BYTES = 10 * 1024 * 1024;

/** An insurer's upload: a photo of its assessment of one of its packets. */
export const AssessmentUploadMetadata = z.object({
  sha256: Sha256Hex,
  claimId: z.uuid(),
  filetype: AssessmentMediaType,
  filename: z.optional(line(TEXT_LIMITS.line)),
});
export type AssessmentUploadMetadata = z.infer<typeof AssessmentUploadMetadata>;

export const PhotoParams = z.object({ sha256: Sha256Hex });
export type PhotoParams = z.infer<typeof PhotoParams>;

export const CasePhotoParams = z.object({ id: z.uuid(), sha256: Sha256Hex });
export type CasePhotoParams = z.infer<typeof CasePhotoParams>;

/** Body of the final PATCH's 200 (tus allows 204; the hook adds what was stored). */
export const UploadStored = z.object({
  sha256: Sha256Hex,
  byteLength: z.number(),
  /** False when the store already held these bytes (deduplicated). */
  created: z.boolean(),
});
export type UploadStored = z.infer<typeof UploadStored>;

/**
 * The upload routes' own refusals, by code; every one answers {@link ErrorBody}
 * (the server words tus's plain-text refusals this way). An unknown upload id
 * and another officer's answer the same `404 not_found`.
 */
export const UPLOAD_REFUSALS = {
  invalid_upload_metadata:
    '400: Upload-Metadata lacks a valid `sha256` or `caseId` (an insurer: `sha256`, `claimId`, `filetype`)',
  invalid_upload_length: '400: no `Upload-Length`, or 0 bytes',
  invalid_tus_request:
    '400 (403 for a missing `Upload-Offset` or `Content-Type`): a tus header is malformed',
  tus_version_unsupported: '412: `Tus-Resumable` is missing or not 1.0.0',
  upload_offset_conflict: '409: `Upload-Offset` is not the server’s offset: HEAD, then resume',
  upload_too_large: '413: more than 30 MB (an insurer’s assessment photo: more than 10 MB)',
  unsupported_media_type:
    '415: an assessment photo’s bytes are not the JPEG, PNG or WebP its `filetype` names; the upload is discarded',
  photo_hash_mismatch: '460: the bytes do not hash to `sha256`; the upload is discarded',
} as const;
export type UploadRefusal = keyof typeof UPLOAD_REFUSALS;

const TUS = { 'Tus-Resumable': '1.0.0' } as const;
/** tus's upload ids (its default naming: 16 random bytes in hex). */
export const TusIdParams = z.object({ id: z.string().check(z.regex(/^[0-9a-f]{32}$/)) });

export const uploadRoutes = [
  defineRoute({
    id: 'photos.head',
    method: 'HEAD',
    path: '/api/photos/:sha256',
    summary:
      'Whether the server holds these photo bytes for the officer’s unit (skip the upload if so)',
    description:
      'Bytes count as held for a unit only once one of its officers uploaded them: a hash copied from another brigade’s case is not held.',
    access: ['officer', 'station'],
    scoped: true,
    params: PhotoParams,
    responses: { 200: { description: 'Held' }, 404: { description: 'Not held: upload it' } },
  }),
  defineRoute({
    id: 'photos.get',
    method: 'GET',
    path: '/api/cases/:id/photos/:sha256',
    summary: 'The bytes of one photo of a case (audited `photo.read`)',
    description:
      'Officer: his unit’s cases; reviewer: his brigade’s; insurer: only the photos of its own packet that the insurer view lists. The photo must be named by the case’s manifest and held for the case’s unit; anything else answers 404, as absent.',
    access: ['officer', 'reviewer', 'insurer'],
    scoped: true,
    params: CasePhotoParams,
    responses: { 200: { description: 'The stored JPEG bytes', mediaType: 'image/jpeg' } },
  }),
  defineRoute({
    id: 'uploads.create',
    method: 'POST',
    path: '/api/uploads',
    summary: 'tus creation: start a resumable photo upload',
    description:
      'Headers: `Upload-Length`, `Upload-Metadata` (base64 values: `sha256`, `caseId`, optional `filetype`, `filename`). 0 bytes and more than 30 MB are refused. An insurer sends `claimId` (its own packet, else 404) and `filetype` (JPEG, PNG or WebP) instead of `caseId`, at most 10 MB.',
    access: ['officer', 'station', 'insurer'],
    scoped: false,
    headers: { ...TUS, 'Upload-Length': 'bytes', 'Upload-Metadata': 'sha256 <b64>,caseId <b64>' },
    responses: {
      201: { description: 'Created; `Location` is the upload URL' },
      400: {
        description: '`invalid_upload_metadata`, `invalid_upload_length`, `invalid_tus_request`',
        schema: ErrorBody,
      },
      404: {
        description: '`not_found`: an insurer’s `claimId` is not its packet',
        schema: ErrorBody,
      },
      412: { description: '`tus_version_unsupported`', schema: ErrorBody },
      413: { description: '`upload_too_large`', schema: ErrorBody },
    },
  }),
  defineRoute({
    id: 'uploads.offset',
    method: 'HEAD',
    path: '/api/uploads/:id',
    summary: 'tus: the server’s offset for an upload (only its uploader sees it)',
    access: ['officer', 'station', 'insurer'],
    scoped: true,
    params: TusIdParams,
    headers: TUS,
    responses: { 200: { description: '`Upload-Offset` and `Upload-Length`' } },
  }),
  defineRoute({
    id: 'uploads.patch',
    method: 'PATCH',
    path: '/api/uploads/:id',
    summary: 'tus: append bytes at `Upload-Offset`; the last PATCH stores the photo',
    description:
      'Content-Type `application/offset+octet-stream`. A stale offset answers 409. When the upload completes the server hashes it: a match answers 200 with `UploadStored`; a mismatch answers 460 `photo_hash_mismatch` and discards the upload.',
    access: ['officer', 'station', 'insurer'],
    scoped: true,
    params: TusIdParams,
    headers: {
      ...TUS,
      'Upload-Offset': 'bytes',
      'Content-Type': 'application/offset+octet-stream',
    },
    responses: {
      200: { description: 'Complete and stored', schema: UploadStored },
      204: { description: 'Bytes accepted; `Upload-Offset` is the new offset' },
      409: {
        description: '`upload_offset_conflict`: HEAD for the server’s offset, then resume',
        schema: ErrorBody,
      },
      415: {
        description: '`unsupported_media_type`: an assessment photo is not the type it names',
        schema: ErrorBody,
      },
      460: {
        description: '`photo_hash_mismatch`: the bytes do not hash to `sha256`',
        schema: ErrorBody,
      },
    },
  }),
  defineRoute({
    id: 'uploads.terminate',
    method: 'DELETE',
    path: '/api/uploads/:id',
    summary: 'tus termination: abandon an unfinished upload',
    access: ['officer', 'station', 'insurer'],
    scoped: true,
    params: TusIdParams,
    headers: TUS,
    responses: { 204: { description: 'Gone' } },
  }),
] as const;
