/**
 * Liability on a case: the officer's answers while the questions are open
 * (`draft`), the facts and the engine's decision behind the proposal, an
 * override with its reason (kept beside the proposal, never instead of it),
 * when the notices were read out, each party's signature or refusal bound to
 * the hash of the content they saw, and the flags that send the case to the
 * accident squad. Stored inside the case record (`CaseRecord.liability`).
 */
import * as z from 'zod/mini';
import { Id, Instant } from '../ids';
import type {
  Bilingual as CatalogBilingual,
  LiabilityLevel as CatalogLevel,
} from '../liability/catalog.schema';
import {
  DriverStatus,
  EscalationAnswer,
  FixedObjectKind,
  Heading,
  LiabilityFacts,
  PlaceKindV2,
  QuestionAnswer,
  SignalFacing,
  VehicleActionV2,
  VehicleCondition,
  VehicleRef,
} from '../liability/facts.schema';
import { TEXT_LIMITS, line, paragraph } from '../text';
import { Sha256Hex } from './photo.schema';

export const LIABILITY_RECORD_SCHEMA_VERSION = 1;

// Restated here rather than imported from catalog.schema.ts, whose other
// schemas would then ride along into every screen that parses a case record.
const LiabilityLevel = z.enum(['full', 'primary', 'equal', 'secondary', 'none']);
const Sentence = line(TEXT_LIMITS.text);
/** An id or slug the engine or its catalog gave. */
const Slug = line(TEXT_LIMITS.line);
const Bilingual = z.object({ zh: Sentence, en: Sentence });
/** Compile-time proof that the restated schemas match the catalog's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const LIABILITY_SCHEMAS_MATCH_CATALOG: [
  Same<z.infer<typeof LiabilityLevel>, CatalogLevel>,
  Same<z.infer<typeof Bilingual>, CatalogBilingual>,
] = [true, true];

/** Liability per vehicle (keyed by the vehicle's label, A, B …). */
export const LiabilityByVehicle = z.record(VehicleRef, LiabilityLevel);
export type LiabilityByVehicle = z.infer<typeof LiabilityByVehicle>;

/** A legal basis: the law and its article, as cited on a determination. */
export const Basis = z.object({ law: Sentence, article: Sentence });
export type Basis = z.infer<typeof Basis>;

/** The impact relation the officer may choose (the engine asks when it is left open). */
export const ImpactRelation = z.enum([
  'same-lane',
  'adjacent-lanes',
  'opposite-directions',
  'crossing',
]);
export type ImpactRelation = z.infer<typeof ImpactRelation>;

/**
 * What the officer has answered so far, possibly incomplete: kept so a reload
 * loses nothing. `factsFromDraft` turns a complete draft into engine facts.
 */
export const LiabilityDraft = z.object({
  placeKind: z.optional(PlaceKindV2),
  vehicles: z.array(
    z.object({
      id: VehicleRef,
      action: z.optional(VehicleActionV2),
      heading: z.optional(Heading),
      /** The signal facing it; 'unknown' when the officer cannot tell (left out of the facts). */
      signal: z.optional(z.union([SignalFacing, z.literal('unknown')])),
      /** Did it move past the stop line on that signal ('unknown': left out of the facts). */
      passedStopLine: z.optional(z.enum(['yes', 'no', 'unknown'])),
      conditions: z.optional(z.array(VehicleCondition)),
      /** Licence, alcohol or drugs, injury as the officer recorded them (facts schema 2). */
      driver: z.optional(DriverStatus),
    }),
  ),
  impacts: z.array(
    z.object({
      striking: z.optional(VehicleRef),
      struck: z.optional(VehicleRef),
      relation: z.optional(ImpactRelation),
      /** `unknown`: two vehicles touched (a mutual scrape) and who struck whom cannot be told. */
      whoStruck: z.optional(z.enum(['recorded', 'unknown'])),
      /** A vehicle's action at this impact where it differs from its own (asked with several impacts). */
      actions: z.optional(z.array(z.object({ vehicleId: VehicleRef, action: VehicleActionV2 }))),
    }),
  ),
  /** The case's fixed objects (parties without a vehicle, by party id) and the kind of each. */
  objects: z.optional(z.array(z.object({ id: VehicleRef, kind: z.optional(FixedObjectKind) }))),
  /** Answers to the engine's catalog questions (`nextQuestion`, source scenario). */
  answers: z.array(QuestionAnswer),
  /** Answers to escalation questions the engine asked (`nextQuestion`, source escalation). */
  checkAnswers: z.record(Slug, EscalationAnswer),
});
export type LiabilityDraft = z.infer<typeof LiabilityDraft>;

