/**
 * `PUT /api/cases/:id`: verify a signed manifest version and store it.
 *
 * Order of checks (each refusal is audited as `case.refused` with its reason):
 *  1. ids agree (path, case.id, manifest.caseId) — `case_id_mismatch`; a
 *     station account sends no determination (`station_cannot_determine`:
 *     it hands the case over to an officer, src/domain/case/station.ts) but
 *     the one an officer confirmed, unchanged (station-determination.ts);
 *  2. the case is in the officer's scope (another unit's id: 404, as absent;
 *     a station's signed case, now its officer's, answers the station's
 *     repeat of a stored version and refuses anything new, `not_case_officer`);
 *  3. the device is an enrolled device of this officer (`device_unknown`),
 *     not revoked before the case was last changed (`device_revoked`; a case
 *     changed before the revocation is taken, flagged `revoked_device`), and the
 *     signature verifies over the manifest's canonical bytes (`bad_signature`) —
 *     before anything stored is answered, so a forged replay gets no receipt;
 *  4. the same version already stored: same body → the same receipt (no new
 *     audit or change rows); a different body → `manifest_conflict`. The body
 *     names the signing device, so only that device's officer gets here;
 *  5. the manifest describes exactly the case and photos sent
 *     (`case_hash_mismatch`, `manifest_mismatch`);
 *  6. every listed photo recorded as stored has the listed size
 *     (`photo_hash_mismatch`; its bytes were hashed on arrival and the blob
 *     scrub re-verifies them); one query over the photos and holder rows, not
 *     a blob-store request per photo (photo-holders.ts); photos not yet held
 *     are listed as missing in the receipt, not refused;
 *  7. in one group-commit batch (ingest-store.ts; the request's own savepoint
 *     in a transaction shared with concurrent PUTs, answered after its
 *     COMMIT), against the stored current version:
 *     a. the case's officer (custody.ts): a stored case takes versions only
 *        from its officer (`not_case_officer`), and `case.officer` names this
 *        officer or, on a case handed over to him, its captor
 *        (`officer_mismatch`: on a shared phone a case goes only under its
 *        captor's session);
 *     b. the version chain: only n+1 is taken (a skipped version, or a first
 *        version above 1: `version_gap` — its chain cannot be checked, and a
 *        stored jump would leave no next version; the device answers the 409
 *        by sending its content as n+1 on the stored version, src/sync, so
 *        nothing is stranded); n+1 must name version n's hash
 *        (`chain_broken`); an older version never stored is
 *        `version_superseded` (holes exist only in chains stored before gaps
 *        were refused);
 *     c. the seal (src/domain/case/determination.ts): every signature names
 *        the determination sent, and the warning-instead-of-a-fine decisions
 *        of a sealed version stay (`signed_content_changed`), amendments keep
 *        what they supersede (`amendment_mismatch`), and nothing signed before
 *        is gone (`signatures_removed`); a version adding an amendment is
 *        flagged `amended` for the accident squad;
 *     d. once an insurer was paid, no new version until a reviewer reopens
 *        the case (`reopen_required`, claims.ts).
 * "The same body" means the same canonical { case, photos, manifest }: the
 * signature is left out because ECDSA signatures differ on every signing.
 */
import type { Kysely } from 'kysely';
import type {
  CasePutRequest,
  CaseReceipt,
  CaseRefusal,
  ReceiptFlag,
} from '../../src/contracts/cases';
import { canonicalJson } from '../../src/domain/manifest/canonical-json';
import { manifestWithCaseHash } from '../../src/domain/manifest/manifest';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import { appendAudit, recordAudit } from '../audit/audit-log';
import { verifyDeviceSignature } from '../auth/devices';
import { notFound } from '../auth/policy';
import { stationSendRefusal } from '../../src/domain/case/station';
import { confirmedDetermination } from './station-confirm';
import type { Session } from '../auth/sessions';
import type { BlobStore } from '../blobs/blob-store';
import type { Announcement, GroupCommitter } from '../db/group-commit';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import { sha256Hex } from '../hash';
import { Refusal, storeVersion } from './ingest-store';
import { recordedPhotos } from './photo-holders';
import { caseUnit, deviceRow, storedVersion } from './ingest-queries';
import { receiptFor } from './receipts';
import { revocationStanding } from '../../src/domain/device/revocation';

export interface IngestDeps {
  db: Kysely<Database>;
  blobs: BlobStore;
  now: () => Date;
  /** Writes of concurrent PUTs share one transaction and one fsync. */
  commits: GroupCommitter<Database>;
}

const REFUSAL_STATUS: Record<CaseRefusal, number> = {
  case_id_mismatch: 422,
  case_hash_mismatch: 422,
  manifest_mismatch: 422,
  bad_signature: 422,
  device_unknown: 403,
  device_revoked: 403,
  officer_mismatch: 403,
  not_case_officer: 403,
  photo_hash_mismatch: 422,
  manifest_conflict: 409,
  chain_broken: 409,
  version_gap: 409,
  version_superseded: 409,
  signed_content_changed: 422,
  amendment_mismatch: 422,
  signatures_removed: 422,
  station_cannot_determine: 403,
  reopen_required: 409,
};

