/**
 * GET /api/changes?cursor=…: changes by others to cases in the session's
 * scope, oldest first. The cursor is the last change id seen; the feed is
 * monotonic, so a device that keeps `nextCursor` never misses or repeats one.
 * With `device=<id>`, the answer also says whether that phone of the user is
 * still enrolled or was revoked (issue 18: a phone with nothing to send
 * learns of its revocation on its next pull), and the brigade's lock
 * settings for phones as they are now.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Selectable } from 'kysely';
import { ChangesQuery } from '../../src/contracts/changes';
import type {
  Change,
  ChangeKind,
  ChangesResponse,
  DeviceStatus,
} from '../../src/contracts/changes';
import type { ClaimState } from '../../src/contracts/claims';
import type { MissingItem } from '../../src/contracts/review';
import type { Role } from '../../src/contracts/route';
import type { CaseState } from '../../src/domain/case/case-state';
import type { SquadDetermination } from '../../src/domain/review/squad-amendment';
import type { OfficerDetermination } from '../../src/domain/case/liability-record.schema';
import type { Authenticator } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import { phoneLockOf } from '../brigade-settings';
import { changesInScope, scopeFor } from '../auth/policy';
import type { Db } from '../db/database';
import type { ChangesTable } from '../db/schema';
import { HttpError, parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface ChangeRoutesOptions {
  db: Db;
  auth: Authenticator;
}

/**
 * One feed entry. An insurer reads its claim's state as `state`, and a note
 * only when its own staff wrote it: police notes stay with the police.
 */
function changeOf(r: Selectable<ChangesTable>, forInsurer: boolean): Change {
  const claim =
    r.insurer_id === null || r.claim_state === null
      ? undefined
      : { insurerId: r.insurer_id, state: r.claim_state as ClaimState };
  const note = forInsurer && r.actor_role !== 'insurer' ? null : r.note;
  return {
    cursor: String(r.id),
    caseId: r.case_id,
    kind: r.kind as ChangeKind,
    state: (forInsurer && claim ? claim.state : r.state) as CaseState,
    at: r.at,
    actor: { id: r.actor_id, role: r.actor_role as Role },
    ...(note === null ? {} : { note }),
    ...(r.missing !== null && { missing: JSON.parse(r.missing) as MissingItem[] }),
    ...(r.amendment !== null &&
      !forInsurer && { amendment: JSON.parse(r.amendment) as SquadDetermination }),
    ...(r.determination !== null &&
      !forInsurer && { determination: JSON.parse(r.determination) as OfficerDetermination }),
    ...(r.photos !== null && { photos: JSON.parse(r.photos) as string[] }),
    ...(claim && { claim }),
  };
}

/**
 * What a phone asking about itself learns: whether it is still enrolled, and
 * its brigade's lock settings as they are now.
 */
async function deviceAnswer(
  db: Db,
  session: Session,
  deviceId: string,
): Promise<Pick<ChangesResponse, 'device' | 'phoneLock'>> {
  const [device, phoneLock] = await Promise.all([
    deviceStatus(db, session.userId, deviceId),
    phoneLockOf(db, session.brigadeId),
  ]);
  return { device, ...(phoneLock && { phoneLock }) };
}

/** Whether the user's phone `deviceId` is enrolled, and revoked (issue 18). */
async function deviceStatus(db: Db, userId: string, deviceId: string): Promise<DeviceStatus> {
  const row = await db
    .selectFrom('devices')
    .select('revoked_at')
    .where('id', '=', deviceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return { status: 'unknown' };
  return row.revoked_at === null
    ? { status: 'active' }
    : { status: 'revoked', revokedAt: new Date(row.revoked_at).toISOString() };
}

export const changeRoutes: FastifyPluginAsync<ChangeRoutesOptions> = async (app, { db, auth }) => {
  sessionRoute(
    app,
    auth,
    'changes.list',
    async (request, reply, session): Promise<ChangesResponse> => {
      const query = parseInput(ChangesQuery, request.query, 'querystring');
      const cursor = Number(query.cursor ?? '0');
      const limit = Number(query.limit ?? '100');
      if (limit < 1 || limit > 500) {
        throw new HttpError(400, 'validation_failed', 'The request is not valid.', [
          { path: 'querystring.limit', message: 'must be 1–500' },
        ]);
      }
      const scope = scopeFor(session);
      const rows = await changesInScope(db, scope)
        .where('changes.id', '>', cursor)
        .where('changes.actor_id', '!=', session.userId)
        .orderBy('changes.id')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      void reply.header('cache-control', 'no-store');
      return {
        changes: page.map((r) => changeOf(r, scope.kind === 'insurer')),
        nextCursor: String(page.at(-1)?.id ?? cursor),
        more: rows.length > limit,
        ...(query.device && (await deviceAnswer(db, session, query.device))),
      };
    },
  );
};