/** The engine's decision as it stood when the proposal was made (see liability/decision.ts). */
export const DecisionSnapshot = z.object({
  outcome: z.enum(['liability', 'escalate', 'need-more-facts']),
  liability: z.optional(LiabilityByVehicle),
  officerMustConfirm: z.boolean(),
  alternatives: z.array(z.object({ liability: LiabilityByVehicle, reason: Bilingual })),
  escalation: z.optional(
    z.object({
      ruleId: Slug,
      action: z.enum(['escalate', 'out_of_scope']),
      reason: Bilingual,
      basis: z.array(Basis),
      instruction: z.optional(Bilingual),
    }),
  ),
  scenarios: z.array(Slug),
  findings: z.array(
    z.object({
      scenarioId: Slug,
      vehicleIds: z.array(Slug),
      liability: LiabilityByVehicle,
      basis: z.array(Basis),
      explanation: Bilingual,
      factsUsed: z.array(z.object({ questionId: Slug, answer: Slug, from: z.array(Slug) })),
      impact: z.number(),
      modifierId: z.optional(Slug),
    }),
  ),
  liabilityHint: z.optional(LiabilityByVehicle),
  liabilityHintWithheld: z.optional(Bilingual),
  catalogVersion: Slug,
});
export type DecisionSnapshot = z.infer<typeof DecisionSnapshot>;

/** A written reason: something other than blanks. */
const Reason = paragraph(TEXT_LIMITS.text).check(
  z.refine((s) => s.trim().length > 0, 'a reason is required'),
);

/** The officer's different determination, with the reason the reviewer and insurer read. */
export const LiabilityOverride = z.object({
  liability: LiabilityByVehicle,
  reason: Reason,
  at: Instant,
});
export type LiabilityOverride = z.infer<typeof LiabilityOverride>;

/** A signature drawn on screen, as a small PNG data URL. */
export const SignatureImage = z
  .string()
  .check(z.regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/), z.maxLength(200_000));

export const SignatureEntry = z
  .object({
    partyId: Id,
    kind: z.enum(['signed', 'refused']),
    at: Instant,
    /** SHA-256 of `determinationBytes(case, contentVersion)` as shown to the party. */
    contentSha256: Sha256Hex,
    /**
     * Which determination content the hash covers (see determination.ts):
     * absent on signatures made before version 2, which covered less.
     */
    contentVersion: z.optional(z.literal(2)),
    image: z.optional(SignatureImage),
    /** Why the party refused, or the objection of a party who signed. */
    reason: z.optional(Reason),
  })
  .check(
    z.refine((s) => s.kind !== 'refused' || s.reason !== undefined, {
      message: 'a refusal needs its reason',
      path: ['reason'],
    }),
    z.refine((s) => s.kind !== 'signed' || s.image !== undefined, {
      message: 'a signature needs its image',
      path: ['image'],
    }),
  );
export type SignatureEntry = z.infer<typeof SignatureEntry>;

/**
 * The courteous script of every stop (三告知、两敬礼): a salute on greeting,
 * the three notices (the violations, the determination, the rights) and a
 * salute on leaving, each marked by the officer with its time.
 */
export const CourtesyStep = z.enum([
  'greeting-salute',
  'notice-violation',
  'notice-determination',
  'notice-rights',
  'farewell-salute',
]);
export type CourtesyStep = z.infer<typeof CourtesyStep>;

/**
 * One step of the courteous script, marked once: when, and the version of the
 * brigade's script the phone showed (0: the project's starter; absent on marks
 * made before versions were recorded).
 */
