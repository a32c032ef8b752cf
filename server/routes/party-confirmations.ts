/**
 * `POST /api/party-confirmations` (src/contracts/party-confirmations.ts): a
 * party confirms the case's determination from their own phone, with no
 * session. The determination's SHA-256 is the capability: the server
 * recomputes it from the case it holds (`determinationBytes`, as the phone
 * and the PDF do) and refuses any other, naming `body.sha256`. A refused try
 * (unknown case, wrong hash) counts like a failed sign-in, per address and
 * per case, in the sign-in limiter's tables under `confirm:` keys. A
 * confirmation is kept once per case, vehicle and hash
 * (`party_confirmations`), audited as `party.confirmed` in the same
 * transaction, and read into the case's timeline.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  PartyConfirmRequest,
  type PartyConfirmation,
} from '../../src/contracts/party-confirmations';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { determinationBytes } from '../../src/domain/case/determination';
import { appendAudit } from '../audit/audit-log';
import type { LoginLimiter } from '../auth/rate-limit';
import type { Db } from '../db/database';
import { HttpError, parseInput } from '../errors';
import { sha256Hex } from '../hash';
import { publicRoute } from './contract-route';

export interface PartyConfirmationOptions {
  db: Db;
  now: () => Date;
  limiter: LoginLimiter;
}

function refusal(status: number, code: string, path: string, message: string): HttpError {
  return new HttpError(status, code, message, [{ path, message }]);
}

/** Why the hash is not the case's: amended since, or never this case's. */
function mismatch(record: CaseRecord, sha256: string): HttpError {
  const superseded = (record.liability?.amendments ?? []).some(
    (a) => a.supersededSha256 === sha256,
  );
  return superseded
    ? refusal(
        409,
        'determination_amended',
        'body.sha256',
        'This determination has been amended since: ask the officer for the new one.',
      )
    : refusal(
        409,
        'determination_mismatch',
        'body.sha256',
        'This is not the determination the case holds now.',
      );
}

export const partyConfirmationRoutes: FastifyPluginAsync<PartyConfirmationOptions> = async (
  app,
  { db, now, limiter },
) => {
  publicRoute(app, 'parties.confirm', async (request): Promise<PartyConfirmation> => {
    const body = parseInput(PartyConfirmRequest, request.body, 'body');
    const at = now();
    const attempt = { account: `confirm:${body.caseId}`, address: `confirm:${request.ip}` };
    const wait = await limiter.retryAfterSeconds(attempt, at.getTime());
    if (wait > 0) {
      const error = new HttpError(
        429,
        'rate_limited',
        `Too many refused tries. Try again in ${wait} s.`,
      );
      error.headers['retry-after'] = String(wait);
      throw error;
    }
    const row = await db
      .selectFrom('cases')
      .select(['case_number', 'body'])
      .where('id', '=', body.caseId)
      .executeTakeFirst();
    if (!row) {
      await limiter.recordFailure(attempt, at.getTime());
      throw refusal(
        404,
        'case_not_found',
        'body.caseId',
        'No such case has reached the server yet: try again once the officer’s phone has sent it.',
      );
    }
    const record = JSON.parse(row.body) as CaseRecord;
    if (sha256Hex(determinationBytes(record)) !== body.sha256) {
      await limiter.recordFailure(attempt, at.getTime());
      throw mismatch(record, body.sha256);
    }
    if (!record.vehicles.some((v) => v.label === body.vehicle)) {
      throw refusal(409, 'determination_mismatch', 'body.vehicle', 'The case has no such vehicle.');
    }
    const key = { case_id: body.caseId, vehicle: body.vehicle, sha256: body.sha256 };
    const confirmedAt = await db.transaction().execute(async (trx) => {
      const kept = await trx
        .selectFrom('party_confirmations')
        .select('confirmed_at')
        .where('case_id', '=', key.case_id)
        .where('vehicle', '=', key.vehicle)
        .where('sha256', '=', key.sha256)
        .executeTakeFirst();
      if (kept) return { at: kept.confirmed_at, already: true };
      await trx
        .insertInto('party_confirmations')
        .values({ ...key, confirmed_at: at.toISOString() })
        .execute();
      await appendAudit(trx, at, {
        actor: `party:${body.vehicle}`,
        action: 'party.confirmed',
        subject: body.caseId,
        details: { vehicle: body.vehicle, sha256: body.sha256 },
      });
      return { at: at.toISOString(), already: false };
    });
    return {
      caseId: body.caseId,
      caseNumber: row.case_number,
      vehicle: body.vehicle,
      sha256: body.sha256,
      confirmedAt: confirmedAt.at,
      already: confirmedAt.already,
    };
  });
};
