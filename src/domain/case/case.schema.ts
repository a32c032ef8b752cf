/**
 * The case record: what the officer captures on scene, with every state
 * transition timestamped. Stored in IndexedDB and sent to the server as is.
 */
import * as z from 'zod/mini';
import { Id, Instant } from '../ids';
import { TEXT_LIMITS, line, paragraph } from '../text';
import { CaseState } from './case-state';
import { Party } from './party.schema';
import { Vehicle } from './vehicle.schema';
import { TriageRecord } from '../triage/triage.schema';
import { LiabilityRecord } from './liability-record.schema';
import { CollisionSketch } from './sketch.schema';
import { StationHandover } from './station-handover.schema';

export const CASE_SCHEMA_VERSION = 1;

export const GeoPoint = z.object({
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  /** Radius of 68 % confidence, in metres, as the Geolocation API reports it. */
  accuracyM: z.optional(z.number().check(z.gte(0))),
  source: z.enum(['gps', 'map', 'typed']),
  at: Instant,
});
export type GeoPoint = z.infer<typeof GeoPoint>;

export const CaseLocation = z.object({
  point: z.optional(GeoPoint),
  /** Road, junction, or place name as typed by the officer. */
  address: line(TEXT_LIMITS.line),
  road: z.optional(line(TEXT_LIMITS.line)),
  /** Kilometre post, e.g. K123+400, when GPS is poor. */
  kmPost: z.optional(line(TEXT_LIMITS.code)),
});
export type CaseLocation = z.infer<typeof CaseLocation>;

export const Transition = z.object({
  from: z.nullable(CaseState),
  to: CaseState,
  /** Device clock when the transition happened. */
  at: Instant,
  reason: z.optional(paragraph(TEXT_LIMITS.text)),
});
export type Transition = z.infer<typeof Transition>;

/**
 * The officer who captured the case on the phone. The phone sends a case only
 * under this officer's session, and shows it to no other officer signing in on
 * a shared phone (RELIABILITY.md D8). Absent on cases captured while nobody
 * was signed in: the next officer to sign in claims them.
 */
export const CaseOfficer = z.object({
  id: Id,
  name: line(TEXT_LIMITS.name),
});
export type CaseOfficer = z.infer<typeof CaseOfficer>;

export const CaseRecord = z.object({
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  id: Id,
  /** Human-readable number shown to parties: made on the device, unique per device. */
  caseNumber: line(TEXT_LIMITS.code),
  state: CaseState,
  /** When the officer arrived on scene: the start of every five-fast clock. */
  arrivedAt: Instant,
  /** When the accident happened, as the parties state it. */
  occurredAt: z.optional(Instant),
  location: CaseLocation,
  officer: z.optional(CaseOfficer),
  notes: paragraph(TEXT_LIMITS.notes),
  vehicles: z.array(Vehicle),
  parties: z.array(Party),
  transitions: z.array(Transition),
  /** The escalation questions and every answer given, with its time. */
  triage: z.optional(TriageRecord),
  liability: z.optional(LiabilityRecord),
  /** The collision sketch (现场草图); absent until the officer draws one. */
  sketch: z.optional(CollisionSketch),
  /** A station's case handed over to an officer (station.ts); absent on an officer's case. */
  handover: z.optional(StationHandover),
  createdAt: Instant,
  updatedAt: Instant,
});
export type CaseRecord = z.infer<typeof CaseRecord>;
