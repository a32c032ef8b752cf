/**
 * The accident squad's side ("1+1"): the reviewer's queue of the brigade's
 * cases (paged and counted in the database, never loaded whole), a case's
 * history (every manifest version and every review action), and the server's
 * verification of its evidence (signature chain and photo hashes).
 *
 * The reviewer's actions themselves go through `POST /api/cases/:id/actions`
 * (cases.ts): each carries a `requestId` (a retry or a double click is done
 * once) and the case as the reviewer saw it (`expected`): when another
 * reviewer acted first the answer is `409 review_conflict` naming who did
 * what, and nothing of either is lost.
 */
import * as z from 'zod/mini';
import { CaseRecord } from '../domain/case/case.schema';
import { CaseState } from '../domain/case/case-state';
import { PhotoMeta, Sha256Hex } from '../domain/case/photo.schema';
import { ManifestVersion } from '../domain/manifest/manifest.schema';
import { QUEUE_BUCKETS, REVIEW_SIGNALS } from '../domain/review/signals';
import { SquadDetermination } from '../domain/review/squad-amendment';
import { TEXT_LIMITS, line } from '../domain/text';
import { Role, defineRoute, IdParams } from './route';

/**
 * Where a case stands for the squad: `new` (sent, not yet acted on, neither
 * escalated nor disputed), `escalated` (the officer or triage handed it to the
 * squad), `disputed` (the parties dispute the facts), `returned` (waiting for
 * the officer), `reviewed` (approved; insurers' claims follow).
 */
export const QueueBucket = z.enum(QUEUE_BUCKETS);
export type QueueBucket = z.infer<typeof QueueBucket>;

/**
 * Why a case needs a reviewer's eyes ("needs me"), computed from the stored
 * version when it is received:
 * - `escalated`: the case was escalated (triage or the officer);
 * - `disputed`: the parties dispute the facts;
 * - `primary-secondary`: the determination is primary/secondary (always confirmed by the squad);
 * - `override`: the officer overrode the engine's proposal;
 * - `version-gap`: a version was skipped and its chain could not be checked;
 * - `refusal`: a party refused to sign, or signed with an objection;
 * - `amended`: a signed determination was amended.
 */
export const ReviewSignal = z.enum(REVIEW_SIGNALS);
export type ReviewSignal = z.infer<typeof ReviewSignal>;

const Digits = (max: number, what: string) =>
  z.string().check(z.regex(new RegExp(`^\\d{1,${max}}$`), what));
export const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'));

