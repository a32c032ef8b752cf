/**
 * Claims: one per insurer and reviewed case version (its packet). An insurer
 * reads a case only through its claims and acts only on its current claim;
 * no insurer ever sees another's state, amounts or notes.
 *
 * | step    | who      | claim                                                                |
 * | ------- | -------- | -------------------------------------------------------------------- |
 * | review  | reviewer | a `delivered` claim per insurer covering a vehicle of the approved   |
 * |         |          | version; that insurer's earlier claim is superseded (kept as history) |
 * | assess  | insurer  | delivered → assessed (once per packet)                               |
 * | pay     | insurer  | assessed → paid (once per packet)                                    |
 * | reopen  | reviewer | a paid claim is marked reopened; the case goes back to the officer   |
 *
 * An insurer that no longer covers a vehicle of an approved version keeps
 * reading its last packet but can no longer act on it.
 *
 * A paid, current, not reopened claim holds the case: the officer's next
 * version is refused (`reopen_required`) until a reviewer reopens it, so what
 * an insurer paid for never changes silently.
 *
 * The case's state follows its current claims while with the insurers: `assessed`
 * once every insurer assessed, `paid` once all paid (the phone's five-fast times).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseActionRequest, CaseActionResponse } from '../../src/contracts/cases';
import type { ChangeKind } from '../../src/contracts/changes';
import type { Claim, ClaimState, ClaimStep } from '../../src/contracts/claims';
import type { MissingItem } from '../../src/contracts/review';
import type { CaseState } from '../../src/domain/case/case-state';
import type { SquadDetermination } from '../../src/domain/review/squad-amendment';
import { appendAudit } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { ClaimRow, Database } from '../db/schema';
import { HttpError } from '../errors';
import { queuePacketEvent } from '../packets/events';
import { setCaseState } from './review-columns';
import { claimFiveFast } from '../dashboard/five-fast-columns';

type Db = Kysely<Database>;

export type ClaimAction = 'assess' | 'pay';

const CLAIM_STEPS: Readonly<Record<ClaimAction, { from: ClaimState; to: ClaimState }>> = {
  assess: { from: 'delivered', to: 'assessed' },
  pay: { from: 'assessed', to: 'paid' },
};

/** Case states in which the case rests with the insurers and follows their claims. */
const WITH_INSURERS: readonly string[] = ['reviewed', 'assessed', 'paid'];

const toFen = (yuan: number) => Math.round(yuan * 100);

function step(at: string, fen: number | null, note: string | null) {
  return {
    at,
    ...(fen !== null && { amountYuan: fen / 100 }),
    ...(note !== null && { note }),
  };
}

/** The portal's details of a step (claims.assessment / claims.payout JSON), when recorded there. */
const details = (json: string | null): Partial<ClaimStep> =>
  json === null ? {} : (JSON.parse(json) as Partial<ClaimStep>);

export function claimOf(row: ClaimRow): Claim {
  return {
    id: row.id,
    caseId: row.case_id,
    insurerId: row.insurer_id,
    state: row.state as ClaimState,
    packet: { manifestVersion: row.manifest_version, manifestHash: row.manifest_hash },
    deliveredAt: row.delivered_at,
    ...(row.acknowledged_at !== null && { acknowledgedAt: row.acknowledged_at }),
    ...(row.assessed_at !== null && {
      assessment: {
        ...step(row.assessed_at, row.assessed_fen, row.assessment_note),
        ...details(row.assessment),
      },
    }),
    ...(row.paid_at !== null && {
      payout: { ...step(row.paid_at, row.paid_fen, row.payout_note), ...details(row.payout) },
    }),
    ...(row.superseded_at !== null && { supersededAt: row.superseded_at }),
    ...(row.reopened_at !== null && { reopenedAt: row.reopened_at }),
  };
}

export interface ChangeInput {
  caseId: string;
  kind: ChangeKind;
  state: CaseState;
  session: Session;
  note: string | null;
  at: string;
  /** For a step of one insurer's claim: whose, and the claim's state after it. */
  claim?: { insurerId: string; state: ClaimState };
  /** A return: what the officer is to add. */
  missing?: readonly MissingItem[];
  /** The case's manifest version the change is made on. */
  manifestVersion?: number;
  /** An amendment: the accident squad's determination. */
  amendment?: SquadDetermination;
  /** An assessment: the hashes of its photos. */
  photos?: readonly string[];
}

