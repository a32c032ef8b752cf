/**
 * Claims and what an insurer sees of a case. A claim is one insurer's packet
 * of one reviewed case version, with that insurer's own progress on it
 * (assessment, payout). Insurers never share a claim: one insurer's state,
 * amounts and notes are invisible to every other insurer.
 *
 * An insurer reads a case only through its claim, as an {@link InsurerCaseView}:
 * a separate schema built field by field from an allow-list
 * (server/cases/insurer-view.ts), never a redacted copy of the case record.
 */
import * as z from 'zod/mini';
import { Sha256Hex } from '../domain/case/photo.schema';
import { CollisionSketch } from '../domain/case/sketch.schema';
import { Instant } from '../domain/ids';
import { defineRoute } from './route';

/** A claim's progress; each is also a case state name, so the feed's `state` carries it. */
export const ClaimState = z.enum(['delivered', 'assessed', 'paid']);
export type ClaimState = z.infer<typeof ClaimState>;

/** The media types an insurer's assessment photo may have (sniffed from the bytes). */
export const AssessmentMediaType = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type AssessmentMediaType = z.infer<typeof AssessmentMediaType>;

/** A photo the insurer attached to its assessment: read it at `GET /api/claims/:id/assessment-photos/:sha256`. */
export const AssessmentPhoto = z.object({
  sha256: Sha256Hex,
  byteLength: z.number(),
  mediaType: AssessmentMediaType,
});
export type AssessmentPhoto = z.infer<typeof AssessmentPhoto>;

/** An insurer's record of an assessment or payout. */
export const ClaimStep = z.object({
  at: Instant,
  /** Absent only on steps recorded before claims existed without an amount. */
  amountYuan: z.optional(z.number()),
  note: z.optional(z.string()),
  /** An assessment recorded in the portal: the amount per insured vehicle. */
  vehicles: z.optional(z.array(z.object({ vehicleId: z.uuid(), amountYuan: z.number() }))),
  /** An assessment: who assessed the damage. */
  assessor: z.optional(z.string()),
  /** An assessment: the photos the insurer attached (absent when none). */
  photos: z.optional(z.array(AssessmentPhoto)),
  /** A payout: the day the money was paid and the payment's reference. */
  paidOn: z.optional(z.string()),
  reference: z.optional(z.string()),
});
export type ClaimStep = z.infer<typeof ClaimStep>;

export const Claim = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  insurerId: z.uuid(),
  state: ClaimState,
  /** The reviewed case version the packet was built from. */
  packet: z.object({
    manifestVersion: z.number().check(z.int(), z.gte(1)),
    manifestHash: Sha256Hex,
  }),
  /** When the packet became readable by the insurer (the reviewer's approval). */
  deliveredAt: Instant,
  /** The insurer called back (the call-back clock stops). */
  acknowledgedAt: z.optional(Instant),
  /** For officers and reviewers: the insurer's name and the call-back target (the brigade's). */
  insurerName: z.optional(z.string()),
  callbackDueAt: z.optional(Instant),
  assessment: z.optional(ClaimStep),
  payout: z.optional(ClaimStep),
  /** A later packet replaced this one (a new version was reviewed). */
  supersededAt: z.optional(Instant),
  /** A reviewer reopened the case after this claim was paid. */
  reopenedAt: z.optional(Instant),
});
export type Claim = z.infer<typeof Claim>;

const LiabilityLevel = z.enum(['full', 'primary', 'equal', 'secondary', 'none']);

/** What the insurer sees of every vehicle: its plate, its damage and its share of liability. */
const vehicleFields = {
  id: z.uuid(),
  label: z.string(),
  plate: z.string(),
  plateType: z.optional(z.string()),
  vehicleType: z.optional(z.string()),
  damagedParts: z.array(z.string()),
  liability: z.optional(LiabilityLevel),
};

/** A vehicle the insurer covers: also its VIN and owner. */
export const InsuredVehicleView = z.object({
  ...vehicleFields,
  insured: z.literal(true),
  vin: z.optional(z.string()),
  owner: z.optional(z.string()),
});

/** Another vehicle: nothing of its people. */
export const OtherVehicleView = z.object({ ...vehicleFields, insured: z.literal(false) });