/** Verifies and stores one manifest version; answers its receipt or throws an HttpError. */
export async function ingestCase(
  deps: IngestDeps,
  session: Session,
  caseId: string,
  body: CasePutRequest,
): Promise<CaseReceipt> {
  const canonical = canonicalOf(body);
  const manifestHash = sha256Hex(canonical.signed);
  // The next batch waits (a little) for this request's checks.
  const announced = deps.commits.announce();
  try {
    return await ingest(deps, session, caseId, body, { ...canonical, manifestHash }, announced);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const at = deps.now();
    // Refusals join the next batch too: a burst of them is not one fsync each.
    await deps.commits.run(
      (trx) =>
        appendAudit(trx, at, {
          actor: session.userId,
          action: 'case.refused',
          subject: caseId,
          details: {
            reason: error.reason,
            version: body.manifest.version,
            manifestHash,
            deviceId: body.manifest.deviceId,
            ...error.details,
          },
        }),
      announced,
    );
    throw new HttpError(
      REFUSAL_STATUS[error.reason],
      error.reason,
      error.message,
      undefined,
      error.details,
    );
  } finally {
    announced.withdraw();
  }
}

async function ingest(
  deps: IngestDeps,
  session: Session,
  caseId: string,
  body: CasePutRequest,
  canonical: Canonical & { manifestHash: string },
  announced: Announcement,
): Promise<CaseReceipt> {
  const { db } = deps;
  const { manifest } = body;
  if (body.case.id !== caseId || manifest.caseId !== caseId) {
    throw new Refusal(
      'case_id_mismatch',
      'The path id, case.id and manifest.caseId must be the same.',
    );
  }
  const confirmed =
    session.role === 'station' ? await confirmedDetermination(db, caseId) : undefined;
  if (session.role === 'station' && stationSendRefusal(body.case, confirmed)) {
    throw new Refusal(
      'station_cannot_determine',
      'A station account cannot determine liability: hand the case over to an officer, who determines it; only his determination, unchanged, is read to the parties and signed.',
    );
  }
  const existing = await caseUnit.first(db, { id: caseId });
  // A station's signed case, now the officer's (station-confirm.ts): a repeat only (step 2).
  const stationsOwn = confirmed !== undefined && confirmed.stationUserId === session.userId;
  if (existing && existing.unit_id !== session.unitId && !stationsOwn) {
    await recordAudit(db, deps.now(), {
      actor: session.userId,
      action: 'case.denied',
      subject: caseId,
      details: { route: 'cases.put' },
    });
    throw notFound();
  }
  const { signed, manifestHash, bodyHash } = canonical;
  const deviceFlags = await checkDeviceAndSignature(db, session, manifest, {
    signed,
    signature: body.signature,
    recordedAt: body.case.updatedAt,
  });
  const replay = existing
    ? await storedReceipt(deps, caseId, manifest.version, bodyHash)
    : undefined;
  if (replay) {
    // The version read may be committed but not yet fsynced (its batch's WAL sync is under way).
    await deps.commits.durable();
    return replay;
  }

  checkManifestDescribesBody(body, canonical);
  const heldBySender = await checkHeldPhotos(db, session, manifest);
  const outcome = await deps.commits.run(
    (trx) =>
      storeVersion(trx, {
        session,
        body,
        manifestHash,
        bodyHash,
        heldBySender,
        deviceFlags,
        stationConfirmed: confirmed,
        at: deps.now(),
      }),
    announced,
  );
  if (outcome.stored) {
    // Built from what was just written, not read back: the batch has committed.
    const held = manifest.photos
      .map((p) => p.sha256)
      .filter((hash) => outcome.heldByUnit.has(hash));
    const missing = manifest.photos.map((p) => p.sha256).filter((hash) => !held.includes(hash));
    return {
      caseId,
      manifestVersion: manifest.version,
      manifestHash,
      receivedAt: outcome.receivedAt,
      photos: { held, missing },
      complete: missing.length === 0,
      flags: outcome.flags,
    };
  }
  const receipt = await storedReceipt(deps, caseId, manifest.version, bodyHash);
  if (!receipt) throw new Error(`version ${manifest.version} of ${caseId} vanished after storing`);
  return receipt;
}

/** The receipt for a stored version with this body; a conflict for another body; undefined when not stored. */
async function storedReceipt(
  deps: IngestDeps,
  caseId: string,
  version: number,
  bodyHash: string,
): Promise<CaseReceipt | undefined> {
  const row = await storedVersion.first(deps.db, { caseId, version });
  if (!row) return undefined;
  if (row.body_hash !== bodyHash) {
    throw new Refusal(
      'manifest_conflict',
      `Version ${version} of this case is already stored with different content; send changes as version ${version + 1}.`,
      { storedManifestHash: row.manifest_hash },
    );
  }
  return receiptFor(deps, {
    manifest: JSON.parse(row.manifest) as CaseManifest,
    manifestHash: row.manifest_hash,
    receivedAt: row.received_at,
    flags: JSON.parse(row.flags) as ReceiptFlag[],
  });
}

