/**
 * The determination the parties sign, and its seal.
 *
 * Once any party has signed or refused, the determination is sealed: the
 * content they were shown (the case's time and place, every vehicle and party
 * as recorded, the collision sketch, the facts, the liability and its basis)
 * can no longer be edited. A correction is an explicit amendment: a written
 * reason, the superseded determination kept with its signatures, new notices
 * and new signatures. The server re-checks all of it on every version
 * (`checkSealedVersion`), so a silent edit of signed content never lands.
 *
 * Pure: hashing is the caller's (WebCrypto on the phone, node:crypto on the
 * server), the time comes in.
 */
import type { Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import { canonicalBytes, canonicalJson, utf8Bytes } from '../manifest/canonical-json';
import { transitionCase } from './case';
import type { CaseState } from './case-state';
import type { CaseRecord } from './case.schema';
import type { Amendment, LiabilityByVehicle, SignatureEntry } from './liability-record.schema';

/** What stands: the override when there is one, else the proposal. */
export function effectiveLiability(c: CaseRecord): LiabilityByVehicle | undefined {
  return c.liability?.override?.liability ?? c.liability?.proposal;
}

/** What new signatures cover; version 1 covered only names and plates. */
export const DETERMINATION_CONTENT_VERSION = 2;
export type DeterminationContentVersion = 1 | 2;

/** The content version of the signature set in progress (or the next one). */
export function contentVersionOf(c: CaseRecord): DeterminationContentVersion {
  const first = c.liability?.signatures[0];
  if (!first) return DETERMINATION_CONTENT_VERSION;
  return first.contentVersion ?? 1;
}

/** The liability that stands and what it rests on: the same in every content version. */
function decisionOf(c: CaseRecord) {
  const record = c.liability;
  return {
    liability: effectiveLiability(c),
    proposal: record?.proposal,
    override: record?.override && {
      liability: record.override.liability,
      reason: record.override.reason,
    },
    findings: (record?.decision?.findings ?? []).map((f) => ({
      scenarioId: f.scenarioId,
      liability: f.liability,
      basis: f.basis,
      explanation: f.explanation,
    })),
    catalogVersion: record?.decision?.catalogVersion,
  };
}

function contentV1(c: CaseRecord) {
  const vehicleLabel = (id: string | undefined) => c.vehicles.find((v) => v.id === id)?.label;
  return {
    kind: 'kuaichu.determination',
    version: 1,
    caseId: c.id,
    caseNumber: c.caseNumber,
    occurredAt: c.occurredAt,
    arrivedAt: c.arrivedAt,
    place: c.location.address,
    vehicles: c.vehicles.map((v) => ({ label: v.label, plate: v.plate })),
    parties: c.parties.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      vehicle: vehicleLabel(p.vehicleId),
    })),
    ...decisionOf(c),
  };
}

function contentV2(c: CaseRecord) {
  const record = c.liability;
  const amendments = record?.amendments ?? [];
  return {
    kind: 'kuaichu.determination',
    version: 2,
    caseId: c.id,
    caseNumber: c.caseNumber,
    occurredAt: c.occurredAt,
    arrivedAt: c.arrivedAt,
    place: {
      address: c.location.address,
      road: c.location.road,
      kmPost: c.location.kmPost,
    },
    // Not the officer: a case captured signed out is claimed at the next
    // sign-in, after the parties signed.
    // Every vehicle and party as recorded: whatever the parties screen shows
    // is what was signed.
    vehicles: c.vehicles,
    parties: c.parties,
    facts: record?.facts,
    // The sketch is printed on the determination, so it is signed too. Absent
    // (every case drawn before it existed), the bytes are as they were, so
    // earlier signatures still verify.
    sketch: c.sketch,
    ...decisionOf(c),
    // A station's case: the officer who determined it remotely, his reason and
    // the law he cited. Absent on every other case, whose bytes stay as they were.
    determinedBy: record?.remote && {
      officer: record.remote.by,
      at: record.remote.at,
      reason: record.remote.reason,
      basis: record.remote.basis,
    },
    amends:
      amendments.length === 0
        ? undefined
        : amendments.map((a) => ({ sha256: a.supersededSha256, reason: a.reason, at: a.at })),
  };
}

/**
 * The canonical content of the determination a party signs. Signatures and
 * their times are not part of it, so every party signs the same content.
 * `version` defaults to the version of the signature set in progress.
 */
export function determinationContent(
  c: CaseRecord,
  version: DeterminationContentVersion = contentVersionOf(c),
) {
  return version === 1 ? contentV1(c) : contentV2(c);
}

/** UTF-8 canonical JSON of {@link determinationContent}: hash these bytes (SHA-256). */
export function determinationBytes(
  c: CaseRecord,
  version: DeterminationContentVersion = contentVersionOf(c),
): Uint8Array {
  return canonicalBytes(determinationContent(c, version));
}

/** True once any party signed or refused: the determination's content is read-only. */
export function isSealed(c: CaseRecord): boolean {
  return (c.liability?.signatures.length ?? 0) > 0;
}