/** A driver of an insured vehicle, with only this insurer's covers. */
export const InsuredPartyView = z.object({
  id: z.uuid(),
  vehicleId: z.uuid(),
  name: z.string(),
  idNumber: z.optional(z.string()),
  licenceNumber: z.optional(z.string()),
  phone: z.optional(z.string()),
  covers: z.array(
    z.object({
      kind: z.enum(['compulsory', 'commercial']),
      policyNumber: z.optional(z.string()),
    }),
  ),
  /** Whether the party signed or refused the determination, and when (no image, no reason). */
  signature: z.optional(z.object({ kind: z.enum(['signed', 'refused']), at: Instant })),
});

/** A damaged fixed object (guardrail, pole): what it is, not who keeps it. */
export const ObjectView = z.object({ id: z.uuid(), description: z.optional(z.string()) });

/** A photo the insurer may download: its identity, size and which shot it is. */
export const InsurerPhoto = z.object({
  sha256: Sha256Hex,
  byteLength: z.number(),
  slot: z.string(),
});
export type InsurerPhoto = z.infer<typeof InsurerPhoto>;

export const INSURER_VIEW_VERSION = 1;

export const InsurerCaseView = z.object({
  viewVersion: z.literal(INSURER_VIEW_VERSION),
  id: z.uuid(),
  caseNumber: z.string(),
  arrivedAt: Instant,
  occurredAt: z.optional(Instant),
  location: z.object({
    address: z.string(),
    road: z.optional(z.string()),
    kmPost: z.optional(z.string()),
    point: z.optional(z.object({ latitude: z.number(), longitude: z.number() })),
  }),
  vehicles: z.array(z.union([InsuredVehicleView, OtherVehicleView])),
  parties: z.array(InsuredPartyView),
  objects: z.array(ObjectView),
  determination: z.optional(
    z.object({
      /** The liability signed: the officer's override when there is one, else the engine's. */
      overridden: z.boolean(),
      basis: z.array(z.object({ law: z.string(), article: z.string() })),
      catalogVersion: z.optional(z.string()),
      /** The determination was corrected after signatures (the reasons stay with the police). */
      amended: z.boolean(),
    }),
  ),
  photos: z.array(InsurerPhoto),
  /** The collision sketch as drawn (positions of the vehicles by id; no personal data). */
  sketch: z.optional(CollisionSketch),
});
export type InsurerCaseView = z.infer<typeof InsurerCaseView>;

/**
 * A packet past its call-back target that its insurer has not acknowledged
 * (the brigade's overdue list): which case, which insurer, the insured
 * plates, when it was due and by how many whole minutes it is late.
 */
export const OverdueClaim = z.object({
  claimId: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  brigadeName: z.string(),
  insurerId: z.uuid(),
  insurerName: z.string(),
  /** Plates of the vehicles this insurer covers in the packet's version. */
  plates: z.array(z.string()),
  deliveredAt: Instant,
  callbackDueAt: Instant,
  minutesOverdue: z.number().check(z.int(), z.gte(0)),
});
export type OverdueClaim = z.infer<typeof OverdueClaim>;

/** At most this many overdue packets are listed; `total` counts them all. */
export const OVERDUE_LIMIT = 200;

export const OverdueList = z.object({
  /** Oldest due time first. */
  claims: z.array(OverdueClaim),
  total: z.number().check(z.int(), z.gte(0)),
  /** The server's time the list was made at. */
  asOf: Instant,
});
export type OverdueList = z.infer<typeof OverdueList>;

export const claimRoutes = [
  defineRoute({
    id: 'claims.overdue',
    method: 'GET',
    path: '/api/claims/overdue',
    summary: 'Packets not acknowledged by their call-back due time, oldest first',
    description:
      'A reviewer sees those of his brigade, an admin those of every brigade. A packet counts once its brigade’s call-back target has passed since delivery, while its insurer has not called back, assessed or paid, and no later packet replaced it.',
    access: ['reviewer', 'admin'],
    scoped: false,
    responses: { 200: { description: 'Overdue packets', schema: OverdueList } },
  }),
] as const;
