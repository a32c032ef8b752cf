/**
 * The insurer's portal list: its packets newest first, each with where it
 * stands (new, acknowledged, assessed, paid; withdrawn once a later packet
 * replaced it), the call-back clock, and what identifies the case at a
 * glance (number, insured plates, place). Counts per status and of overdue
 * packets are over all of the insurer's packets; the list shows at most
 * {@link LIST_LIMIT}.
 */
import type { Kysely } from 'kysely';
import type {
  PacketList,
  PacketListQuery,
  PacketStatus,
  PacketSummary,
} from '../../src/contracts/packets';
import type { ClaimRow, Database } from '../db/schema';
import { claimsWithBrigade } from '../cases/claims';
import { packetVersion, viewOf } from '../cases/packets';
import type { PhotoHoldings } from '../cases/receipts';
import { dueAt } from './build';

type Db = Kysely<Database>;

export const LIST_LIMIT = 200;

type StatusFields = Pick<ClaimRow, 'state' | 'superseded_at' | 'acknowledged_at'>;

export function packetStatus(claim: StatusFields): PacketStatus {
  if (claim.superseded_at !== null) return 'withdrawn';
  if (claim.state === 'paid' || claim.state === 'assessed') return claim.state;
  return claim.acknowledged_at !== null ? 'acknowledged' : 'new';
}

/** Not acknowledged, not withdrawn, and past the call-back target. */
export const isOverdue = (claim: StatusFields, due: string, now: Date): boolean =>
  packetStatus(claim) === 'new' && Date.parse(due) < now.getTime();

async function claimsWithTargets(db: Db, insurerId: string) {
  return claimsWithBrigade(db)
    .selectAll('claims')
    .select(['cases.case_number', 'brigades.callback_minutes'])
    .where('claims.insurer_id', '=', insurerId)
    .orderBy('claims.delivered_at', 'desc')
    .orderBy('claims.id')
    .execute();
}

type Listed = Awaited<ReturnType<typeof claimsWithTargets>>[number];

async function summaryOf(holdings: PhotoHoldings, row: Listed, now: Date): Promise<PacketSummary> {
  const view = await viewOf(holdings, row, await packetVersion(holdings, row));
  const due = dueAt(row.delivered_at, row.callback_minutes);
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    status: packetStatus(row),
    manifestVersion: row.manifest_version,
    deliveredAt: row.delivered_at,
    ...(row.acknowledged_at !== null && { acknowledgedAt: row.acknowledged_at }),
    callbackDueAt: due,
    overdue: isOverdue(row, due, now),
    insuredPlates: view.vehicles.filter((v) => v.insured).map((v) => v.plate),
    address: view.location.address,
    ...(view.occurredAt !== undefined && { occurredAt: view.occurredAt }),
  };
}

export async function listPackets(
  holdings: PhotoHoldings,
  insurerId: string,
  query: PacketListQuery,
  now: Date,
): Promise<PacketList> {
  const rows = await claimsWithTargets(holdings.db, insurerId);
  const counts: Record<PacketStatus, number> = {
    new: 0,
    acknowledged: 0,
    assessed: 0,
    paid: 0,
    withdrawn: 0,
  };
  let overdue = 0;
  const chosen: Listed[] = [];
  for (const row of rows) {
    const status = packetStatus(row);
    const late = isOverdue(row, dueAt(row.delivered_at, row.callback_minutes), now);
    counts[status] += 1;
    if (late) overdue += 1;
    if (query.status !== undefined && query.status !== status) continue;
    if (query.overdue === '1' && !late) continue;
    if (chosen.length < LIST_LIMIT) chosen.push(row);
  }
  const packets = [];
  for (const row of chosen) packets.push(await summaryOf(holdings, row, now));
  const callbackMinutes = rows[0]?.callback_minutes ?? (await defaultMinutes(holdings.db));
  return { packets, counts, overdue, callbackMinutes };
}

async function defaultMinutes(db: Db): Promise<number> {
  const row = await db.selectFrom('brigades').select('callback_minutes').executeTakeFirst();
  return row?.callback_minutes ?? 10;
}
