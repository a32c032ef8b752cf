/**
 * The webhook events of a case's packets, queued in the transaction of the
 * change that caused them (server/webhooks/outbox.ts):
 *  - `packet.created`: a reviewer approved the case — the insurer's first
 *    packet of it, whole;
 *  - `packet.updated`: a later packet replaces an earlier one of the same
 *    insurer (the case was amended, or a new version approved) — whole, with
 *    `supersedes`;
 *  - `case.returned`: the case went back to the police (returned, amended
 *    or reopened) while the insurer held a current packet of it.
 * Links in a packet are paths on the server's own address.
 */
import type { Kysely } from 'kysely';
import type { CaseReturnedEvent, PacketEvent } from '../../src/contracts/webhooks';
import type { ClaimRow, Database } from '../db/schema';
import { enqueueEvent } from '../webhooks/outbox';
import { buildPacket } from './build';

type Db = Kysely<Database>;

/** Queues `packet.created` or `packet.updated` for a claim just delivered. */
export async function queuePacketEvent(trx: Db, claim: ClaimRow, at: Date): Promise<void> {
  const data = await buildPacket({ db: trx }, claim, { now: at });
  const body: PacketEvent = {
    type: data.supersedes === undefined ? 'packet.created' : 'packet.updated',
    timestamp: at.toISOString(),
    data,
  };
  await enqueueEvent(trx, {
    insurerId: claim.insurer_id,
    type: body.type,
    caseId: claim.case_id,
    claimId: claim.id,
    body,
    at,
  });
}

/** Queues `case.returned` for every insurer holding a current packet of the case. */
export async function queueCaseReturned(
  trx: Db,
  caseId: string,
  reason: string | null,
  at: Date,
): Promise<void> {
  const current = await trx
    .selectFrom('claims')
    .innerJoin('cases', 'cases.id', 'claims.case_id')
    .select(['claims.id', 'claims.insurer_id', 'claims.manifest_version', 'cases.case_number'])
    .where('claims.case_id', '=', caseId)
    .where('claims.superseded_at', 'is', null)
    .execute();
  for (const claim of current) {
    const body: CaseReturnedEvent = {
      type: 'case.returned',
      timestamp: at.toISOString(),
      data: {
        packetId: claim.id,
        caseId,
        caseNumber: claim.case_number,
        manifestVersion: claim.manifest_version,
        ...(reason !== null && { reason }),
      },
    };
    await enqueueEvent(trx, {
      insurerId: claim.insurer_id,
      type: 'case.returned',
      caseId,
      claimId: claim.id,
      body,
      at,
    });
  }
}