/** States in which the officer may correct a signed determination by an amendment. */
const AMENDABLE: readonly CaseState[] = [
  'liability-proposed',
  'signed',
  'submitted',
  'synced',
  'returned',
  'reviewed',
];

export type AmendRefusal = 'not-sealed' | 'reason-required' | 'not-allowed';

/** True when the officer may open an amendment of this case now. */
export function canAmend(c: CaseRecord): boolean {
  return isSealed(c) && AMENDABLE.includes(c.state);
}

/**
 * Opens a correction of a signed determination: the signatures given so far
 * are kept with the superseded content and marked superseded; the case goes
 * back to `liability-proposed` with no signatures, so parties, facts and
 * liability can be corrected, then the notices are read and everyone signs
 * again. `supersededSha256` is the SHA-256 of `determinationBytes(c)` (the
 * hash the old signatures name), computed by the caller.
 */
export function openAmendment(
  c: CaseRecord,
  input: { reason: string; supersededSha256: string },
  at: Instant,
): Result<CaseRecord, AmendRefusal> {
  const reason = input.reason.trim();
  if (!isSealed(c) || !c.liability) return refuse('not-sealed');
  if (reason === '') return refuse('reason-required');
  if (!AMENDABLE.includes(c.state)) return refuse('not-allowed', c.state);
  const record = c.liability;
  const amendment: Amendment = {
    reason,
    at,
    supersededSha256: input.supersededSha256,
    supersededContent: canonicalJson(determinationContent(c)),
    signatures: record.signatures,
    ...(record.noticesReadAt && { noticesReadAt: record.noticesReadAt }),
    ...(record.courtesy && { courtesy: record.courtesy }),
    ...(record.lenient && { lenient: record.lenient }),
    ...(record.flaggedForReview && { flaggedForReview: record.flaggedForReview }),
  };
  const {
    noticesReadAt: _read,
    courtesy: _script,
    lenient: _warnings,
    flaggedForReview: _flag,
    ...rest
  } = record;
  const next: CaseRecord = {
    ...c,
    liability: { ...rest, signatures: [], amendments: [...(record.amendments ?? []), amendment] },
    updatedAt: at,
  };
  if (c.state === 'liability-proposed') return ok(next);
  const moved = transitionCase(next, 'liability-proposed', at, `amendment: ${reason}`);
  return moved.ok ? moved : refuse('not-allowed', moved.detail);
}

export type SealRefusal = 'signed_content_changed' | 'amendment_mismatch' | 'signatures_removed';

export interface SealCheck {
  /** This version adds an amendment: accepted, and flagged for the accident squad. */
  amended: boolean;
}

/** A case's warning decisions as one comparable text. */
const warningsOf = (c: CaseRecord | undefined): string =>
  canonicalJson(c?.liability?.lenient ?? []);

const signatureKey = (s: SignatureEntry) => `${s.partyId}|${s.kind}|${s.at}|${s.contentSha256}`;

function everySignature(c: CaseRecord | undefined): Set<string> {
  const record = c?.liability;
  const all = [
    ...(record?.signatures ?? []),
    ...(record?.amendments ?? []).flatMap((a) => a.signatures),
  ];
  return new Set(all.map(signatureKey));
}

/**
 * Checks a new version of a case against its seal, as the server does before
 * storing it:
 *  - every current signature names the hash of the content sent
 *    (`signed_content_changed`: signed content was edited without new signatures);
 *  - every amendment's superseded content hashes to the hash its signatures name
 *    (`amendment_mismatch`);
 *  - no signature or amendment of the previous version is gone
 *    (`signatures_removed`);
 *  - the warning-instead-of-a-fine decisions of a sealed version stay as
 *    they were, unless an amendment moved them (`signed_content_changed`,
 *    detail `lenient`).
 */
export function checkSealedVersion(
  previous: CaseRecord | undefined,
  next: CaseRecord,
  sha256Hex: (bytes: Uint8Array) => string,
): Result<SealCheck, SealRefusal> {
  const record = next.liability;
  for (const s of record?.signatures ?? []) {
    const expected = sha256Hex(determinationBytes(next, s.contentVersion ?? 1));
    if (s.contentSha256 !== expected) return refuse('signed_content_changed', s.partyId);
  }
  const amendments = record?.amendments ?? [];
  for (const a of amendments) {
    if (sha256Hex(utf8Bytes(a.supersededContent)) !== a.supersededSha256)
      return refuse('amendment_mismatch', a.at);
    if (a.signatures.some((s) => s.contentSha256 !== a.supersededSha256))
      return refuse('amendment_mismatch', a.at);
  }
  const kept = everySignature(next);
  for (const key of everySignature(previous)) {
    if (!kept.has(key)) return refuse('signatures_removed', key.split('|')[0]);
  }
  const before = previous?.liability?.amendments ?? [];
  if (before.some((a, i) => amendments[i]?.supersededSha256 !== a.supersededSha256))
    return refuse('signatures_removed', 'amendment');
  const amended = amendments.length > before.length;
  if (!amended && previous && isSealed(previous) && warningsOf(previous) !== warningsOf(next))
    return refuse('signed_content_changed', 'lenient');
  return ok({ amended });
}
