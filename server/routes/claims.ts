/**
 * GET /api/claims/overdue: the packets past their call-back target that
 * their insurer has not acknowledged, for the brigade's reviewers (their
 * brigade) and admins (every brigade). Insurers and officers are refused by
 * the contract's `access` (403).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { OverdueList } from '../../src/contracts/claims';
import { scopeFor } from '../auth/policy';
import { listOverdue } from '../packets/overdue';
import { sessionRoute, type RouteDeps } from './contract-route';

export type ClaimRoutesOptions = RouteDeps;

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
