/**
 * Re-checks the evidence the database holds, so a changed plate or a dropped
 * photo in a copy of the database is found, not served. The audit chain proves
 * events were not altered; this proves each stored case version is still what
 * the device signed and the chain recorded:
 *  - the stored { case, photos, manifest } still hash to the version's body hash;
 *  - the case still hashes to the manifest's `caseSha256`, the manifest to its
 *    stored hash, and that hash is the one its `case.received` event names;
 *  - the signature verifies under the enrolled device's key;
 *  - every photo the manifest names that the server stored (a `photos` row or
 *    a `photo.stored` event) is in the blob store and still hashes to its
 *    name; photos never uploaded are only missing, not a break;
 *  - every `case.received` event has its version, and the current case row is
 *    its latest version.
 * A tamperer who rewrites all of it consistently must also forge the device's
 * signature and rewrite the audit chain past the head hash kept outside.
 */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../src/domain/manifest/canonical-json';
import { caseBytes, manifestBytes } from '../../src/domain/manifest/manifest';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { verifyDeviceSignature } from '../auth/devices';
import type { BlobStore } from '../blobs/blob-store';
import type { CaseVersionRow, Database } from '../db/schema';
import { sha256Hex } from '../hash';

export type EvidenceBreakReason =
  | 'body_hash_mismatch'
  | 'case_hash_mismatch'
  | 'manifest_hash_mismatch'
  | 'manifest_not_audited'
  | 'bad_signature'
  | 'version_missing'
  | 'current_mismatch'
  | 'photo_missing'
  | 'photo_hash_mismatch';

export interface EvidenceProblem {
  reason: EvidenceBreakReason;
  message: string;
}

export interface EvidenceBreak extends EvidenceProblem {
  caseId: string;
  version: number;
}

/** One stored case version, as its columns hold it. */
export type StoredEvidence = Pick<
  CaseVersionRow,
  'body' | 'photos' | 'manifest' | 'manifest_hash' | 'body_hash' | 'signature'
>;

/** One check on a stored version: what it checks, whether it holds, and what fails when not. */
export interface EvidenceCheck extends EvidenceProblem {
  ok: boolean;
}

/**
 * Every check on one stored version, held or not: the body hash, the case
 * hash, the manifest hash and the signature.
 */
export async function evidenceChecks(
  stored: StoredEvidence,
  /** The signing device's public key (JWK JSON), or undefined when the device row is gone. */
  deviceKeyJwk: string | undefined,
): Promise<EvidenceCheck[]> {
  let record: CaseRecord, photos: unknown, manifest: CaseManifest;
  try {
    record = JSON.parse(stored.body) as CaseRecord;
    photos = JSON.parse(stored.photos);
    manifest = JSON.parse(stored.manifest) as CaseManifest;
  } catch {
    return [
      {
        ok: false,
        reason: 'body_hash_mismatch',
        message: 'the stored case, photos or manifest are not JSON',
      },
    ];
  }
  const bytes = manifestBytes(manifest);
  const signed =
    deviceKeyJwk !== undefined && verifyDeviceSignature(deviceKeyJwk, bytes, stored.signature);
  return [
    {
      ok: sha256Hex(canonicalJson({ case: record, photos, manifest })) === stored.body_hash,
      reason: 'body_hash_mismatch',
      message: 'the stored case, photos and manifest do not hash to the body hash stored with them',
    },
    {
      ok: sha256Hex(caseBytes(record)) === manifest.caseSha256,
      reason: 'case_hash_mismatch',
      message: 'the stored case is not the case the signed manifest names (caseSha256)',
    },
    {
      ok: sha256Hex(bytes) === stored.manifest_hash,
      reason: 'manifest_hash_mismatch',
      message: 'the stored manifest does not hash to its stored manifest hash',
    },
    {
      ok: signed,
      reason: 'bad_signature',
      message:
        deviceKeyJwk === undefined
          ? 'the signing device is not in the database'
          : 'the signature does not verify under the device’s key',
    },
  ];
}

