/**
 * GET /api/changes?cursor=…: changes by others to cases in the session's
 * scope, oldest first. The cursor is the last change id seen; the feed is
 * monotonic, so a device that keeps `nextCursor` never misses or repeats one.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ChangesQuery } from '../../src/contracts/changes';
import type { ChangeKind, ChangesResponse } from '../../src/contracts/changes';
import type { Role } from '../../src/contracts/route';
import type { CaseState } from '../../src/domain/case/case-state';
import type { Authenticator } from '../auth/authenticate';
import { scopeFor, whereCaseInScope } from '../auth/policy';
import type { Db } from '../db/database';
import { HttpError, parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface ChangeRoutesOptions {
  db: Db;
  auth: Authenticator;
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
      const base = db
        .selectFrom('changes')
        .innerJoin('cases', 'cases.id', 'changes.case_id')
        .select([
          'changes.id',
          'changes.case_id',
          'changes.kind',
          'changes.state',
          'changes.at',
          'changes.actor_id',
          'changes.actor_role',
          'changes.note',
        ]);
      const rows = await whereCaseInScope(db, scopeFor(session), base)
        .where('changes.id', '>', cursor)
        .where('changes.actor_id', '!=', session.userId)
        .orderBy('changes.id')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      void reply.header('cache-control', 'no-store');
      return {
        changes: page.map((r) => ({
          cursor: String(r.id),
          caseId: r.case_id,
          kind: r.kind as ChangeKind,
          state: r.state as CaseState,
          at: r.at,
          actor: { id: r.actor_id, role: r.actor_role as Role },
          ...(r.note === null ? {} : { note: r.note }),
        })),
        nextCursor: String(page.at(-1)?.id ?? cursor),
        more: rows.length > limit,
      };
    },
  );
};
