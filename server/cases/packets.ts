/**
 * An insurer's packet as it reads it: its latest claim on a case and the
 * allow-listed view (insurer-view.ts) of the case version that claim was
 * built from — never the officer's newer version before a reviewer approves
 * it. The summary carries the claim's state and the packet's version.
 */
import type { CaseSummary, InsurerCaseDetail } from '../../src/contracts/cases';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { PhotoMeta } from '../../src/domain/case/photo.schema';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import type { CaseRow, ClaimRow } from '../db/schema';
import { claimOf, latestClaim } from './claims';
import { caseToInsurerView } from './insurer-view';
import { heldAndMissing } from './receipts';
import type { PhotoHoldings } from './receipts';

export interface PacketVersion {
  body: string;
  photos: string;
  manifest: string;
  received_at: string;
}

/** The case version a claim's packet was built from. */
export async function packetVersion(
  holdings: Pick<PhotoHoldings, 'db'>,
  claim: ClaimRow,
): Promise<PacketVersion> {
  return holdings.db
    .selectFrom('case_versions')
    .select(['body', 'photos', 'manifest', 'received_at'])
    .where('case_id', '=', claim.case_id)
    .where('version', '=', claim.manifest_version)
    .executeTakeFirstOrThrow();
}

async function summaryOfPacket(
  holdings: PhotoHoldings,
  row: CaseRow,
  claim: ClaimRow,
  version: { manifest: string; received_at: string },
): Promise<CaseSummary> {
  const manifest = JSON.parse(version.manifest) as CaseManifest;
  const { missing } = await heldAndMissing(holdings, row.unit_id, manifest);
  return {
    id: row.id,
    caseNumber: row.case_number,
    unitId: row.unit_id,
    officerId: row.officer_id,
    state: claim.state as CaseSummary['state'],
    manifestVersion: claim.manifest_version,
    receivedAt: version.received_at,
    updatedAt: claim.updated_at,
    complete: missing.length === 0,
  };
}

/** The insurer's latest claim on a case in its scope (a scoped case always has one). */
async function claimFor(holdings: PhotoHoldings, row: CaseRow, insurerId: string) {
  const claim = await latestClaim(holdings.db, row.id, insurerId);
  if (!claim) throw new Error(`case ${row.id} in insurer ${insurerId}'s scope has no claim`);
  return claim;
}

export async function insurerSummary(
  holdings: PhotoHoldings,
  row: CaseRow,
  insurerId: string,
): Promise<CaseSummary> {
  const claim = await claimFor(holdings, row, insurerId);
  return summaryOfPacket(holdings, row, claim, await packetVersion(holdings, claim));
}

/** The allow-listed view (insurer-view.ts) of a claim's case version. */
export async function viewOf(
  holdings: Pick<PhotoHoldings, 'db'>,
  claim: ClaimRow,
  version: PacketVersion,
) {
  const insurer = await holdings.db
    .selectFrom('insurers')
    .select(['id', 'name', 'code'])
    .where('id', '=', claim.insurer_id)
    .executeTakeFirstOrThrow();
  return caseToInsurerView(
    JSON.parse(version.body) as CaseRecord,
    JSON.parse(version.photos) as PhotoMeta[],
    insurer,
  );
}

/** The photos the insurer's packet of a case lists (the only ones it may download). */
export async function packetPhotos(
  holdings: PhotoHoldings,
  row: CaseRow,
  insurerId: string,
): Promise<string[]> {
  const claim = await claimFor(holdings, row, insurerId);
  const view = await viewOf(holdings, claim, await packetVersion(holdings, claim));
  return view.photos.map((p) => p.sha256);
}

export async function insurerCaseDetail(
  holdings: PhotoHoldings,
  row: CaseRow,
  insurerId: string,
): Promise<InsurerCaseDetail> {
  const claim = await claimFor(holdings, row, insurerId);
  const version = await packetVersion(holdings, claim);
  return {
    summary: await summaryOfPacket(holdings, row, claim, version),
    claim: claimOf(claim),
    case: await viewOf(holdings, claim, version),
    redacted: true,
  };
}