/**
 * What no longer matches in one stored version: the hashes and the
 * signature. Empty when the version is what the device signed.
 */
export async function evidenceProblems(
  stored: StoredEvidence,
  deviceKeyJwk: string | undefined,
): Promise<EvidenceProblem[]> {
  return (await evidenceChecks(stored, deviceKeyJwk))
    .filter((c) => !c.ok)
    .map(({ reason, message }) => ({ reason, message }));
}

/** Each case row beside its current version's row (when stored) and the signing device's key. */
export const casesWithCurrentVersion = (db: Kysely<Database>) =>
  db
    .selectFrom('cases')
    .leftJoin('case_versions', (join) =>
      join
        .onRef('case_versions.case_id', '=', 'cases.id')
        .onRef('case_versions.version', '=', 'cases.manifest_version'),
    )
    .leftJoin('devices', 'devices.id', 'case_versions.device_id')
    .select([
      'cases.id',
      'cases.manifest_version',
      'cases.body',
      'cases.photos',
      'cases.manifest',
      'cases.manifest_hash',
      'cases.signature',
      'case_versions.body_hash',
      'case_versions.body as v_body',
      'case_versions.photos as v_photos',
      'case_versions.manifest as v_manifest',
      'case_versions.manifest_hash as v_manifest_hash',
      'case_versions.signature as v_signature',
      'devices.public_key_jwk',
    ]);

/** The problems of the case row a route is about to serve (its current version). */
export async function servedCaseProblems(
  db: Kysely<Database>,
  caseId: string,
): Promise<EvidenceProblem[]> {
  const row = await casesWithCurrentVersion(db).where('cases.id', '=', caseId).executeTakeFirst();
  if (!row || row.body_hash === null) {
    return [
      { reason: 'version_missing', message: 'the current version of the case is not stored' },
    ];
  }
  return evidenceProblems({ ...row, body_hash: row.body_hash }, row.public_key_jwk ?? undefined);
}

export interface EvidenceVerdict {
  versions: number;
  photos: number;
  breaks: EvidenceBreak[];
}

/** Re-checks every stored case version and the photos they name; lists every break. */
export async function verifyStoredEvidence(
  db: Kysely<Database>,
  blobs: BlobStore,
  pageSize = 200,
): Promise<EvidenceVerdict> {
  const received = await receivedEvents(db);
  const storedPhotos = await storedPhotoHashes(db);
  const keys = new Map(
    (await db.selectFrom('devices').select(['id', 'public_key_jwk']).execute()).map((d) => [
      d.id,
      d.public_key_jwk,
    ]),
  );
  const photoChecks = new Map<string, Promise<EvidenceProblem | undefined>>();
  const breaks: EvidenceBreak[] = [];
  const seen = new Set<string>();
  let versions = 0;
  for (let offset = 0; ; offset += pageSize) {
    const page = await db
      .selectFrom('case_versions')
      .selectAll()
      .orderBy('case_id')
      .orderBy('version')
      .limit(pageSize)
      .offset(offset)
      .execute();
    for (const row of page) {
      versions += 1;
      const key = `${row.case_id}|${row.version}`;
      seen.add(key);
      const found = (problem: EvidenceProblem) =>
        breaks.push({ caseId: row.case_id, version: row.version, ...problem });
      (await evidenceProblems(row, keys.get(row.device_id))).forEach(found);
      if (received.get(key) !== row.manifest_hash) {
        found({
          reason: 'manifest_not_audited',
          message: received.has(key)
            ? 'its case.received event names another manifest hash'
            : 'no case.received event records this version',
        });
      }
      for (const photo of manifestPhotos(row.manifest)) {
        let check = photoChecks.get(photo.sha256);
        if (!check) {
          check = checkPhoto(blobs, photo, storedPhotos.has(photo.sha256));
          photoChecks.set(photo.sha256, check);
        }
        const problem = await check;
        if (problem) found(problem);
      }
    }
    if (page.length < pageSize) break;
  }
  for (const key of received.keys()) {
    if (seen.has(key)) continue;
    const [caseId = '', version = '0'] = key.split('|');
    breaks.push({
      caseId,
      version: Number(version),
      reason: 'version_missing',
      message: 'a case.received event records this version, but it is not stored',
    });
  }
  breaks.push(...(await currentRowBreaks(db)));
  return { versions, photos: photoChecks.size, breaks };
}