export const QueueQuery = z.object({
  bucket: z.optional(QueueBucket),
  /** Only cases with this signal; `any`: with at least one ("needs me"). */
  signal: z.optional(z.union([ReviewSignal, z.literal('any')])),
  unit: z.optional(z.uuid()),
  officer: z.optional(z.uuid()),
  /** Arrival on scene on or after this day (China Standard Time). */
  from: z.optional(Day),
  /** Arrival on scene on or before this day (China Standard Time). */
  to: z.optional(Day),
  /** By arrival on scene: oldest first (default: the longest waiting) or newest first. */
  sort: z.optional(z.enum(['oldest', 'newest'])),
  /** 1-based page (default 1). */
  page: z.optional(Digits(5, 'must be a page number')),
  /** Cases per page, 1–100 (default 25). */
  pageSize: z.optional(Digits(3, 'must be 1–100')),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

/** Who did something, by name as the brigade knows him. */
export const Actor = z.object({ id: z.uuid(), name: z.string(), role: Role });
export type Actor = z.infer<typeof Actor>;

export const QueueItem = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  state: CaseState,
  bucket: QueueBucket,
  signals: z.array(ReviewSignal),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  officer: z.object({ id: z.uuid(), name: z.string() }),
  /** Arrival on scene (the officer's clock): what the queue sorts by. */
  arrivedAt: z.iso.datetime(),
  /** When the server first received the case. */
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  manifestVersion: ManifestVersion,
  /** Where, as the officer typed it. */
  address: z.string(),
  plates: z.array(z.string()),
  /** True when the accident squad has taken the case over. */
  takenOver: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueResponse = z.object({
  items: z.array(QueueItem),
  /** Cases matching every filter. */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /**
   * Counts per bucket and per signal under the other filters (unit, officer,
   * dates), so each filter shows how many it would give; `needsMe`: cases
   * with any signal that are not yet reviewed.
   */
  counts: z.object({
    buckets: z.record(QueueBucket, z.number()),
    signals: z.record(ReviewSignal, z.number()),
    needsMe: z.number(),
  }),
  /** The brigade's units and officers, for the filters. */
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  officers: z.array(z.object({ id: z.uuid(), name: z.string(), unitId: z.uuid() })),
  /** The changes feed's cursor at this answer: poll `GET /api/changes` from it for new arrivals. */
  feedCursor: z.string(),
});
export type QueueResponse = z.infer<typeof QueueResponse>;

/**
 * What a return asks the officer to add or correct: a shot of the guided
 * list (by slot), a field of the case (by its path, e.g. `vehicles.0.plate`),
 * or a fact given to the liability engine (by its question id).
 */
export const MissingItem = z.object({
  kind: z.enum(['shot', 'field', 'fact']),
  key: line(TEXT_LIMITS.line).check(z.minLength(1)),
});
export type MissingItem = z.infer<typeof MissingItem>;

/** One stored manifest version of a case, as received. */
export const CaseVersion = z.object({
  version: ManifestVersion,
  receivedAt: z.iso.datetime(),
  manifestHash: Sha256Hex,
  flags: z.array(z.string()),
  officer: z.object({ id: z.uuid(), name: z.string() }),
  deviceId: z.string(),
  case: CaseRecord,
  photos: z.array(PhotoMeta),
});
export type CaseVersion = z.infer<typeof CaseVersion>;

/** A review action or hand-over on the case, oldest first. */
export const ReviewEntry = z.object({
  cursor: z.string(),
  /** `returned`, `reviewed`, `taken-over`, `amended`, `handed-over`, `reopened` … */
  kind: z.string(),
  state: CaseState,
  at: z.iso.datetime(),
  by: Actor,
  note: z.optional(z.string()),
  missing: z.optional(z.array(MissingItem)),
  /** `amended`: the squad's determination (liability, reason, facts and the engine's decision). */
  amendment: z.optional(SquadDetermination),
  /** The manifest version the action was taken on. */
  manifestVersion: z.optional(ManifestVersion),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const CaseHistory = z.object({
  caseId: z.uuid(),
  versions: z.array(CaseVersion),
  actions: z.array(ReviewEntry),
  /** Set once the accident squad took the case over: by whom, when, why. */
  takenOver: z.optional(z.object({ by: Actor, at: z.iso.datetime(), reason: z.string() })),
});
export type CaseHistory = z.infer<typeof CaseHistory>;

/** One check the server made on the stored evidence. */
export const VerificationCheck = z.object({
  kind: z.enum(['signature', 'chain', 'case-hash', 'manifest', 'photo']),
  /** The manifest version checked (signature, chain, case-hash, manifest). */
  version: z.optional(ManifestVersion),
  /** The photo checked. */
  sha256: z.optional(Sha256Hex),
  ok: z.boolean(),
  /** What fails, in words, when not ok. */
  problem: z.optional(z.string()),
});
export type VerificationCheck = z.infer<typeof VerificationCheck>;

export const CaseVerification = z.object({
  caseId: z.uuid(),
  /** `verified` only when every check holds. */
  verdict: z.enum(['verified', 'failed']),
  checkedAt: z.iso.datetime(),
  checks: z.array(VerificationCheck),
});
export type CaseVerification = z.infer<typeof CaseVerification>;

/** Details of `409 review_conflict`: the action that came first. */
export const ReviewConflict = z.object({
  by: Actor,
  kind: z.string(),
  at: z.iso.datetime(),
  state: CaseState,
  manifestVersion: ManifestVersion,
});
export type ReviewConflict = z.infer<typeof ReviewConflict>;

export const reviewRoutes = [
  defineRoute({
    id: 'review.queue',
    method: 'GET',
    path: '/api/review/queue',
    summary:
      'The brigade’s cases for the accident squad: filtered, counted and paged in the database',
    access: ['reviewer'],
    scoped: false,
    query: QueueQuery,
    responses: { 200: { description: 'One page of the queue', schema: QueueResponse } },
  }),
  defineRoute({
    id: 'review.history',
    method: 'GET',
    path: '/api/cases/:id/history',
    summary: 'Every manifest version of a case as received, and every review action on it',
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The history', schema: CaseHistory } },
  }),
  defineRoute({
    id: 'review.verification',
    method: 'GET',
    path: '/api/cases/:id/verification',
    summary:
      'Re-checks the case’s evidence now: each version’s signature and chain link, and every photo’s stored bytes',
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The checks and the verdict', schema: CaseVerification } },
  }),
] as const;
