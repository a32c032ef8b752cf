/**
 * `GET /api/cases/:id/verification`: the server re-checks one case's stored
 * evidence now, check by check, with evidence.ts's checks:
 *  - per version: the device `signature` over the manifest; the `chain`
 *    (version 1 names no previous manifest, version n names version n−1's
 *    stored hash); the `case-hash` (the manifest's `caseSha256` is the hash of
 *    the stored case); the `manifest` (it hashes to its stored hash, the
 *    stored case, photos and manifest to their body hash, and — for the
 *    current version — the case as served is that version);
 *  - per photo any version lists: its stored bytes hash to its name and have
 *    the listed size. A photo the phone has not uploaded yet fails too: the
 *    verdict says "verified" only when every piece the officer signed for is
 *    here and intact.
 * The current version is checked as served (the `cases` row), older ones as
 * `case_versions` holds them.
 */
import type { Kysely } from 'kysely';
import type { CaseVerification, VerificationCheck } from '../../src/contracts/review';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import type { BlobStore } from '../blobs/blob-store';
import type { CaseVersionRow, Database } from '../db/schema';
import { capitalise } from '../english';
import { checkPhoto, evidenceChecks, type EvidenceBreakReason } from './evidence';

type Db = Kysely<Database>;

const KIND: Readonly<Partial<Record<EvidenceBreakReason, VerificationCheck['kind']>>> = {
  bad_signature: 'signature',
  case_hash_mismatch: 'case-hash',
  manifest_hash_mismatch: 'manifest',
  body_hash_mismatch: 'manifest',
};

const ORDER: readonly VerificationCheck['kind'][] = ['signature', 'chain', 'case-hash', 'manifest'];

/** The checks of one version, one per kind, each naming every failure it found. */
function versionChecks(
  version: number,
  failures: Partial<Record<VerificationCheck['kind'], string[]>>,
): VerificationCheck[] {
  return ORDER.map((kind) => {
    const problems = failures[kind] ?? [];
    return problems.length === 0
      ? { kind, version, ok: true }
      : { kind, version, ok: false, problem: `Version ${version}: ${problems.join('; ')}.` };
  });
}

type Served = Pick<
  CaseVersionRow,
  'body' | 'photos' | 'manifest' | 'manifest_hash' | 'signature'
> & { manifest_version: number };

async function checkVersion(
  db: Db,
  row: CaseVersionRow,
  previousHash: string | null | undefined,
  served: Served | undefined,
): Promise<VerificationCheck[]> {
  const device = await db
    .selectFrom('devices')
    .select('public_key_jwk')
    .where('id', '=', row.device_id)
    .executeTakeFirst();
  // The current version is checked as it is served; older ones as stored.
  const stored = served ? { ...served, body_hash: row.body_hash } : row;
  const failures: Partial<Record<VerificationCheck['kind'], string[]>> = {};
  const fail = (kind: VerificationCheck['kind'], message: string) =>
    (failures[kind] ??= []).push(message);
  for (const check of await evidenceChecks(stored, device?.public_key_jwk)) {
    if (!check.ok) fail(KIND[check.reason] ?? 'manifest', check.message);
  }
  if (served && (served.body !== row.body || served.manifest !== row.manifest)) {
    fail('manifest', 'the case as served differs from this stored version');
  }
  const named = parseManifest(row.manifest)?.previousManifestHash;
  if (row.version === 1 ? named !== null : previousHash === undefined) {
    fail(
      'chain',
      row.version === 1
        ? 'the first version names a previous manifest'
        : `version ${row.version - 1} is not stored, so the chain cannot be checked`,
    );
  } else if (row.version > 1 && named !== previousHash) {
    fail('chain', `previousManifestHash is not the stored hash of version ${row.version - 1}`);
  }
  return versionChecks(row.version, failures);
}

/** Every photo the versions list, once each, with the size the manifest gives. */
function listedPhotos(rows: readonly CaseVersionRow[]): Map<string, number> {
  const photos = new Map<string, number>();
  for (const row of rows) {
    for (const p of parseManifest(row.manifest)?.photos ?? []) photos.set(p.sha256, p.byteLength);
  }
  return photos;
}

async function checkPhotos(
  db: Db,
  blobs: BlobStore,
  caseId: string,
  photos: Map<string, number>,
): Promise<VerificationCheck[]> {
  const hashes = [...photos.keys()];
  if (hashes.length === 0) return [];
  const stored = new Set(
    (
      await db
        .selectFrom('photos')
        .select('sha256')
        .where('case_id', '=', caseId)
        .where('sha256', 'in', hashes)
        .execute()
    ).map((r) => r.sha256),
  );
  const checks: VerificationCheck[] = [];
  for (const [sha256, byteLength] of photos) {
    const problem = await checkPhoto(blobs, { sha256, byteLength }, true);
    checks.push(
      problem
        ? {
            kind: 'photo',
            sha256,
            ok: false,
            problem: stored.has(sha256)
              ? `${capitalise(problem.message)}.`
              : `Photo ${sha256} has not been received yet: the phone has not uploaded it.`,
          }
        : { kind: 'photo', sha256, ok: true },
    );
  }
  return checks;
}

/** Re-checks a case the caller has already found in scope. */
export async function verifyCase(
  db: Db,
  blobs: BlobStore,
  caseId: string,
  at: Date,
): Promise<CaseVerification> {
  const current = await db
    .selectFrom('cases')
    .select(['body', 'photos', 'manifest', 'manifest_hash', 'signature', 'manifest_version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('case_versions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('version')
    .execute();
  const hashes = new Map(rows.map((r) => [r.version, r.manifest_hash]));
  const checks: VerificationCheck[] = [];
  for (const row of rows) {
    const served = row.version === current.manifest_version ? current : undefined;
    checks.push(...(await checkVersion(db, row, hashes.get(row.version - 1), served)));
  }
  if (!hashes.has(current.manifest_version)) {
    checks.push({
      kind: 'manifest',
      version: current.manifest_version,
      ok: false,
      problem: `Version ${current.manifest_version}: the current version of the case is not stored.`,
    });
  }
  checks.push(...(await checkPhotos(db, blobs, caseId, listedPhotos(rows))));
  return {
    caseId,
    verdict: checks.every((c) => c.ok) ? 'verified' : 'failed',
    checkedAt: at.toISOString(),
    checks,
  };
}

function parseManifest(json: string): CaseManifest | undefined {
  try {
    return JSON.parse(json) as CaseManifest;
  } catch {
    return undefined;
  }
}
