/**
 * The claim packet: what one insurer receives of one determined case — the
 * allow-listed view of the case (claims.ts, InsurerCaseView), the
 * determination with law and article, every photo by SHA-256 with a signed,
 * expiring download link, the manifest hash with the chain of versions it
 * closes, and the insurer's own progress (acknowledgement, assessment,
 * payout). A packet's id is its claim's id. Versioned by `packetVersion`;
 * published in the OpenAPI document and docs/insurers.md.
 *
 * The insurer's portal lists packets by {@link PacketStatus}, and records the
 * call-back (acknowledge), the assessment (amount per vehicle, assessor) and
 * the payout (amount, date, reference) through the routes below.
 */
import * as z from 'zod/mini';
import { Sha256Hex } from '../domain/case/photo.schema';
import { Instant } from '../domain/ids';
import { line, paragraph } from '../domain/text';
import { Claim, InsurerCaseView } from './claims';
import { IdParams, defineRoute } from './route';

export const PACKET_VERSION = 1;

/** A calendar day, `YYYY-MM-DD`. */
const LocalDate = z.iso.date('a date, e.g. 2026-12-06');

/** A link anyone holding it may follow until `expiresAt`; bound to one packet and one object. */
export const SignedLink = z.object({ url: z.string(), expiresAt: Instant });
export type SignedLink = z.infer<typeof SignedLink>;

/** A case version the packet's manifest closes: the chain the device signed, version by version. */
export const ChainLink = z.object({
  version: z.number(),
  manifestHash: Sha256Hex,
  /** The hash of the version before (absent on the first). */
  previousHash: z.optional(Sha256Hex),
  receivedAt: Instant,
});

export const PacketPhoto = z.object({
  sha256: Sha256Hex,
  byteLength: z.number(),
  slot: z.string(),
  download: SignedLink,
});
export type PacketPhoto = z.infer<typeof PacketPhoto>;

/** The object a packet's determination PDF link is bound to (beside the photos' SHA-256). */
export const DETERMINATION_PDF = 'determination.pdf';

/**
 * The determination (认定书) as a PDF, made from this insurer's redacted view
 * of the case (other drivers withheld, no reason texts), dated by the
 * delivery: the same bytes on every request.
 */
export const PacketDocument = z.object({
  mediaType: z.literal('application/pdf'),
  download: SignedLink,
});
export type PacketDocument = z.infer<typeof PacketDocument>;

export const ClaimPacket = z.object({
  packetVersion: z.literal(PACKET_VERSION),
  /** The packet's (and its claim's) id. */
  id: z.uuid(),
  issuedAt: Instant,
  insurer: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  /** The packet this one replaces (an amendment or a new reviewed version). */
  supersedes: z.optional(z.uuid()),
  case: InsurerCaseView,
  manifest: z.object({
    version: z.number(),
    hash: Sha256Hex,
    chain: z.array(ChainLink),
  }),
  photos: z.array(PacketPhoto),
  /** The determination PDF (absent from packets delivered before it was offered). */
  determinationPdf: z.optional(PacketDocument),
  claim: Claim,
  /** The brigade's target for the call-back: acknowledge by then. */
  callbackDueAt: Instant,
});
export type ClaimPacket = z.infer<typeof ClaimPacket>;

/** Where a packet stands for its insurer: new (not yet acknowledged), acknowledged, assessed, paid; withdrawn when a later packet replaced it. */
export const PacketStatus = z.enum(['new', 'acknowledged', 'assessed', 'paid', 'withdrawn']);
export type PacketStatus = z.infer<typeof PacketStatus>;

export const PacketSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  status: PacketStatus,
  manifestVersion: z.number(),
  deliveredAt: Instant,
  acknowledgedAt: z.optional(Instant),
  callbackDueAt: Instant,
  /** Not acknowledged and past the brigade's call-back target. */
  overdue: z.boolean(),
  /** The plates of the vehicles this insurer covers. */
  insuredPlates: z.array(z.string()),
  address: z.string(),
  occurredAt: z.optional(Instant),
});
export type PacketSummary = z.infer<typeof PacketSummary>;

export const PacketListQuery = z.object({
  status: z.optional(PacketStatus),
  /** Only packets past their call-back target. */
  overdue: z.optional(z.enum(['1'])),
});
export type PacketListQuery = z.infer<typeof PacketListQuery>;

export const PacketList = z.object({
  packets: z.array(PacketSummary),
  counts: z.record(PacketStatus, z.number()),
  overdue: z.number(),
  callbackMinutes: z.number(),
});
export type PacketList = z.infer<typeof PacketList>;

/** At most this many photos on one assessment. */
export const MAX_ASSESSMENT_PHOTOS = 12;

const Yuan = z.number().check(z.gte(0), z.lte(100_000_000));
/** Retries of one action answer the first's result. */
const RequestId = z.optional(z.uuid());

export const AcknowledgeRequest = z.object({
  requestId: RequestId,
  note: z.optional(paragraph(500)),
});
export type AcknowledgeRequest = z.infer<typeof AcknowledgeRequest>;