export const CourtesyMark = z.object({
  step: CourtesyStep,
  at: Instant,
  scriptVersion: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type CourtesyMark = z.infer<typeof CourtesyMark>;

export const ReasonAt = z.object({ reason: Reason, at: Instant });

/**
 * The officer's decision on a warning instead of a fine (首违警告) for an
 * out-of-town driver's listed violation: the item as the list worded it
 * (its id, words and basis, and the list's version), where the suggestion
 * came from, confirmed or declined (with the reason), and when.
 */
export const LenientDecision = z
  .object({
    partyId: Id,
    itemId: Slug,
    listVersion: z.number().check(z.int(), z.gte(0)),
    violation: Bilingual,
    basis: z.array(Basis),
    source: z.enum(['finding', 'officer']),
    decision: z.enum(['warning', 'declined']),
    reason: z.optional(Reason),
    at: Instant,
  })
  .check(
    z.refine((d) => d.decision !== 'declined' || d.reason !== undefined, {
      message: 'a decline needs its reason',
      path: ['reason'],
    }),
  );
export type LenientDecision = z.infer<typeof LenientDecision>;
export type ReasonAt = z.infer<typeof ReasonAt>;

/**
 * A correction of a determination the parties had already signed: the reason,
 * the determination it replaces (its canonical JSON text, so its hash is
 * recomputable) and the signatures given to it, kept and marked superseded.
 * New notices and new signatures follow; the server flags the version.
 */
export const Amendment = z.object({
  reason: Reason,
  at: Instant,
  /** SHA-256 of `supersededContent` (UTF-8): the hash the old signatures name. */
  supersededSha256: Sha256Hex,
  /** Canonical JSON of the superseded determination content. */
  supersededContent: z.string().check(z.maxLength(200_000)),
  /** The signatures and refusals given to the superseded determination. */
  signatures: z.array(SignatureEntry),
  noticesReadAt: z.optional(Instant),
  courtesy: z.optional(z.array(CourtesyMark)),
  flaggedForReview: z.optional(ReasonAt),
  /** The warning decisions made for the superseded determination. */
  lenient: z.optional(z.array(LenientDecision)),
});
export type Amendment = z.infer<typeof Amendment>;

/**
 * An officer's determination of a rural station's case, made remotely
 * (server/cases/station-confirm.ts) and carried to the station's phone by the
 * pull feed: who determined it and when, the liability per vehicle, the
 * reason and the law and article it rests on, and whether he confirmed the
 * station's capture or corrected it (saying what). The station reads it to
 * the parties and collects their signatures; it may not change it
 * (station-determination.ts).
 */
export const OfficerDetermination = z.object({
  by: z.object({ id: Id, name: line(TEXT_LIMITS.name) }),
  at: Instant,
  liability: LiabilityByVehicle,
  reason: Reason,
  basis: z.array(Basis).check(z.minLength(1), z.maxLength(5)),
  decision: z.enum(['confirm', 'correct']),
  note: paragraph(TEXT_LIMITS.text),
});
export type OfficerDetermination = z.infer<typeof OfficerDetermination>;

export const LiabilityRecord = z.object({
  schemaVersion: z.literal(LIABILITY_RECORD_SCHEMA_VERSION),
  draft: z.optional(LiabilityDraft),
  /** The facts the proposal (or the escalation) was decided on. */
  facts: z.optional(LiabilityFacts),
  decision: z.optional(DecisionSnapshot),
  /** The engine's proposal per vehicle. */
  proposal: z.optional(LiabilityByVehicle),
  proposedAt: z.optional(Instant),
  override: z.optional(LiabilityOverride),
  noticesReadAt: z.optional(Instant),
  /** The courteous script's steps marked so far, each once, in the order marked. */
  courtesy: z.optional(z.array(CourtesyMark)),
  signatures: z.array(SignatureEntry),
  /** Warnings instead of fines (首违警告) decided for out-of-town drivers, one per party and item. */
  lenient: z.optional(z.array(LenientDecision)),
  /** A party refused or objected: the determination stands, the accident squad reviews it. */
  flaggedForReview: z.optional(ReasonAt),
  /** The facts themselves are disputed and cannot be settled on scene: the case escalated. */
  dispute: z.optional(ReasonAt),
  /** Corrections after signatures, oldest first (absent when there were none). */
  amendments: z.optional(z.array(Amendment)),
  /** A station's case: the officer's remote determination, which `proposal` repeats. */
  remote: z.optional(OfficerDetermination),
});
export type LiabilityRecord = z.infer<typeof LiabilityRecord>;
