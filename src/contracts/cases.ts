/**
 * Case submission and reading. `PUT /api/cases/:id` is idempotent: the device
 * sends the case, its photos' metadata, the signed manifest and the signature,
 * and gets a receipt. Only a receipt with `complete: true` means the server
 * holds every part (RELIABILITY.md rules 2–4).
 */
import * as z from 'zod/mini';
import { CaseRecord } from '../domain/case/case.schema';
import { CaseState } from '../domain/case/case-state';
import { LiabilityByVehicle } from '../domain/case/liability-record.schema';
import { LiabilityFacts } from '../domain/liability/facts.schema';
import { PhotoMeta, Sha256Hex } from '../domain/case/photo.schema';
import { CaseManifest, ManifestVersion } from '../domain/manifest/manifest.schema';
import { Claim, InsurerCaseView } from './claims';
import { MissingItem } from './review';
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
 * `version_gap`: a version was skipped and its chain could not be checked
 * (only versions stored before skipped versions were refused carry it);
 * `amended`: the version corrects a signed determination (new signatures, the
 * superseded determination and its signatures kept).
 */
export const ReceiptFlag = z.enum(['version_gap', 'amended', 'revoked_device']);
export type ReceiptFlag = z.infer<typeof ReceiptFlag>;

export const CaseReceipt = z.object({
  caseId: z.uuid(),
  manifestVersion: ManifestVersion,
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
    '403: case.officer names another officer (on a case handed over to this officer: other than its captor): a case goes only under the session of the officer who captured it',
  not_case_officer:
    '403: the case belongs to another officer (the one who sent version 1, or the one it was handed over to): only he may send versions',
  photo_hash_mismatch: '422: stored bytes of a listed photo do not hash/size as the manifest says',
  manifest_conflict: '409: this manifest version is stored with a different body',
  chain_broken: '409: previousManifestHash is not the stored hash of the previous version',
  version_gap:
    '409: the version skips the next one (stored n, sent n+2 or more): send n+1 chained to the stored version',
  version_superseded: '409: a later version is stored and this one never was',
  signed_content_changed:
    '422: a signature names another determination than the one sent: signed content was edited without an amendment and new signatures',
  amendment_mismatch:
    '422: an amendment’s superseded determination does not hash to what its signatures name',
  signatures_removed:
    '422: a signature or amendment of the stored version is missing: signed history is never rewritten',
  station_cannot_determine:
    '403: a station account sent a version carrying a liability determination other than the one an officer confirmed for it: a station hands the case over to an officer, who determines liability, and reads his determination to the parties unchanged',
  reopen_required:
    '409: an insurer has paid a claim on this case: a reviewer must reopen the case (with a reason) before a new version is accepted',
} as const;
export type CaseRefusal = keyof typeof CASE_REFUSALS;

/** The server's view of a case's progress after submission. */
export const CaseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  unitId: z.uuid(),
  officerId: z.uuid(),
  /**
   * Server-side state (synced, returned, reviewed, assessed, paid …). For an
   * insurer: its own claim's state, and the version of its packet.
   */
  state: CaseState,
  manifestVersion: z.number(),
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  complete: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseList = z.object({ cases: z.array(CaseSummary) });
export type CaseList = z.infer<typeof CaseList>;

/** The case as officers and reviewers read it: everything, with every insurer's claims. */
export const CaseDetail = z.object({
  summary: CaseSummary,
  case: CaseRecord,
  photos: z.array(PhotoMeta),
  manifest: CaseManifest,
  signature: z.string(),
  receipt: CaseReceipt,
  /** Always false here; an insurer gets {@link InsurerCaseDetail}. */
  redacted: z.boolean(),
  /** Every insurer's claims on the case, oldest packet first. */
  claims: z.optional(z.array(Claim)),
  /**
   * `broken` when the stored case no longer matches what was received: its
   * hashes or the device's signature disagree (the database was altered).
   * The case is served as stored, so the damage can be seen; see verify-audit.
   */
  integrity: z.enum(['intact', 'broken']),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/**
 * Hands a case to another officer: by its officer, or by a reviewer of its
 * brigade (a take-over, without the officer). From then on only the new
 * officer may send versions; the case moves to his unit.
 */
export const CaseHandoverRequest = z.object({
  /** An active officer of the case's brigade, not the case's officer already. */
  officerId: z.uuid(),
  /** Why, for the audit trail and the officers concerned. */
  reason: paragraph(TEXT_LIMITS.line).check(z.minLength(1)),
});
export type CaseHandoverRequest = z.infer<typeof CaseHandoverRequest>;

export const CaseHandoverResponse = z.object({
  caseId: z.uuid(),
  /** The case's officer from now on. */
  officerId: z.uuid(),
  unitId: z.uuid(),
  /** The stored version the new officer continues from. */
  manifestVersion: ManifestVersion,
});
export type CaseHandoverResponse = z.infer<typeof CaseHandoverResponse>;

/** Refusal codes of `POST /api/cases/:id/handover` besides the common ones, each audited. */
export const HANDOVER_REFUSALS = {
  not_case_officer: '403: an officer hands over only his own cases (a reviewer any of his brigade)',
  invalid_handover:
    '422: officerId is not an active officer of the case’s brigade, or is the case’s officer already',
} as const;
export type HandoverRefusal = keyof typeof HANDOVER_REFUSALS;

/** The case as an insurer reads it: its own claim and the allow-listed view of its packet. */
export const InsurerCaseDetail = z.object({
  summary: CaseSummary,
  claim: Claim,
  case: InsurerCaseView,
  redacted: z.literal(true),
});
export type InsurerCaseDetail = z.infer<typeof InsurerCaseDetail>;

export const CaseAction = z.enum([
  'return',
  'review',
  'take-over',
  'reopen',
  'amend',
  'assess',
  'pay',
]);
export type CaseAction = z.infer<typeof CaseAction>;

/**
 * The accident squad's amended liability. With `facts` (corrected), the server
 * re-runs the liability engine on them: it must reach a liability (an
 * escalation or a missing fact is refused, naming the rule or question);
 * `liability` is the squad's determination — where it differs from the
 * engine's, the squad overrides the engine, for the reason given in `note`.
 * `liability` (and the facts' vehicles) name exactly the case's vehicle labels.
 */
export const CaseAmendment = z.object({
  liability: LiabilityByVehicle,
  facts: z.optional(LiabilityFacts),
});
export type CaseAmendment = z.infer<typeof CaseAmendment>;

/** Yuan with at most two decimals (fen), up to 100 million. */
const Yuan = z.number().check(
  z.gte(0),
  z.lte(100_000_000),
  z.refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'at most two decimals'),
);

export const CaseActionRequest = z
  .object({
    /** return/review/take-over/reopen/amend: reviewer; assess/pay: insurer, on its own claim. */
    action: CaseAction,
    /**
     * return: what the officer is to add (with `missing`, at least one of the two);
     * take-over, reopen, amend: the reason (required). An insurer's note is seen by the
     * police, never by another insurer.
     */
    note: z.optional(paragraph(TEXT_LIMITS.text)),
    /** return: what is missing, item by item (a shot, a field, a fact). */
    missing: z.optional(z.array(MissingItem).check(z.maxLength(50))),
    /** amend: the squad's determination (required, and only there). */
    amendment: z.optional(CaseAmendment),
    /**
     * Makes the action idempotent: the same id again (a retry, a second
     * click) answers what the first did and changes nothing. Reviewer
     * screens always send one.
     */
    requestId: z.optional(z.uuid()),
    /**
     * The case as the reviewer saw it. When its state or version has moved
     * on since (another reviewer acted, the officer sent a version), the
     * action is refused with `409 review_conflict` naming what came first.
     */
    expected: z.optional(z.object({ state: CaseState, manifestVersion: ManifestVersion })),
    /** assess: the assessed damage; pay: the amount paid (yuan; required for both). */
    amountYuan: z.optional(Yuan),
  })
  .check(
    z.refine((r) => r.action !== 'reopen' || (r.note ?? '').trim().length > 0, {
      message: 'a reopen needs its reason',
      path: ['note'],
    }),
    z.refine((r) => r.action !== 'take-over' || (r.note ?? '').trim().length > 0, {
      message: 'a take-over needs its reason',
      path: ['note'],
    }),
    z.refine(
      (r) =>
        r.action !== 'return' || (r.note ?? '').trim().length > 0 || (r.missing ?? []).length > 0,
      { message: 'a return needs what is missing, or a note', path: ['missing'] },
    ),
    z.refine((r) => r.action === 'return' || r.missing === undefined, {
      message: 'only a return lists what is missing',
      path: ['missing'],
    }),
    z.refine((r) => r.action !== 'amend' || (r.note ?? '').trim().length > 0, {
      message: 'an amendment needs its reason',
      path: ['note'],
    }),
    z.refine((r) => r.action !== 'amend' || r.amendment !== undefined, {
      message: 'an amendment needs the squad’s determination',
      path: ['amendment'],
    }),
    z.refine((r) => r.action === 'amend' || r.amendment === undefined, {
      message: 'only an amendment carries a determination',
      path: ['amendment'],
    }),
    z.refine((r) => !['assess', 'pay'].includes(r.action) || r.amountYuan !== undefined, {
      message: 'an assessment or payout needs its amount',
      path: ['amountYuan'],
    }),
  );
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;

export const CaseActionResponse = z.object({
  caseId: z.uuid(),
  /** The case's state (reviewer), or the insurer's own claim's state. */
  state: CaseState,
  /** The change-feed entry this made. */
  cursor: z.string(),
  /** assess/pay: the insurer's claim as it now is. */
  claim: z.optional(Claim),
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
    access: ['officer', 'station'],
    scoped: true,
    params: IdParams,
    body: CasePutRequest,
    responses: {
      200: { description: 'Receipt (also for a replay of the same body)', schema: CaseReceipt },
      403: {
        description: '`device_unknown`, `device_revoked`, `officer_mismatch`, `not_case_officer`',
        schema: ErrorBody,
      },
      409: {
        description:
          '`manifest_conflict`, `chain_broken`, `version_gap`, `version_superseded`, `reopen_required`',
        schema: ErrorBody,
      },
      422: { description: 'Integrity refusal (see description)', schema: ErrorBody },
    },
  }),
  defineRoute({
    id: 'cases.handover',
    method: 'POST',
    path: '/api/cases/:id/handover',
    summary:
      'Hand a case to another officer of the brigade (its officer), or take it over for one (reviewer); audited',
    description: Object.entries(HANDOVER_REFUSALS)
      .map(([code, what]) => `\`${code}\` ${what}`)
      .join('; '),
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    body: CaseHandoverRequest,
    responses: {
      200: { description: 'Handed over', schema: CaseHandoverResponse },
      403: { description: '`not_case_officer`', schema: ErrorBody },
      422: { description: '`invalid_handover`', schema: ErrorBody },
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
    description:
      'An insurer reads a case only once a reviewer approved it (its claim exists), and gets `InsurerCaseDetail`: its claim and the allow-listed view of its packet.',
    access: ['officer', 'station', 'reviewer', 'insurer'],
    scoped: true,
    params: IdParams,
    responses: {
      200: {
        description: 'The case (officer, reviewer) or the insurer’s packet',
        schema: z.union([CaseDetail, InsurerCaseDetail]),
      },
    },
  }),
  defineRoute({
    id: 'cases.action',
    method: 'POST',
    path: '/api/cases/:id/actions',
    summary:
      'Return, approve (delivers a packet to each insurer), take over, reopen or amend the liability (reviewer); assess / pay the own claim (insurer)',
    access: ['reviewer', 'insurer'],
    scoped: true,
    params: IdParams,
    body: CaseActionRequest,
    responses: {
      200: { description: 'Done', schema: CaseActionResponse },
      403: { description: '`forbidden_action`: not this role’s action', schema: ErrorBody },
      409: {
        description:
          '`invalid_transition`: not from the case’s (or the insurer’s claim’s) current state, or already taken over; `reopen_required`: a claim is paid, reopen instead of return or amend; `review_conflict`: the case moved on since `expected` (details: ReviewConflict, the change that came first)',
        schema: ErrorBody,
      },
      422: {
        description:
          '`request_id_reused`: this requestId was used for another action; `invalid_amendment`: the amendment’s liability or facts do not name exactly the case’s vehicles (`fields` names which; details: {vehicles}); `liability_undecided`: on the facts given the engine escalates or needs another fact (details: {outcome, ruleId?, questionId?})',
        schema: ErrorBody,
      },
    },
  }),
] as const;
