/**
 * One insurer's claim packet (src/contracts/packets.ts), built from its claim:
 * the allow-listed view of the case version the claim covers
 * (server/cases/insurer-view.ts), the chain of manifest hashes up to that
 * version, every photo and the determination PDF with a signed link bound to
 * this packet (the PDF is made when first fetched: determination-pdf.ts), the
 * claim's progress and the call-back due time (the brigade's target after
 * delivery).
 */
import type { Kysely } from 'kysely';
import { DETERMINATION_PDF, PACKET_VERSION, type ClaimPacket } from '../../src/contracts/packets';
import type { ClaimRow, Database } from '../db/schema';
import { claimOf } from '../cases/claims';
import { packetVersion, viewOf } from '../cases/packets';
import type { PhotoHoldings } from '../cases/receipts';
import { linkKey, signLink } from './links';

type Db = Kysely<Database>;

/** The brigade's call-back target for a case, in minutes. */
export async function callbackMinutes(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('brigades', 'brigades.id', 'units.brigade_id')
    .select('brigades.callback_minutes')
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.callback_minutes;
}

export const dueAt = (deliveredAt: string, minutes: number): string =>
  new Date(Date.parse(deliveredAt) + minutes * 60_000).toISOString();

async function chainOf(db: Db, claim: ClaimRow): Promise<ClaimPacket['manifest']['chain']> {
  const rows = await db
    .selectFrom('case_versions')
    .select(['version', 'manifest_hash', 'received_at'])
    .where('case_id', '=', claim.case_id)
    .where('version', '<=', claim.manifest_version)
    .orderBy('version')
    .execute();
  return rows.map((r, i) => ({
    version: r.version,
    manifestHash: r.manifest_hash,
    ...(i > 0 && { previousHash: rows[i - 1]!.manifest_hash }),
    receivedAt: r.received_at,
  }));
}

/** The insurer's packet of the same case that this one replaced, if any. */
async function supersededBy(db: Db, claim: ClaimRow): Promise<string | undefined> {
  const row = await db
    .selectFrom('claims')
    .select('id')
    .where('case_id', '=', claim.case_id)
    .where('insurer_id', '=', claim.insurer_id)
    .where('manifest_version', '<', claim.manifest_version)
    .orderBy('manifest_version', 'desc')
    .executeTakeFirst();
  return row?.id;
}

export interface BuildOptions {
  now: Date;
  /** Prefix of the links (the server's public address); default: paths only. */
  baseUrl?: string;
}

/** The packet of `claim`, its links signed from `now`. */
export async function buildPacket(
  holdings: Pick<PhotoHoldings, 'db'>,
  claim: ClaimRow,
  { now, baseUrl = '' }: BuildOptions,
): Promise<ClaimPacket> {
  const { db } = holdings;
  const version = await packetVersion(holdings, claim);
  const view = await viewOf(holdings, claim, version);
  const insurer = await db
    .selectFrom('insurers')
    .select(['id', 'name', 'code'])
    .where('id', '=', claim.insurer_id)
    .executeTakeFirstOrThrow();
  const key = await linkKey(db);
  const supersedes = await supersededBy(db, claim);
  return {
    packetVersion: PACKET_VERSION,
    id: claim.id,
    issuedAt: now.toISOString(),
    insurer,
    ...(supersedes !== undefined && { supersedes }),
    case: view,
    manifest: {
      version: claim.manifest_version,
      hash: claim.manifest_hash,
      chain: await chainOf(db, claim),
    },
    photos: view.photos.map((p) => ({
      ...p,
      download: signLink(
        key,
        claim.id,
        p.sha256,
        `${baseUrl}/api/packets/${claim.id}/photos/${p.sha256}`,
        now,
      ),
    })),
    determinationPdf: {
      mediaType: 'application/pdf',
      download: signLink(
        key,
        claim.id,
        DETERMINATION_PDF,
        `${baseUrl}/api/packets/${claim.id}/${DETERMINATION_PDF}`,
        now,
      ),
    },
    claim: claimOf(claim),
    callbackDueAt: dueAt(claim.delivered_at, await callbackMinutes(db, claim.case_id)),
  };
}
