/**
 * Case submission and reading. `PUT /api/cases/:id` is idempotent: the device
 * sends the case, its photos' metadata, the signed manifest and the signature,
 * and gets a receipt. Only a receipt with `complete: true` means the server
 * holds every part (RELIABILITY.md rules 2–4).
 */
import * as z from 'zod/mini';
import { CaseRecord } from '../domain/case/case.schema';
import { CaseState } from '../domain/case/case-state';
import { PhotoMeta, Sha256Hex } from '../domain/case/photo.schema';
import { CaseManifest } from '../domain/manifest/manifest.schema';
import { TEXT_LIMITS, paragraph } from '../domain/text';
import { ErrorBody } from './errors';
import { IdParams, defineRoute } from './route';

export const CasePutRequest = z.object({
  case: CaseRecord,
  /** Metadata of every photo the manifest lists (the bytes go by tus). */
  photos: z.array(PhotoMeta),
  manifest: CaseManifest,
  /** base64url of the raw 64-byte ECDSA P-256 signature (r‖s) over the manifest's canonical bytes. */
  signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/, 'must be 64 bytes, base64url')),
});
export type CasePutRequest = z.infer<typeof CasePutRequest>;

/** Why a stored version is flagged (accepted, but a reviewer should look). */
/**
 * `version_gap`: a version was skipped, its chain cannot be checked;
 * `amended`: the version corrects a signed determination (new signatures, the
 * superseded determination and its signatures kept).
 */
export const ReceiptFlag = z.enum(['version_gap', 'amended']);
export type ReceiptFlag = z.infer<typeof ReceiptFlag>;

export const CaseReceipt = z.object({
  caseId: z.uuid(),
  manifestVersion: z.number().check(z.int(), z.gte(1)),
  /** SHA-256 of the manifest's canonical bytes, as stored. */
  manifestHash: Sha256Hex,
  /** Server time when this manifest version was first stored (unchanged on a replay). */
  receivedAt: z.iso.datetime(),
  photos: z.object({
    /** Manifest photos whose bytes the server holds (hash-checked). */
    held: z.array(Sha256Hex),
    /** Manifest photos still to upload. */
    missing: z.array(Sha256Hex),
  }),
  /** True only when every manifest photo is held. */
  complete: z.boolean(),
  flags: z.array(ReceiptFlag),
});
export type CaseReceipt = z.infer<typeof CaseReceipt>;

/**
 * Refusal codes of `PUT /api/cases/:id` (in `error.code`), each also written
 * to the audit trail.
 */
export const CASE_REFUSALS = {
  case_id_mismatch: '422: the path id, case.id and manifest.caseId differ',
  case_hash_mismatch: '422: manifest.caseSha256 is not the hash of the case sent',
  manifest_mismatch:
    '422: the manifest does not describe the case and photos sent (photo list, order-free)',
  bad_signature:
    '422: the signature does not verify with the device’s key (manifest tampered, or wrong key)',
  device_unknown:
    '403: manifest.deviceId is no enrolled device of this officer (or another officer’s)',
  device_revoked: '403: the device was revoked',
  officer_mismatch:
    '403: case.officer names another officer: a case goes only under the session of the officer who captured it',
  photo_hash_mismatch: '422: stored bytes of a listed photo do not hash/size as the manifest says',
  manifest_conflict: '409: this manifest version is stored with a different body',
  chain_broken: '409: previousManifestHash is not the stored hash of the previous version',
  version_superseded: '409: a later version is stored and this one never was',
  signed_content_changed:
    '422: a signature names another determination than the one sent: signed content was edited without an amendment and new signatures',
  amendment_mismatch:
    '422: an amendment’s superseded determination does not hash to what its signatures name',
  signatures_removed:
    '422: a signature or amendment of the stored version is missing: signed history is never rewritten',
} as const;
export type CaseRefusal = keyof typeof CASE_REFUSALS;

/** The server's view of a case's progress after submission. */
export const CaseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  unitId: z.uuid(),
  officerId: z.uuid(),
  /** Server-side state (synced, returned, reviewed, assessed, paid …). */
  state: CaseState,
  manifestVersion: z.number(),
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  complete: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseList = z.object({ cases: z.array(CaseSummary) });
export type CaseList = z.infer<typeof CaseList>;

export const CaseDetail = z.object({
  summary: CaseSummary,
  /** For an insurer, only the vehicles it insures and their drivers (`redacted: true`). */
  case: CaseRecord,
  photos: z.array(PhotoMeta),
  manifest: CaseManifest,
  signature: z.string(),
  receipt: CaseReceipt,
  redacted: z.boolean(),
  /**
   * `broken` when the stored case no longer matches what was received: its
   * hashes or the device's signature disagree (the database was altered).
   * The case is served as stored, so the damage can be seen; see verify-audit.
   */
  integrity: z.enum(['intact', 'broken']),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseAction = z.enum(['return', 'review', 'assess', 'pay']);
export type CaseAction = z.infer<typeof CaseAction>;

export const CaseActionRequest = z.object({
  /** return/review: reviewer; assess/pay: insurer. */
  action: CaseAction,
  note: z.optional(paragraph(TEXT_LIMITS.text)),
  /** assess: the assessed damage; pay: the amount paid (yuan). */
  amountYuan: z.optional(z.number().check(z.gte(0))),
});
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;

export const CaseActionResponse = z.object({
  caseId: z.uuid(),
  state: CaseState,
  /** The change-feed entry this made. */
  cursor: z.string(),
});
export type CaseActionResponse = z.infer<typeof CaseActionResponse>;

export const caseRoutes = [
  defineRoute({
    id: 'cases.put',
    method: 'PUT',
    path: '/api/cases/:id',
    summary: 'Submit a signed case manifest version; answers a receipt (idempotent)',
    description: Object.entries(CASE_REFUSALS)
      .map(([code, what]) => `\`${code}\` ${what}`)
      .join('; '),
    access: ['officer'],
    scoped: true,
    params: IdParams,
    body: CasePutRequest,
    responses: {
      200: { description: 'Receipt (also for a replay of the same body)', schema: CaseReceipt },
      403: { description: '`device_unknown` or `device_revoked`', schema: ErrorBody },
      409: {
        description: '`manifest_conflict`, `chain_broken`, `version_superseded`',
        schema: ErrorBody,
      },
      422: { description: 'Integrity refusal (see description)', schema: ErrorBody },
    },
  }),
  defineRoute({
    id: 'cases.list',
    method: 'GET',
    path: '/api/cases',
    summary: 'Cases in the session’s scope (unit, brigade, or insured vehicles)',
    access: ['officer', 'reviewer', 'insurer'],
    scoped: false,
    responses: { 200: { description: 'Cases', schema: CaseList } },
  }),
  defineRoute({
    id: 'cases.get',
    method: 'GET',
    path: '/api/cases/:id',
    summary: 'One case with its manifest, signature and current receipt',
    access: ['officer', 'reviewer', 'insurer'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The case', schema: CaseDetail } },
  }),
  defineRoute({
    id: 'cases.action',
    method: 'POST',
    path: '/api/cases/:id/actions',
    summary:
      'Return for more evidence / mark reviewed (reviewer); record assessment / payout (insurer)',
    access: ['reviewer', 'insurer'],
    scoped: true,
    params: IdParams,
    body: CaseActionRequest,
    responses: {
      200: { description: 'Done', schema: CaseActionResponse },
      403: { description: '`forbidden_action`: not this role’s action', schema: ErrorBody },
      409: {
        description: '`invalid_transition`: not from the case’s current state',
        schema: ErrorBody,
      },
    },
  }),
] as const;