export const AssessmentRequest = z.object({
  requestId: RequestId,
  /** One amount per vehicle the insurer covers (yuan). */
  vehicles: z
    .array(z.object({ vehicleId: z.uuid(), amountYuan: Yuan }))
    .check(z.minLength(1, 'give the amount for each insured vehicle')),
  assessor: line(80).check(z.minLength(1, 'name the assessor')),
  note: z.optional(paragraph(1000)),
  /**
   * The assessment's photos: each one this insurer finished uploading for this
   * packet (tus, `claimId` in the metadata), at most {@link MAX_ASSESSMENT_PHOTOS}.
   */
  photos: z.optional(z.array(Sha256Hex).check(z.maxLength(100))),
});
export type AssessmentRequest = z.infer<typeof AssessmentRequest>;

export const PayoutRequest = z.object({
  requestId: RequestId,
  amountYuan: Yuan,
  paidOn: LocalDate,
  reference: line(80).check(z.minLength(1, 'give the payment reference')),
  note: z.optional(paragraph(1000)),
});
export type PayoutRequest = z.infer<typeof PayoutRequest>;

export const PhotoLinkParams = z.object({ id: z.uuid(), sha256: Sha256Hex });
export const AssessmentPhotoParams = z.object({ id: z.uuid(), sha256: Sha256Hex });
export const LinkQuery = z.object({
  expires: z.string().check(z.regex(/^\d{1,12}$/)),
  sig: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});

const actionErrors = {
  409: {
    description:
      '`invalid_transition`: the packet is not in a state that allows it (details: its status); `withdrawn`: a later packet replaced it',
  },
  422: {
    description:
      '`request_id_reused`; `unknown_vehicle`: not a vehicle this insurer covers; `unknown_photo`: a photo this insurer did not finish uploading for this packet; `too_many_photos`: more than 12',
  },
} as const;

export const packetRoutes = [
  defineRoute({
    id: 'packets.list',
    method: 'GET',
    path: '/api/packets',
    summary: 'The insurer’s packets, newest first, counted by status',
    access: ['insurer'],
    scoped: false,
    query: PacketListQuery,
    responses: { 200: { description: 'Packets', schema: PacketList } },
  }),
  defineRoute({
    id: 'packets.get',
    method: 'GET',
    path: '/api/packets/:id',
    summary: 'One packet, as delivered by packet.created (links freshly signed)',
    access: ['insurer'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The packet', schema: ClaimPacket } },
  }),
  defineRoute({
    id: 'packets.acknowledge',
    method: 'POST',
    path: '/api/packets/:id/acknowledge',
    summary: 'The insurer called the parties back: stops the call-back clock',
    access: ['insurer'],
    scoped: true,
    params: IdParams,
    body: AcknowledgeRequest,
    responses: { 200: { description: 'The claim', schema: Claim }, ...actionErrors },
  }),
  defineRoute({
    id: 'packets.assessment',
    method: 'POST',
    path: '/api/packets/:id/assessment',
    summary:
      'Record the damage assessment (定损): amount per insured vehicle, assessor, optional photos',
    access: ['insurer'],
    scoped: true,
    params: IdParams,
    body: AssessmentRequest,
    responses: { 200: { description: 'The claim', schema: Claim }, ...actionErrors },
  }),
  defineRoute({
    id: 'packets.payout',
    method: 'POST',
    path: '/api/packets/:id/payout',
    summary: 'Record the payout (到账): amount, date, reference',
    access: ['insurer'],
    scoped: true,
    params: IdParams,
    body: PayoutRequest,
    responses: { 200: { description: 'The claim', schema: Claim }, ...actionErrors },
  }),
  defineRoute({
    id: 'packets.photo',
    method: 'GET',
    path: '/api/packets/:id/photos/:sha256',
    summary: 'A packet’s photo through its signed link (no session: the link is the key)',
    description:
      'The link is bound to the packet and the photo and expires; a wrong, expired or foreign link answers 404, as a photo the packet does not list.',
    access: 'public',
    scoped: true,
    params: PhotoLinkParams,
    query: LinkQuery,
    responses: { 200: { description: 'The JPEG', mediaType: 'image/jpeg' } },
  }),
  defineRoute({
    id: 'claims.assessmentPhoto',
    method: 'GET',
    path: '/api/claims/:id/assessment-photos/:sha256',
    summary: 'A photo of an insurer’s assessment (audited `assessment-photo.read`)',
    description:
      'Insurer: its own claims only; reviewer: his brigade’s cases; officer: the cases he sent (the case’s officer). The photo must be one the claim’s recorded assessment names; anything else answers 404, as absent.',
    access: ['officer', 'reviewer', 'insurer'],
    scoped: true,
    params: AssessmentPhotoParams,
    responses: {
      200: { description: 'The stored bytes (JPEG, PNG or WebP)', mediaType: 'image/jpeg' },
    },
  }),
  defineRoute({
    id: 'packets.determinationPdf',
    method: 'GET',
    path: '/api/packets/:id/determination.pdf',
    summary: 'A packet’s determination (认定书) as a PDF, through its signed link (no session)',
    description:
      'Made from the insurer’s redacted view of the packet’s case version, the same bytes every time. The link is bound to the packet and expires; a wrong, expired or foreign link answers 404 with no case data. Audited as a document read.',
    access: 'public',
    scoped: true,
    params: IdParams,
    query: LinkQuery,
    responses: { 200: { description: 'The PDF', mediaType: 'application/pdf' } },
  }),
] as const;
