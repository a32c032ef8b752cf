/**
 * Table types for Kysely, as the latest migration leaves the database.
 * Migrations never import this file: each one describes the tables as they
 * were when it was written, so later edits here cannot change old migrations.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Key/value facts about this installation (instance id, schema dates). */
export interface ServerInfoTable {
  key: string;
  value: string;
  /** ISO 8601 instant of the last write. */
  updated_at: string;
}
export type ServerInfo = Selectable<ServerInfoTable>;
export type NewServerInfo = Insertable<ServerInfoTable>;
export type ServerInfoUpdate = Updateable<ServerInfoTable>;

export interface BrigadesTable {
  id: string;
  name: string;
  created_at: string;
  /** Target minutes from a packet's delivery to the insurer's acknowledgement (migration 0007). */
  callback_minutes: Generated<number>;
  /** `review`: packets once a reviewer approves; `signed`: once the signed version arrives. */
  packets_on: Generated<string>;
  /** How far from a case its phones list roadside video units, metres (migration 0013). */
  video_radius_m: Generated<number>;
  /** Five-fast targets, whole minutes per fast (migration 0016). */
  target_evidence_min: Generated<number>;
  target_clearance_min: Generated<number>;
  target_liability_min: Generated<number>;
  target_assessment_min: Generated<number>;
  target_payout_min: Generated<number>;
  /** Its officers' phones (migration 0022): idle lock minutes, offline limit hours, PIN required (1/0). */
  lock_idle_min: Generated<number>;
  offline_limit_h: Generated<number>;
  pin_required: Generated<number>;
}

export interface UnitsTable {
  id: string;
  brigade_id: string;
  name: string;
  /** patrol-squad | accident-squad | rural-station */
  kind: string;
  created_at: string;
}

export interface InsurersTable {
  id: string;
  name: string;
  code: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** officer | reviewer | insurer | admin */
  role: string;
  unit_id: string | null;
  insurer_id: string | null;
  /** `scrypt$N$r$p$salt$hash` (see auth/passwords.ts). */
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}
export type UserRow = Selectable<UsersTable>;

export interface SessionsTable {
  id: string;
  /** SHA-256 hex of the bearer token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  label: string;
  /** The P-256 public key as JWK JSON. */
  public_key_jwk: string;
  created_at: string;
  revoked_at: string | null;
}
export type DeviceRow = Selectable<DevicesTable>;

export interface CasesTable {
  id: string;
  unit_id: string;
  /** The case's officer: who sent version 1, or whom it was last handed over to. */
  officer_id: string;
  case_number: string;
  /** Server-side state: synced, returned, reviewed, assessed, paid … */
  state: string;
  manifest_version: number;
  /** The current version's CaseRecord JSON. */
  body: string;
  /** The current version's PhotoMeta[] JSON. */
  photos: string;
  manifest: string;
  manifest_hash: string;
  signature: string;
  /** When the current version was first stored. */
  received_at: string;
  updated_at: string;
  /** Arrival on scene (the case's `arrivedAt`, UTC ISO): the review queue's order (migration 0005). */
  arrived_at: string;
  /** Review signals of the current version, 0/1 each (src/domain/review/signals.ts). */
  sig_escalated: number;
  sig_disputed: number;
  sig_primary_secondary: number;
  sig_override: number;
  sig_version_gap: number;
  sig_refusal: number;
  sig_amended: number;
  /** Signed by a phone before it was revoked, received after (migration 0018). */
  sig_revoked_device: number;
  /** 1 when any signal is set. */
  sig_any: number;
  /** The review queue's bucket: new | escalated | disputed | returned | reviewed. */
  bucket: string;
  /** Set once the accident squad took the case over: who, when, why. */
  taken_over_by: string | null;
  taken_over_at: string | null;
  taken_over_reason: string | null;
  /** Five-fast seconds from arrival (migration 0010; dashboard/five-fast-columns.ts); null until measured. */
  ff_evidence_s: number | null;
  ff_clearance_s: number | null;
  ff_liability_s: number | null;
  /** The China-time Monday of the arrival, YYYY-MM-DD. */
  ff_week: Generated<string>;
  /** 1 once the case was ever returned. */
  ff_returned: Generated<number>;
  /** Warnings instead of fines confirmed on the stored version (migration 0014). */
  lenient_warnings: Generated<number>;
}
export type CaseRow = Selectable<CasesTable>;

