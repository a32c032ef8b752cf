/**
 * Who may send a case's versions: its officer (`cases.officer_id`, the one who
 * sent version 1) and no one else, not even a colleague of his unit (ingest
 * refuses `not_case_officer`). `POST /api/cases/:id/handover` changes that
 * officer: the officer hands his case to a colleague, or a reviewer of the
 * brigade takes it over for one (the officer left, is ill, or the accident
 * squad continues it). The new officer must be an active officer of the same
 * brigade; the case moves to his unit, so his unit sees it and the old one
 * no longer does. Every hand-over is a `case_handovers` row and a
 * `case.handed_over` audit event; every refusal is audited too.
 */
import type { Kysely } from 'kysely';
import type {
  CaseHandoverRequest,
  CaseHandoverResponse,
  HandoverRefusal,
} from '../../src/contracts/cases';
import { appendAudit, recordAudit } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';

const STATUS: Record<HandoverRefusal, number> = { not_case_officer: 403, invalid_handover: 422 };

class HandoverRefused extends Error {
  constructor(
    readonly reason: HandoverRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Hands a case the caller has already found in scope to another officer. */
export async function handOverCase(
  db: Kysely<Database>,
  session: Session,
  caseId: string,
  request: CaseHandoverRequest,
  at: Date,
): Promise<CaseHandoverResponse> {
  try {
    return await db.transaction().execute((trx) => handOver(trx, session, caseId, request, at));
  } catch (error) {
    if (!(error instanceof HandoverRefused)) throw error;
    await recordAudit(db, at, {
      actor: session.userId,
      action: 'case.handover_refused',
      subject: caseId,
      details: { reason: error.reason, officerId: request.officerId },
    });
    throw new HttpError(STATUS[error.reason], error.reason, error.message);
  }
}

async function handOver(
  trx: Kysely<Database>,
  session: Session,
  caseId: string,
  request: CaseHandoverRequest,
  at: Date,
): Promise<CaseHandoverResponse> {
  const current = await trx
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .select(['cases.officer_id', 'cases.unit_id', 'cases.manifest_version', 'units.brigade_id'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (session.role === 'officer' && current.officer_id !== session.userId) {
    throw new HandoverRefused(
      'not_case_officer',
      'Only the case’s officer, or a reviewer of its brigade, may hand it over.',
    );
  }
  const target = await trx
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.unit_id'])
    .where('users.id', '=', request.officerId)
    .where('users.role', '=', 'officer')
    .where('users.disabled_at', 'is', null)
    .where('units.brigade_id', '=', current.brigade_id)
    .executeTakeFirst();
  if (!target?.unit_id || target.id === current.officer_id) {
    throw new HandoverRefused(
      'invalid_handover',
      'A case is handed over only to another active officer of its brigade.',
    );
  }
  const now = at.toISOString();
  await trx
    .updateTable('cases')
    .set({ officer_id: target.id, unit_id: target.unit_id, updated_at: now })
    .where('id', '=', caseId)
    .execute();
  await trx
    .insertInto('case_handovers')
    .values({
      case_id: caseId,
      from_officer_id: current.officer_id,
      to_officer_id: target.id,
      from_unit_id: current.unit_id,
      to_unit_id: target.unit_id,
      by_user_id: session.userId,
      by_role: session.role,
      reason: request.reason,
      manifest_version: current.manifest_version,
      at: now,
    })
    .execute();
  await appendAudit(trx, at, {
    actor: session.userId,
    action: 'case.handed_over',
    subject: caseId,
    details: {
      from: current.officer_id,
      to: target.id,
      fromUnit: current.unit_id,
      toUnit: target.unit_id,
      byRole: session.role,
      reason: request.reason,
      manifestVersion: current.manifest_version,
    },
  });
  return {
    caseId,
    officerId: target.id,
    unitId: target.unit_id,
    manifestVersion: current.manifest_version,
  };
}