/** Writes one entry of the changes feed; answers its cursor. */
export async function insertChange(trx: Db, change: ChangeInput): Promise<string> {
  const row = await trx
    .insertInto('changes')
    .values({
      case_id: change.caseId,
      kind: change.kind,
      state: change.state,
      actor_id: change.session.userId,
      actor_role: change.session.role,
      note: change.note,
      at: change.at,
      insurer_id: change.claim?.insurerId ?? null,
      claim_state: change.claim?.state ?? null,
      missing: change.missing === undefined ? null : JSON.stringify(change.missing),
      manifest_version: change.manifestVersion ?? null,
      amendment: change.amendment === undefined ? null : JSON.stringify(change.amendment),
      photos: change.photos?.length ? JSON.stringify(change.photos) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Claims with their case and the case's brigade (its call-back target). */
export const claimsWithBrigade = (db: Db) =>
  db
    .selectFrom('claims')
    .innerJoin('cases', 'cases.id', 'claims.case_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('brigades', 'brigades.id', 'units.brigade_id');

/** Every claim on a case, oldest packet first (officers and reviewers). */
export async function claimsOfCase(db: Db, caseId: string): Promise<Claim[]> {
  const rows = await claimsWithBrigade(db)
    .innerJoin('insurers', 'insurers.id', 'claims.insurer_id')
    .selectAll('claims')
    .select(['insurers.name as insurer_name', 'brigades.callback_minutes'])
    .where('claims.case_id', '=', caseId)
    .orderBy('claims.manifest_version')
    .orderBy('claims.insurer_id')
    .execute();
  return rows.map((r) => ({
    ...claimOf(r),
    insurerName: r.insurer_name,
    callbackDueAt: new Date(Date.parse(r.delivered_at) + r.callback_minutes * 60_000).toISOString(),
  }));
}

/** The insurer's latest claim on a case (its packet to read), if it has any. */
export async function latestClaim(
  db: Db,
  caseId: string,
  insurerId: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('insurer_id', '=', insurerId)
    .orderBy('manifest_version', 'desc')
    .executeTakeFirst();
}

const currentClaims = (db: Db, caseId: string) =>
  db
    .selectFrom('claims')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('superseded_at', 'is', null);

/** True while a current claim is paid and no reviewer reopened the case since. */
export async function isHeldByPayment(db: Db, caseId: string): Promise<boolean> {
  const paid = await currentClaims(db, caseId)
    .where('state', '=', 'paid')
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  return paid !== undefined;
}

/**
 * The case's current version is determined — the reviewer approved it, or
 * (a brigade sending packets on signature, packets/on-signed.ts) it arrived
 * signed: a delivered claim for every insurer covering one of its vehicles,
 * each with its webhook event; earlier packets are superseded.
 */
export async function deliverPackets(
  trx: Db,
  session: Session,
  caseId: string,
  at: Date,
): Promise<void> {
  const now = at.toISOString();
  const version = await trx
    .selectFrom('cases')
    .select(['manifest_version', 'manifest_hash', 'state'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const insurers = await trx
    .selectFrom('case_vehicles_insurers')
    .select('insurer_id')
    .distinct()
    .where('case_id', '=', caseId)
    .orderBy('insurer_id')
    .execute();
  await trx
    .updateTable('claims')
    .set({ superseded_at: now, updated_at: now })
    .where('case_id', '=', caseId)
    .where('superseded_at', 'is', null)
    .where('manifest_version', '!=', version.manifest_version)
    .execute();
  for (const { insurer_id } of insurers) {
    const id = randomUUID();
    const inserted = await trx
      .insertInto('claims')
      .values({
        id,
        case_id: caseId,
        insurer_id,
        manifest_version: version.manifest_version,
        manifest_hash: version.manifest_hash,
        state: 'delivered',
        delivered_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['case_id', 'insurer_id', 'manifest_version']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    const claim = await trx
      .selectFrom('claims')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await queuePacketEvent(trx, claim, at);
    // `reviewed` names the delivery; the case keeps its own state (a brigade
    // that sends packets on signature delivers before any review).
    await insertChange(trx, {
      caseId,
      kind: 'reviewed',
      state: version.state as CaseState,
      session,
      note: null,
      at: now,
      claim: { insurerId: insurer_id, state: 'delivered' },
      manifestVersion: version.manifest_version,
    });
    await appendAudit(trx, at, {
      actor: session.userId,
      action: 'claim.delivered',
      subject: caseId,
      details: {
        claimId: id,
        insurerId: insurer_id,
        version: version.manifest_version,
        manifestHash: version.manifest_hash,
      },
    });
  }
}

/** Marks the paid claims reopened and tells each of those insurers; answers their ids. */
export async function reopenPaidClaims(
  trx: Db,
  session: Session,
  caseId: string,
  at: Date,
): Promise<string[]> {
  const now = at.toISOString();
  const paid = await currentClaims(trx, caseId)
    .where('state', '=', 'paid')
    .where('reopened_at', 'is', null)
    .execute();
  for (const claim of paid) {
    await trx
      .updateTable('claims')
      .set({ reopened_at: now, updated_at: now })
      .where('id', '=', claim.id)
      .execute();
    await insertChange(trx, {
      caseId,
      kind: 'returned',
      state: 'returned',
      session,
      note: null,
      at: now,
      claim: { insurerId: claim.insurer_id, state: 'paid' },
    });
  }
  return paid.map((c) => c.id);
}

/** The case's state after a claim step, when the case rests with the insurers. */
async function caseStateAfterClaims(trx: Db, caseId: string, state: CaseState): Promise<CaseState> {
  if (!WITH_INSURERS.includes(state)) return state;
  const claims = await currentClaims(trx, caseId).execute();
  if (claims.length === 0) return state;
  if (claims.every((c) => c.state === 'paid')) return 'paid';
  if (claims.every((c) => c.state !== 'delivered')) return 'assessed';
  return 'reviewed';
}

/**
 * An insurer's assessment or payout on its own current claim of a case,
 * inside the caller's transaction.
 */
export async function applyClaimAction(
  trx: Db,
  session: Session,
  caseId: string,
  action: ClaimAction,
  request: CaseActionRequest,
  at: Date,
  /** An assessment's photos (by hash), for its feed entry and audit event. */
  photos: readonly string[] = [],
): Promise<CaseActionResponse> {
  const rule = CLAIM_STEPS[action];
  const insurerId = session.insurerId ?? '';
  {
    const claim = await currentClaims(trx, caseId)
      .where('insurer_id', '=', insurerId)
      .executeTakeFirst();
    if (claim?.state !== rule.from) {
      const state = claim?.state ?? 'withdrawn';
      throw new HttpError(
        409,
        'invalid_transition',
        claim
          ? `Your claim is ${state}; it cannot be ${rule.to} again on the same packet.`
          : 'Your packet of this case was withdrawn by a later review.',
        undefined,
        { state },
      );
    }
    const now = at.toISOString();
    const fen = toFen(request.amountYuan ?? 0);
    const note = request.note ?? null;
    await trx
      .updateTable('claims')
      .set({
        state: rule.to,
        updated_at: now,
        ...(action === 'assess'
          ? { assessed_at: now, assessed_fen: fen, assessment_note: note }
          : { paid_at: now, paid_fen: fen, payout_note: note }),
        ...claimFiveFast(claim, action, now),
      })
      .where('id', '=', claim.id)
      .execute();
    const current = await trx
      .selectFrom('cases')
      .select(['state', 'manifest_version'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const state = await caseStateAfterClaims(trx, caseId, current.state as CaseState);
    if (state !== current.state) await setCaseState(trx, caseId, state, now);
    const kind = rule.to as ChangeKind;
    const cursor = await insertChange(trx, {
      caseId,
      kind,
      state,
      session,
      note,
      at: now,
      claim: { insurerId, state: rule.to },
      manifestVersion: current.manifest_version,
      photos,
    });
    await appendAudit(trx, at, {
      actor: session.userId,
      action: `claim.${kind}`,
      subject: caseId,
      details: {
        claimId: claim.id,
        insurerId,
        version: claim.manifest_version,
        from: rule.from,
        to: rule.to,
        amountYuan: fen / 100,
        note,
        caseState: state,
        ...(photos.length > 0 && { photos }),
      },
    });
    const updated = await trx
      .selectFrom('claims')
      .selectAll()
      .where('id', '=', claim.id)
      .executeTakeFirstOrThrow();
    return { caseId, state: rule.to, cursor, claim: claimOf(updated) };
  }
}