export interface CaseVersionsTable {
  case_id: string;
  version: number;
  manifest_hash: string;
  /** SHA-256 of canonical { case, photos, manifest }: what "the same body" means. */
  body_hash: string;
  body: string;
  photos: string;
  manifest: string;
  signature: string;
  device_id: string;
  officer_id: string;
  /** JSON array of receipt flags (e.g. version_gap). */
  flags: string;
  received_at: string;
}
export type CaseVersionRow = Selectable<CaseVersionsTable>;

/** Every change of a case's officer (migration 0004); rows are only added. */
export interface CaseHandoversTable {
  id: Generated<number>;
  case_id: string;
  from_officer_id: string;
  to_officer_id: string;
  from_unit_id: string;
  to_unit_id: string;
  /** The officer himself, or a reviewer of the brigade (a take-over). */
  by_user_id: string;
  by_role: string;
  reason: string;
  /** The stored version the new officer continues from. */
  manifest_version: number;
  at: string;
}

export interface CaseVehiclesInsurersTable {
  case_id: string;
  vehicle_id: string;
  insurer_id: string;
}

export interface PhotosTable {
  sha256: string;
  case_id: string;
  byte_length: number;
  uploaded_by: string;
  uploaded_at: string;
}

/**
 * One insurer's packet of one reviewed case version and its progress on it
 * (server/cases/claims.ts). Amounts are integer fen.
 */
export interface ClaimsTable {
  id: string;
  case_id: string;
  insurer_id: string;
  manifest_version: number;
  manifest_hash: string;
  /** delivered | assessed | paid */
  state: string;
  delivered_at: string;
  assessed_at: string | null;
  assessed_fen: number | null;
  assessment_note: string | null;
  paid_at: string | null;
  paid_fen: number | null;
  payout_note: string | null;
  superseded_at: string | null;
  reopened_at: string | null;
  updated_at: string;
  /** The insurer's call-back (migration 0007): when, and by whom. */
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  /** ClaimAssessment JSON: per-vehicle amounts, the assessor, the photos (0008). */
  assessment: string | null;
  /** ClaimPayout JSON: paid on, reference. */
  payout: string | null;
  /** Five-fast seconds (migration 0010): delivered → acknowledged, delivered → assessed, assessed → paid. */
  ff_callback_s: number | null;
  ff_assessment_s: number | null;
  ff_payout_s: number | null;
}
export type ClaimRow = Selectable<ClaimsTable>;

/** A unit whose officer uploaded these bytes: only then do they count as held for its cases. */
export interface PhotoHoldersTable {
  sha256: string;
  unit_id: string;
  /** The first uploader in the unit. */
  uploaded_by: string;
  uploaded_at: string;
}

export interface ChangesTable {
  id: Generated<number>;
  case_id: string;
  /** received | returned | reviewed | taken-over | amended | assessed | paid */
  kind: string;
  /** The case's state after the change. */
  state: string;
  actor_id: string;
  actor_role: string;
  note: string | null;
  at: string;
  /** Set when the change is a step of this insurer's claim: no other insurer sees it. */
  insurer_id: string | null;
  /** That claim's state after the step. */
  claim_state: string | null;
  /** A return: the MissingItem[] JSON of what the officer is to add (migration 0005). */
  missing: string | null;
  /** The case's manifest version the change was made on. */
  manifest_version: number | null;
  /** `amended`: the SquadDetermination JSON (migration 0006). */
  amendment: string | null;
  /** `station-confirmed`: the officer's OfficerDetermination JSON (migration 0020). */
  determination: Generated<string | null>;
  /** `assessed`: the SHA-256 hashes of the assessment's photos, JSON (migration 0008). */
  photos: string | null;
}

