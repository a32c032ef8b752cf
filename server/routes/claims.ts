/**
 * GET /api/claims/overdue: the packets past their call-back target that
 * their insurer has not acknowledged, for the brigade's reviewers (their
 * brigade) and admins (every brigade). Insurers and officers are refused by
 * the contract's `access` (403).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { OverdueList } from '../../src/contracts/claims';
import type { Authenticator } from '../auth/authenticate';
import { scopeFor } from '../auth/policy';
import type { Db } from '../db/database';
import { listOverdue } from '../packets/overdue';
import { sessionRoute } from './contract-route';

export interface ClaimRoutesOptions {
  db: Db;
  auth: Authenticator;
  now: () => Date;
}

export const claimRoutes: FastifyPluginAsync<ClaimRoutesOptions> = async (
  app,
  { db, auth, now },
) => {
  sessionRoute(
    app,
    auth,
    'claims.overdue',
    async (_request, reply, session): Promise<OverdueList> => {
      void reply.header('cache-control', 'no-store');
      return listOverdue(db, scopeFor(session), now());
    },
  );
};