/**
 * The manifest names an enrolled device of this officer and is signed by its
 * key. A device revoked since still has a case taken whose content was last
 * changed before the revocation (`recordedAt`, the case's `updatedAt`): a
 * phone offline when revoked signs its manifests only when it is back, and
 * its unsent cases must not be lost with it. Such a version is flagged
 * `revoked_device` for the accident squad; a case changed after the
 * revocation is refused (`device_revoked`).
 */
async function checkDeviceAndSignature(
  db: Kysely<Database>,
  session: Session,
  manifest: CaseManifest,
  { signed, signature, recordedAt }: { signed: Uint8Array; signature: string; recordedAt: string },
): Promise<ReceiptFlag[]> {
  const device = await deviceRow.first(db, { id: manifest.deviceId });
  if (!device || device.user_id !== session.userId) {
    throw new Refusal('device_unknown', 'The manifest names no enrolled device of this officer.');
  }
  const standing = revocationStanding(device.revoked_at, recordedAt);
  if (standing === 'changed-after')
    throw new Refusal(
      'device_revoked',
      'The device was revoked before this case was last changed.',
    );
  if (!verifyDeviceSignature(device.public_key_jwk, signed, signature)) {
    throw new Refusal(
      'bad_signature',
      'The signature does not match the manifest and the device’s key.',
    );
  }
  return standing === 'active' ? [] : ['revoked_device'];
}

/** The PUT's canonical texts, each built once (canonical-json.ts): hashed, verified, compared. */
interface Canonical {
  caseText: string;
  manifestText: string;
  /** The manifest's canonical bytes: what the device signed. */
  signed: Uint8Array;
  /** Of canonicalJson({ case, photos, manifest }): "the same body" (a replay). */
  bodyHash: string;
}

function canonicalOf(body: CasePutRequest): Canonical {
  const caseText = canonicalJson(body.case);
  const manifestText = canonicalJson(body.manifest);
  // canonicalJson({ case, photos, manifest }) from the texts above: its keys in their sorted order.
  const bodyText = `{"case":${caseText},"manifest":${manifestText},"photos":${canonicalJson(body.photos)}}`;
  // Node's UTF-8 encoder writes what utf8Bytes does (a lone surrogate as U+FFFD), natively.
  const signed = Buffer.from(manifestText, 'utf8');
  return { caseText, manifestText, signed, bodyHash: sha256Hex(bodyText) };
}

function checkManifestDescribesBody(body: CasePutRequest, canonical: Canonical): void {
  const { manifest } = body;
  if (sha256Hex(canonical.caseText) !== manifest.caseSha256) {
    throw new Refusal(
      'case_hash_mismatch',
      'manifest.caseSha256 is not the hash of the case sent.',
    );
  }
  const rebuilt = manifestWithCaseHash(
    {
      case: body.case,
      photos: body.photos,
      previousManifestHash: manifest.previousManifestHash,
      version: manifest.version,
      deviceId: manifest.deviceId,
      signedAt: manifest.signedAt,
    },
    manifest.caseSha256,
  );
  if (!rebuilt.ok) {
    throw new Refusal(
      'manifest_mismatch',
      `The photos or version chain are not valid (${rebuilt.reason}).`,
      {
        detail: rebuilt.detail ?? null,
      },
    );
  }
  if (canonicalJson(rebuilt.value) !== canonical.manifestText) {
    throw new Refusal('manifest_mismatch', 'The manifest does not list exactly the photos sent.');
  }
}

/**
 * Every listed photo recorded as stored has the listed size; answers those
 * the officer's unit holds. Bytes are not re-hashed: the store named them by
 * their hash when they arrived (tus uploads are hashed as received), and the
 * blob scrub (blobs/scrub.ts) re-verifies stored bytes, quarantines damaged
 * ones and forgets their holders.
 */
async function checkHeldPhotos(
  db: Kysely<Database>,
  session: Session,
  manifest: CaseManifest,
): Promise<Set<string>> {
  const recorded = await recordedPhotos(
    db,
    session.unitId,
    manifest.photos.map((p) => p.sha256),
  );
  const bad: string[] = [];
  const held = new Set<string>();
  for (const photo of manifest.photos) {
    const found = recorded.get(photo.sha256);
    if (found && found.byteLength !== photo.byteLength) bad.push(photo.sha256);
    if (found?.heldByUnit) held.add(photo.sha256);
  }
  if (bad.length > 0) {
    throw new Refusal(
      'photo_hash_mismatch',
      'Stored bytes of some photos do not match the manifest.',
      {
        photos: bad,
      },
    );
  }
  return held;
}