/** A photo an insurer finished uploading for its claim's assessment (migration 0008). */
export interface AssessmentPhotosTable {
  claim_id: string;
  sha256: string;
  byte_length: number;
  /** image/jpeg | image/png | image/webp, sniffed from the bytes. */
  media_type: string;
  uploaded_by: string;
  uploaded_at: string;
}

/** The accident squad's amended liability of a case, one row per amendment (migration 0006). */
/** An officer's confirmation of a station's case, with his determination (migration 0019). */
export interface StationConfirmationsTable {
  case_id: string;
  /** The station account that handed the case over (its officer until then). */
  station_user_id: string;
  officer_id: string;
  /** `confirm` or `correct` (StationDecision). */
  decision: string;
  note: string;
  /** LiabilityByVehicle JSON: the officer's determination. */
  liability: string;
  reason: string;
  /** `[{ law, article }]` JSON the officer cited; null before migration 0020. */
  basis: Generated<string | null>;
  based_on_version: number;
  at: string;
}

export interface SquadDeterminationsTable {
  id: Generated<number>;
  case_id: string;
  /** The case's manifest version the squad amended. */
  based_on_version: number;
  by_user_id: string;
  reason: string;
  /** LiabilityByVehicle JSON: the squad's determination. */
  liability: string;
  /** LiabilityFacts JSON: the corrected facts, when the squad gave them. */
  facts: string | null;
  /** DecisionSnapshot JSON: the engine's decision on those facts. */
  decision: string | null;
  at: string;
}

/** A reviewer action sent with a `requestId`, and the answer it got (migration 0005). */
export interface ReviewRequestsTable {
  request_id: string;
  case_id: string;
  user_id: string;
  /** SHA-256 of the request's canonical JSON: the same id with another body is refused. */
  body_hash: string;
  /** The CaseActionResponse JSON given. */
  response: string;
  at: string;
}

export interface AuditEventsTable {
  id: number;
  at: string;
  /** User id, `system`, or `cli:<name>`. */
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}
export type AuditEventRow = Selectable<AuditEventsTable>;

