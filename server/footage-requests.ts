/**
 * Footage requests of a case (src/contracts/video.ts): read by the case's
 * unit and the reviewers of its brigade, made by the case's officer or a
 * reviewer for a window the unit still holds (src/domain/video/footage.ts),
 * answered by a reviewer. Each change is audited in its transaction; a
 * request reads `expired` once still unanswered past its expiry.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  FootageRequest,
  FootageRequestInput,
  FootageResolution,
} from '../src/contracts/video';
import { CaseRecord } from '../src/domain/case/case.schema';
import {
  FootageState,
  accidentTimeOf,
  checkFootageWindow,
  footageGoneAt,
  footageStanding,
  type WindowRefusal,
} from '../src/domain/video/footage';
import { appendAudit } from './audit/audit-log';
import { caseInScopeOr404, notFound, scopeFor } from './auth/policy';
import type { Session } from './auth/sessions';
import type { Database } from './db/schema';
import { HttpError } from './errors';

type Db = Kysely<Database>;

function requestsQuery(db: Db) {
  return db
    .selectFrom('footage_requests as f')
    .innerJoin('video_units as v', 'v.id', 'f.video_unit_id')
    .innerJoin('users as r', 'r.id', 'f.requested_by')
    .leftJoin('users as s', 's.id', 'f.resolved_by')
    .selectAll('f')
    .select(['v.code', 'v.name', 'r.display_name as requester', 's.display_name as resolver']);
}
type Joined = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

function requestOf(r: Joined, now: Date): FootageRequest {
  const status = FootageState.safeParse(r.status).data ?? 'requested';
  return {
    id: r.id,
    caseId: r.case_id,
    unit: { id: r.video_unit_id, code: r.code, name: r.name },
    from: r.window_from,
    to: r.window_to,
    note: r.note,
    status,
    standing: footageStanding({ status, expiresAt: r.expires_at }, now.toISOString()),
    expiresAt: r.expires_at,
    requestedBy: { id: r.requested_by, name: r.requester },
    requestedAt: r.requested_at,
    reference: r.reference,
    resolution: r.resolution,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, name: r.resolver ?? '' } : null,
    resolvedAt: r.resolved_at,
  };
}

export async function listFootage(db: Db, session: Session, caseId: string, now: Date) {
  await caseInScopeOr404(db, scopeFor(session), caseId);
  const rows = await requestsQuery(db)
    .where('f.case_id', '=', caseId)
    .orderBy('f.requested_at', 'desc')
    .orderBy('f.id')
    .execute();
  return { requests: rows.map((r) => requestOf(r, now)) };
}

const WINDOW_WORDS: Record<WindowRefusal, { path: string; message: string }> = {
  window_order: { path: 'body.to', message: 'must be after the start of the window' },
  window_too_long: { path: 'body.to', message: 'a window of at most 6 hours' },
  retention_passed: {
    path: 'body.from',
    message:
      'the unit no longer holds footage this old (it keeps footage for its retention days only)',
  },
};

async function caseOfRequest(trx: Db, session: Session, caseId: string) {
  const row = await caseInScopeOr404(trx, scopeFor(session), caseId);
  if (session.role === 'officer' && row.officer_id !== session.userId) {
    throw new HttpError(
      403,
      'not_case_officer',
      'Only the case’s officer, or a reviewer of its brigade, may ask for footage.',
    );
  }
  const unit = await trx
    .selectFrom('units')
    .select('brigade_id')
    .where('id', '=', row.unit_id)
    .executeTakeFirstOrThrow();
  // The stored body was checked on arrival; should one not read, the arrival column stands in.
  const record = CaseRecord.safeParse(JSON.parse(row.body));
  const accidentAt = record.success ? accidentTimeOf(record.data) : row.arrived_at;
  return { brigadeId: unit.brigade_id, accidentAt };
}

async function activeUnitOr422(trx: Db, brigadeId: string, unitId: string) {
  const unit = await trx
    .selectFrom('video_units')
    .select(['id', 'retention_days'])
    .where('id', '=', unitId)
    .where('brigade_id', '=', brigadeId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!unit) {
    throw new HttpError(
      422,
      'unit_unavailable',
      'No video unit of that id is in use in the case’s brigade.',
      [{ path: 'body.unitId', message: 'no such video unit in use in the case’s brigade' }],
    );
  }
  return unit;
}

export async function requestFootage(
  db: Db,
  session: Session,
  caseId: string,
  input: FootageRequestInput,
  at: Date,
): Promise<FootageRequest> {
  return db.transaction().execute(async (trx) => {
    const { brigadeId, accidentAt } = await caseOfRequest(trx, session, caseId);
    const unit = await activeUnitOr422(trx, brigadeId, input.unitId);
    const checked = checkFootageWindow(input, unit.retention_days, at.toISOString());
    if (!checked.ok) {
      const words = WINDOW_WORDS[checked.reason];
      const since = checked.detail ? ` (footage before ${checked.detail} is gone)` : '';
      throw new HttpError(422, checked.reason, `${words.message}${since}.`, [words]);
    }
    const id = randomUUID();
    await trx
      .insertInto('footage_requests')
      .values({
        id,
        case_id: caseId,
        video_unit_id: unit.id,
        window_from: new Date(input.from).toISOString(),
        window_to: new Date(input.to).toISOString(),
        note: input.note?.trim() || null,
        expires_at: footageGoneAt(accidentAt, unit.retention_days),
        status: 'requested',
        reference: null,
        resolution: null,
        requested_by: session.userId,
        requested_at: at.toISOString(),
        resolved_by: null,
        resolved_at: null,
      })
      .execute();
    await appendAudit(trx, at, {
      actor: session.userId,
      action: 'footage.requested',
      subject: caseId,
      details: { requestId: id, unitId: unit.id, from: input.from, to: input.to },
    });
    return requestOf(await requestsQuery(trx).where('f.id', '=', id).executeTakeFirstOrThrow(), at);
  });
}

export async function resolveFootage(
  db: Db,
  session: Session,
  ids: { caseId: string; requestId: string },
  answer: FootageResolution,
  at: Date,
): Promise<FootageRequest> {
  return db.transaction().execute(async (trx) => {
    await caseInScopeOr404(trx, scopeFor(session), ids.caseId);
    const row = await trx
      .selectFrom('footage_requests')
      .select('status')
      .where('id', '=', ids.requestId)
      .where('case_id', '=', ids.caseId)
      .executeTakeFirst();
    if (!row) throw notFound('footage request');
    if (row.status !== 'requested') {
      throw new HttpError(409, 'already_resolved', 'The request was answered already.');
    }
    await trx
      .updateTable('footage_requests')
      .set({
        status: answer.status,
        reference: answer.status === 'retrieved' ? answer.reference.trim() : null,
        resolution: answer.note?.trim() || null,
        resolved_by: session.userId,
        resolved_at: at.toISOString(),
      })
      .where('id', '=', ids.requestId)
      .execute();
    await appendAudit(trx, at, {
      actor: session.userId,
      action: `footage.${answer.status}`,
      subject: ids.caseId,
      details: {
        requestId: ids.requestId,
        reference: answer.status === 'retrieved' ? answer.reference : null,
      },
    });
    const done = await requestsQuery(trx)
      .where('f.id', '=', ids.requestId)
      .executeTakeFirstOrThrow();
    return requestOf(done, at);
  });
}
