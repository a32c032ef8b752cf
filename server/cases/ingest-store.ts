/**
 * The transactional part of case ingest (ingest.ts): run in a group-commit
 * batch (db/group-commit.ts), inside the request's own savepoint, against the
 * stored current version — the case's officer and the chain, the seal, then
 * every row of the new version, its change and its audit events. A refusal
 * thrown here rolls back this request's savepoint only.
 */
import type { Kysely } from 'kysely';
import type { CasePutRequest, CaseRefusal, ReceiptFlag } from '../../src/contracts/cases';
import type { CaseState } from '../../src/domain/case/case-state';
import { CaseRecord } from '../../src/domain/case/case.schema';
import { checkSealedVersion, type SealRefusal } from '../../src/domain/case/determination';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import { appendAudit } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { batchShared } from '../db/group-commit';
import type { Database } from '../db/schema';
import { sha256Hex } from '../hash';
import { deliverIfSigned } from '../packets/on-signed';
import { enteredAt } from '../../src/domain/case/case';
import { signedStationCase, type ConfirmedStationCase } from './station-confirm';
import { isHeldByPayment } from './claims';
import { vehicleInsurers } from './insurers';
import { heldByUnit } from './photo-holders';
import {
  allInsurers,
  currentVersion,
  deleteCaseInsurers,
  insertCaseInsurers,
  insertInto,
  storedVersion,
  updateCase,
} from './ingest-queries';
import { reviewColumns } from './review-columns';
import { caseFiveFastColumns, caseLenientColumns } from '../dashboard/five-fast-columns';

type Db = Kysely<Database>;

const SEAL_MESSAGES: Record<SealRefusal, string> = {
  signed_content_changed:
    'The determination the parties signed (or its warning decisions) was changed without an amendment and new signatures.',
  amendment_mismatch:
    'An amendment’s superseded determination does not match the signatures it keeps.',
  signatures_removed:
    'The stored version has signatures or amendments this version lacks; signed history is never rewritten.',
};