/** An insurer's webhook receiver (migration 0007). */
export interface WebhookEndpointsTable {
  id: string;
  insurer_id: string;
  url: string;
  description: string | null;
  /** `whsec_…` (Standard Webhooks): signs every delivery. */
  secret: string;
  /** The secret before the last rotation: deliveries carry both signatures until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: string | null;
  /** 1: the brigade allows a loopback or private address for this endpoint. */
  allow_private: Generated<number>;
  disabled_at: string | null;
  /** `gone` (the receiver answered 410) or `admin`. */
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

/** One event for one insurer; `id` is the stable `webhook-id` (msg_…). */
export interface WebhookMessagesTable {
  id: string;
  insurer_id: string;
  /** packet.created | packet.updated | case.returned */
  event_type: string;
  case_id: string;
  claim_id: string | null;
  /** The event's JSON body, fixed when the event happened. */
  payload: string;
  created_at: string;
}
export type WebhookMessageRow = Selectable<WebhookMessagesTable>;

/** The dispatcher's durable outbox: one row per message and endpoint. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  message_id: string;
  endpoint_id: string;
  /** pending | delivered | failed (gave up) | disabled (the endpoint was disabled) */
  state: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A dispatcher holds the row until then (a crashed one's lease runs out). */
  lease_until: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  started_at: string;
  duration_ms: number;
  status: number | null;
  error: string | null;
}

/** A brigade's document for its officers' phones, by kind (migration 0012). */
export interface BrigadeDocumentsTable {
  brigade_id: string;
  /** `courtesy-script`. */
  kind: string;
  version: number;
  /** JSON text of the document (for `courtesy-script`, a CourtesyScriptText). */
  body: string;
  updated_by: string;
  updated_at: string;
}

/** A brigade's roadside video unit (migration 0013). */
export interface VideoUnitsTable {
  id: string;
  brigade_id: string;
  /** The brigade's own code, unique in the brigade. */
  code: string;
  name: string;
  /** Degrees × 1,000,000, rounded: exact and portable. */
  lat_e6: number;
  lng_e6: number;
  /** A compass point (src/domain/video/footage.ts FACINGS). */
  facing: string;
  retention_days: number;
  /** 0 once taken out of use; kept for the requests that name it. */
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A footage request of a case (migration 0013). */
export interface FootageRequestsTable {
  id: string;
  case_id: string;
  video_unit_id: string;
  window_from: string;
  window_to: string;
  note: string | null;
  /** The accident time plus the unit's retention when asked: past it, `requested` reads `expired`. */
  expires_at: string;
  /** requested | retrieved | unavailable */
  status: string;
  reference: string | null;
  /** Why it was unavailable, or a note with the retrieval. */
  resolution: string | null;
  requested_by: string;
  requested_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** An officer's escrow key (migration 0015): wraps the phone's data key, issue 18. */
export interface EscrowKeysTable {
  user_id: string;
  /** 32 random bytes, base64url. */
  key_b64: string;
  created_at: string;
}

/** A supervisor's recovery code of an officer's phone (migration 0021), issue 18. */
export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  device_id: string;
  /** 16 digits, the last a Luhn check digit. */
  code: string;
  issued_at: string;
  /** When the phone said it spent the code. */
  used_at: string | null;
  /** When a newer code for the same officer and phone was issued. */
  replaced_at: string | null;
}

/** Every table the server knows. */
export interface Database {
  server_info: ServerInfoTable;
  brigades: BrigadesTable;
  brigade_documents: BrigadeDocumentsTable;
  video_units: VideoUnitsTable;
  footage_requests: FootageRequestsTable;
  units: UnitsTable;
  insurers: InsurersTable;
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  escrow_keys: EscrowKeysTable;
  recovery_codes: RecoveryCodesTable;
  cases: CasesTable;
  case_versions: CaseVersionsTable;
  case_handovers: CaseHandoversTable;
  case_vehicles_insurers: CaseVehiclesInsurersTable;
  photos: PhotosTable;
  photo_holders: PhotoHoldersTable;
  claims: ClaimsTable;
  assessment_photos: AssessmentPhotosTable;
  changes: ChangesTable;
  review_requests: ReviewRequestsTable;
  squad_determinations: SquadDeterminationsTable;
  station_confirmations: StationConfirmationsTable;
  audit_events: AuditEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_messages: WebhookMessagesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  login_failures: LoginFailuresTable;
  login_accounts: LoginAccountsTable;
  job_leases: JobLeasesTable;
  party_confirmations: PartyConfirmationsTable;
}

/** A party's own confirmation of a case's determination (migration 0017). */
export interface PartyConfirmationsTable {
  case_id: string;
  /** The vehicle the party is with: its label (A, B …). */
  vehicle: string;
  /** The determination's SHA-256 (hex) the party confirmed. */
  sha256: string;
  confirmed_at: string;
}

/** One failed sign-in from an address (migration 0011; auth/rate-limit.ts). */
export interface LoginFailuresTable {
  address: string;
  at: string;
}

/** An account's failed sign-ins since its last success (migration 0011). */
export interface LoginAccountsTable {
  account: string;
  failures: number;
  last_at: string;
}

/** A periodic job's lease (migration 0011; db/job-lease.ts). */
export interface JobLeasesTable {
  name: string;
  /** Which process holds it (host, pid, a random tag). */
  holder: string | null;
  lease_until: string | null;
  started_at: string | null;
  finished_at: string | null;
}
