/**
 * What an insurer records on its packet in the portal: the call-back
 * (acknowledge), the assessment (an amount per insured vehicle, the assessor)
 * and the payout (amount, day, reference). Each runs in one transaction with
 * its `requestId` claim (a retry answers the first's result), its claim step,
 * its feed entry (so the officer and the reviewer see it) and its audit
 * event. Only the insurer's current packet of a case can move; a packet a
 * later one replaced answers `409 withdrawn`.
 *
 * The assessment and payout are the claim steps of server/cases/claims.ts
 * (`applyClaimAction`: the case follows its claims), with the portal's
 * details kept beside them. Recording an assessment acknowledges a packet not
 * yet acknowledged, at the same instant. An assessment's photos are uploads
 * this insurer finished for this packet (assessment-photos.ts).
 */
import type { Kysely } from 'kysely';
import type { Claim } from '../../src/contracts/claims';
import type {
  AcknowledgeRequest,
  AssessmentRequest,
  PayoutRequest,
} from '../../src/contracts/packets';
import type { CaseState } from '../../src/domain/case/case-state';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../auth/policy';
import type { Session } from '../auth/sessions';
import type { ClaimRow, Database } from '../db/schema';
import { HttpError } from '../errors';
import { applyClaimAction, claimOf, insertChange } from '../cases/claims';
import { claimRequest, storeResponse } from '../cases/review-requests';
import { assessmentPhotos } from './assessment-photos';
import { packetStatus } from './portal';
import { secondsBetween } from '../dashboard/five-fast-columns';

type Db = Kysely<Database>;

export type PacketAction =
  | { kind: 'acknowledge'; body: AcknowledgeRequest }
  | { kind: 'assessment'; body: AssessmentRequest }
  | { kind: 'payout'; body: PayoutRequest };

/** The insurer's own packet, or 404 (another insurer's is as one that does not exist). */
export async function ownPacket(db: Db, session: Session, packetId: string): Promise<ClaimRow> {
  const row = await db
    .selectFrom('claims')
    .selectAll()
    .where('id', '=', packetId)
    .where('insurer_id', '=', session.insurerId ?? '')
    .executeTakeFirst();
  if (!row) throw notFound('packet');
  return row;
}

const readClaim = (trx: Db, id: string) =>
  trx.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function refuseWithdrawn(claim: ClaimRow): void {
  if (claim.superseded_at === null) return;
  throw new HttpError(
    409,
    'withdrawn',
    `A later packet replaced this one at ${claim.superseded_at}: act on the newer packet.`,
    undefined,
    { status: 'withdrawn' },
  );
}

async function insuredVehicles(trx: Db, claim: ClaimRow): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('case_vehicles_insurers')
    .select('vehicle_id')
    .where('case_id', '=', claim.case_id)
    .where('insurer_id', '=', claim.insurer_id)
    .execute();
  return new Set(rows.map((r) => r.vehicle_id));
}

async function acknowledge(
  trx: Db,
  session: Session,
  claim: ClaimRow,
  body: AcknowledgeRequest,
  at: Date,
): Promise<void> {
  if (packetStatus(claim) !== 'new') {
    throw new HttpError(
      409,
      'invalid_transition',
      `This packet is ${packetStatus(claim)} already (acknowledged at ${claim.acknowledged_at ?? claim.updated_at}).`,
      undefined,
      { status: packetStatus(claim) },
    );
  }
  const now = at.toISOString();
  await trx
    .updateTable('claims')
    .set({
      acknowledged_at: now,
      acknowledged_by: session.userId,
      updated_at: now,
      ff_callback_s: secondsBetween(claim.delivered_at, now),
    })
    .where('id', '=', claim.id)
    .execute();
  const { state, manifest_version } = await trx
    .selectFrom('cases')
    .select(['state', 'manifest_version'])
    .where('id', '=', claim.case_id)
    .executeTakeFirstOrThrow();
  const note = body.note ?? null;
  await insertChange(trx, {
    caseId: claim.case_id,
    kind: 'acknowledged',
    state: state as CaseState,
    session,
    note,
    at: now,
    claim: { insurerId: claim.insurer_id, state: 'delivered' },
    manifestVersion: manifest_version,
  });
  await appendAudit(trx, at, {
    actor: session.userId,
    action: 'claim.acknowledged',
    subject: claim.case_id,
    details: { claimId: claim.id, insurerId: claim.insurer_id, note },
  });
}

async function assess(
  trx: Db,
  session: Session,
  claim: ClaimRow,
  body: AssessmentRequest,
  at: Date,
): Promise<void> {
  const insured = await insuredVehicles(trx, claim);
  const unknown = body.vehicles.find((v) => !insured.has(v.vehicleId));
  if (unknown) {
    throw new HttpError(
      422,
      'unknown_vehicle',
      `Vehicle ${unknown.vehicleId} is not one this insurer covers in the packet.`,
      [{ path: 'vehicles', message: 'must be vehicles this insurer covers' }],
    );
  }
  const photos = await assessmentPhotos(trx, claim.id, body.photos ?? []);
  const totalYuan = body.vehicles.reduce((sum, v) => sum + Math.round(v.amountYuan * 100), 0) / 100;
  if (claim.acknowledged_at === null) await acknowledge(trx, session, claim, {}, at);
  const note = body.note;
  await applyClaimAction(
    trx,
    session,
    claim.case_id,
    'assess',
    { action: 'assess', amountYuan: totalYuan, ...(note !== undefined && { note }) },
    at,
    photos.map((p) => p.sha256),
  );
  const details = { vehicles: body.vehicles, assessor: body.assessor };
  await trx
    .updateTable('claims')
    .set({ assessment: JSON.stringify(photos.length > 0 ? { ...details, photos } : details) })
    .where('id', '=', claim.id)
    .execute();
}

async function pay(trx: Db, session: Session, claim: ClaimRow, body: PayoutRequest, at: Date) {
  const note = body.note;
  await applyClaimAction(
    trx,
    session,
    claim.case_id,
    'pay',
    { action: 'pay', amountYuan: body.amountYuan, ...(note !== undefined && { note }) },
    at,
  );
  await trx
    .updateTable('claims')
    .set({ payout: JSON.stringify({ paidOn: body.paidOn, reference: body.reference }) })
    .where('id', '=', claim.id)
    .execute();
}

/** Applies an action to the insurer's own packet; answers the claim as it now is. */
export async function applyPacketAction(
  db: Db,
  session: Session,
  packetId: string,
  action: PacketAction,
  at: Date,
): Promise<Claim> {
  await ownPacket(db, session, packetId);
  return db.transaction().execute(async (trx) => {
    const keyed = { kind: `packet.${action.kind}`, packetId, ...action.body };
    const claim = await readClaim(trx, packetId);
    const replay = await claimRequest<Claim>(trx, session, claim.case_id, keyed, at.toISOString());
    if (replay) return replay;
    refuseWithdrawn(claim);
    if (action.kind === 'acknowledge') await acknowledge(trx, session, claim, action.body, at);
    if (action.kind === 'assessment') await assess(trx, session, claim, action.body, at);
    if (action.kind === 'payout') await pay(trx, session, claim, action.body, at);
    const answer = claimOf(await readClaim(trx, packetId));
    await storeResponse(trx, keyed, answer);
    return answer;
  });
}