export class Refusal extends Error {
  constructor(
    readonly reason: CaseRefusal,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const sha = (bytes: Uint8Array) => sha256Hex(bytes);

/** What the stored case row holds that a new version is checked against. */
interface CurrentVersion {
  manifest_version: number;
  manifest_hash: string;
  unit_id: string;
  officer_id: string;
  body: string;
  sig_version_gap: number;
}

export interface VersionToStore {
  session: Session;
  body: CasePutRequest;
  manifestHash: string;
  bodyHash: string;
  /** The listed photos the sender's unit holds, looked up before the batch (ingest.ts). */
  heldBySender: Set<string>;
  /** Flags the device check gave (`revoked_device`: signed before its phone was revoked). */
  deviceFlags: readonly ReceiptFlag[];
  /** A station's case an officer confirmed: its signed version makes it his (station-confirm.ts). */
  stationConfirmed?: ConfirmedStationCase | undefined;
  at: Date;
}

/** A new version stored (what its receipt says), or the same body already stored by a racing request. */
export type StoreOutcome =
  | { stored: true; flags: ReceiptFlag[]; receivedAt: string; heldByUnit: Set<string> }
  | { stored: false };

/** Checks the version against the stored case and writes it; `trx` is the batch's transaction. */
export async function storeVersion(trx: Db, v: VersionToStore): Promise<StoreOutcome> {
  const { manifest } = v.body;
  const current = await currentVersion.first(trx, { id: manifest.caseId });
  // Another request (maybe earlier in this batch) may have stored this version while we verified;
  // a case not stored has no versions (nor claims, nor insurer links: the checks below skip them).
  if (current && (await alreadyStored(trx, manifest, v.bodyHash))) return { stored: false };
  const flags = [...(await checkAgainstStored(trx, v, current)), ...v.deviceFlags];
  await writeVersion(trx, v, current, flags);
  // A stored case is always the sender's unit's (ingest.ts answers 404 otherwise), unless moved meanwhile.
  const held =
    current && current.unit_id !== v.session.unitId
      ? await heldByUnit(
          trx,
          current.unit_id,
          manifest.photos.map((p) => p.sha256),
        )
      : v.heldBySender;
  return { stored: true, flags, receivedAt: v.at.toISOString(), heldByUnit: held };
}

/** True when this very body is stored as this version; a different body is `manifest_conflict`. */
async function alreadyStored(trx: Db, manifest: CaseManifest, bodyHash: string): Promise<boolean> {
  const row = await storedVersion.first(trx, {
    caseId: manifest.caseId,
    version: manifest.version,
  });
  if (!row) return false;
  if (row.body_hash === bodyHash) return true;
  throw new Refusal(
    'manifest_conflict',
    `Version ${manifest.version} of this case is already stored with different content; send changes as version ${manifest.version + 1}.`,
    { storedManifestHash: row.manifest_hash },
  );
}

/** The case's officer, the version chain, a paid claim, the seal: the version's flags, or a refusal. */
async function checkAgainstStored(
  trx: Db,
  { session, body }: VersionToStore,
  current: CurrentVersion | undefined,
): Promise<ReceiptFlag[]> {
  const { manifest } = body;
  const caseId = manifest.caseId;
  checkCaseOfficer(session, body.case, current);
  const currentVersion = current?.manifest_version ?? 0;
  if (manifest.version <= currentVersion) {
    throw new Refusal(
      'version_superseded',
      `Version ${currentVersion} is stored; version ${manifest.version} arrived too late.`,
      { storedVersion: currentVersion },
    );
  }
  const flags: ReceiptFlag[] = [];
  checkNoGap(manifest, currentVersion, current?.manifest_hash ?? null);
  if (current && manifest.previousManifestHash !== current.manifest_hash) {
    throw new Refusal(
      'chain_broken',
      `previousManifestHash is not the hash of version ${currentVersion}.`,
      {
        storedManifestHash: current.manifest_hash,
      },
    );
  }
  if (current) await checkNotPaid(trx, caseId);
  const previous = current ? CaseRecord.safeParse(JSON.parse(current.body)) : undefined;
  const seal = checkSealedVersion(previous?.success ? previous.data : undefined, body.case, sha);
  if (!seal.ok) {
    throw new Refusal(seal.reason, SEAL_MESSAGES[seal.reason], { detail: seal.detail ?? null });
  }
  if (seal.value.amended) flags.push('amended');
  return flags;
}

/** Every row of the new version: the case, its version, insurers, the change, the audit events, packets. */
async function writeVersion(
  trx: Db,
  { session, body, manifestHash, bodyHash, at, stationConfirmed }: VersionToStore,
  current: CurrentVersion | undefined,
  flags: ReceiptFlag[],
): Promise<void> {
  const { manifest } = body;
  const caseId = manifest.caseId;
  const now = at.toISOString();
  const state: CaseState = 'synced';
  const columns = {
    case_number: body.case.caseNumber,
    state,
    manifest_version: manifest.version,
    body: JSON.stringify(body.case),
    photos: JSON.stringify(body.photos),
    manifest: JSON.stringify(manifest),
    manifest_hash: manifestHash,
    signature: body.signature,
    received_at: now,
    updated_at: now,
    // A gap once in the chain stays a signal on every later version.
    ...reviewColumns(
      body.case,
      current?.sig_version_gap === 1 ? [...flags, 'version_gap'] : flags,
      state,
    ),
    ...caseFiveFastColumns(body.case),
    ...caseLenientColumns(body.case),
  };
  if (current) await updateCase(trx, caseId, columns);
  else {
    await insertInto(trx, 'cases', {
      id: caseId,
      unit_id: session.unitId ?? '',
      officer_id: session.userId,
      ...columns,
    });
  }
  await insertInto(trx, 'case_versions', {
    case_id: caseId,
    version: manifest.version,
    manifest_hash: manifestHash,
    body_hash: bodyHash,
    body: columns.body,
    photos: columns.photos,
    manifest: columns.manifest,
    signature: body.signature,
    device_id: manifest.deviceId,
    officer_id: session.userId,
    flags: JSON.stringify(flags),
    received_at: now,
  });
  const insurers = await batchInsurers(trx);
  if (current) await deleteCaseInsurers.run(trx, { caseId });
  await insertCaseInsurers(trx, caseId, vehicleInsurers(body.case, insurers));
  await insertInto(trx, 'changes', {
    case_id: caseId,
    kind: 'received',
    state,
    actor_id: session.userId,
    actor_role: session.role,
    note: null,
    at: now,
    manifest_version: manifest.version,
  });
  await appendAudit(trx, at, {
    actor: session.userId,
    action: 'case.received',
    subject: caseId,
    details: { version: manifest.version, manifestHash, deviceId: manifest.deviceId, flags },
  });
  if (flags.includes('amended')) {
    const amendment = body.case.liability?.amendments?.at(-1);
    await appendAudit(trx, at, {
      actor: session.userId,
      action: 'case.amended',
      subject: caseId,
      details: {
        version: manifest.version,
        reason: amendment?.reason ?? null,
        supersededSha256: amendment?.supersededSha256 ?? null,
      },
    });
  }
  await deliverIfSigned(trx, session, body.case, at);
  if (stationConfirmed && enteredAt(body.case, 'signed') !== undefined) {
    const from = { unitId: session.unitId, photos: manifest.photos.map((p) => p.sha256) };
    await signedStationCase(trx, caseId, stationConfirmed, from, at);
  }
}

/** Every insurer; read once per group-commit batch (no request of a batch changes them). */
async function batchInsurers(trx: Db) {
  const shared = batchShared(trx);
  let insurers = shared?.get(allInsurers) as
    Awaited<ReturnType<typeof allInsurers.all>> | undefined;
  if (!insurers) {
    insurers = await allInsurers.all(trx, {});
    shared?.set(allInsurers, insurers);
  }
  return insurers;
}

/** A paid claim holds the case: a new version would change what was paid for (claims.ts). */
async function checkNotPaid(trx: Kysely<Database>, caseId: string): Promise<void> {
  if (await isHeldByPayment(trx, caseId)) {
    throw new Refusal(
      'reopen_required',
      'An insurer has paid a claim on this case: a reviewer must reopen it before a new version is accepted.',
    );
  }
}

/**
 * A stored case takes versions from its officer only (custody.ts). Its
 * `case.officer` names who captured it: this officer, or — on a case handed
 * over to him — the captor the stored version names.
 */
function checkCaseOfficer(
  session: Session,
  record: CasePutRequest['case'],
  current: { officer_id: string; body: string } | undefined,
): void {
  if (current && current.officer_id !== session.userId) {
    throw new Refusal(
      'not_case_officer',
      'The case belongs to another officer; only he may send its versions, unless it is handed over.',
      { caseOfficerId: current.officer_id },
    );
  }
  const named = record.officer?.id;
  if (named === undefined || named === session.userId) return;
  const captor = current ? (JSON.parse(current.body) as CaseRecord).officer?.id : undefined;
  if (named !== captor) {
    // A shared phone: another officer's case never goes under this session.
    throw new Refusal(
      'officer_mismatch',
      'The case was captured by another officer; only that officer may send it.',
    );
  }
}

/** Only the next version is taken: a skipped one could not be chain-checked, and would leave no room after it. */
function checkNoGap(
  manifest: CaseManifest,
  storedVersion: number,
  storedManifestHash: string | null,
): void {
  if (manifest.version <= storedVersion + 1) return;
  throw new Refusal(
    'version_gap',
    `Version ${storedVersion} is stored; send version ${storedVersion + 1} chained to it, not version ${manifest.version}.`,
    { storedVersion, storedManifestHash },
  );
}