/** `caseId|version` → the manifest hash its `case.received` event names. */
async function receivedEvents(db: Kysely<Database>): Promise<Map<string, string>> {
  const events = await db
    .selectFrom('audit_events')
    .select(['subject', 'details'])
    .where('action', '=', 'case.received')
    .execute();
  const out = new Map<string, string>();
  for (const e of events) {
    const details = parseObject(e.details);
    if (typeof details['version'] === 'number' && typeof details['manifestHash'] === 'string') {
      out.set(`${e.subject}|${details['version']}`, details['manifestHash']);
    }
  }
  return out;
}

/** Every photo hash the server recorded storing, in the photos table or the audit trail. */
async function storedPhotoHashes(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('photos').select('sha256').execute();
  const events = await db
    .selectFrom('audit_events')
    .select('subject')
    .where('action', '=', 'photo.stored')
    .execute();
  return new Set([...rows.map((r) => r.sha256), ...events.map((e) => e.subject)]);
}

/**
 * A photo the manifest names: absent is a break only when the server once
 * stored it; present, its bytes must hash to its name and (when given) have
 * the listed size.
 */
export async function checkPhoto(
  blobs: BlobStore,
  photo: { sha256: string; byteLength?: number },
  wasStored: boolean,
): Promise<EvidenceProblem | undefined> {
  if (!(await blobs.has(photo.sha256))) {
    return wasStored
      ? { reason: 'photo_missing', message: `photo ${photo.sha256} was stored and is gone` }
      : undefined;
  }
  if (photo.byteLength !== undefined) {
    const size = await blobs.size(photo.sha256);
    if (size !== photo.byteLength) {
      return {
        reason: 'photo_hash_mismatch',
        message: `the stored bytes of photo ${photo.sha256} are ${size} bytes; the manifest lists ${photo.byteLength}`,
      };
    }
  }
  return (await blobs.verify(photo.sha256))
    ? undefined
    : {
        reason: 'photo_hash_mismatch',
        message: `the stored bytes of photo ${photo.sha256} no longer hash to its name`,
      };
}

/** The current case row must be its latest stored version, column for column. */
async function currentRowBreaks(db: Kysely<Database>): Promise<EvidenceBreak[]> {
  const rows = await casesWithCurrentVersion(db).execute();
  const latest = new Map(
    (
      await db
        .selectFrom('case_versions')
        .select(['case_id', (eb) => eb.fn.max('version').as('version')])
        .groupBy('case_id')
        .execute()
    ).map((r) => [r.case_id, Number(r.version)]),
  );
  return rows.flatMap((r) => {
    const same =
      r.body === r.v_body &&
      r.photos === r.v_photos &&
      r.manifest === r.v_manifest &&
      r.manifest_hash === r.v_manifest_hash &&
      r.signature === r.v_signature &&
      latest.get(r.id) === r.manifest_version;
    return same
      ? []
      : [
          {
            caseId: r.id,
            version: r.manifest_version,
            reason: 'current_mismatch' as const,
            message: 'the case as served differs from its latest stored version',
          },
        ];
  });
}

function manifestPhotos(manifest: string): { sha256: string }[] {
  const photos = parseObject(manifest)['photos'];
  return Array.isArray(photos)
    ? photos.filter(
        (p): p is { sha256: string } =>
          typeof p === 'object' &&
          p !== null &&
          typeof (p as { sha256?: unknown }).sha256 === 'string',
      )
    : [];
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
