/**
 * GET /api/review/queue (reviewer: the brigade's cases), GET
 * /api/cases/:id/history, GET /api/cases/:id/timeline and GET
 * /api/cases/:id/verification (the case's
 * officer's unit, or a reviewer of its brigade). The reviewer's actions go
 * through POST /api/cases/:id/actions (routes/cases.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { QueueQuery } from '../../src/contracts/review';
import type { CaseHistory, CaseVerification, QueueResponse } from '../../src/contracts/review';
import type { CaseTimeline } from '../../src/contracts/timeline';
import { IdParams } from '../../src/contracts/route';
import { verifyCase } from '../audit/case-verification';
import { caseInScopeOr404, scopeFor } from '../auth/policy';
import type { BlobStore } from '../blobs/blob-store';
import { caseHistory } from '../cases/history';
import { caseTimeline } from '../cases/timeline';
import { reviewQueue } from '../cases/queue';
import { parseInput } from '../errors';
import { sessionRoute, type RouteDeps } from './contract-route';

export interface ReviewRoutesOptions extends RouteDeps {
  blobs: BlobStore;
}

export const reviewRoutes: FastifyPluginAsync<ReviewRoutesOptions> = async (
  app,
  { db, blobs, auth, now },
) => {
  sessionRoute(
    app,
    auth,
    'review.queue',
    async (request, reply, session): Promise<QueueResponse> => {
      const query = parseInput(QueueQuery, request.query, 'querystring');
      void reply.header('cache-control', 'no-store');
      return reviewQueue(db, scopeFor(session), query);
    },
  );

  sessionRoute(
    app,
    auth,
    'review.history',
    async (request, _reply, session): Promise<CaseHistory> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      await caseInScopeOr404(db, scopeFor(session), id);
      return caseHistory(db, id);
    },
  );

  sessionRoute(
    app,
    auth,
    'cases.timeline',
    async (request, reply, session): Promise<CaseTimeline> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      await caseInScopeOr404(db, scopeFor(session), id);
      void reply.header('cache-control', 'no-store');
      return caseTimeline(db, id);
    },
  );

  sessionRoute(
    app,
    auth,
    'review.verification',
    async (request, reply, session): Promise<CaseVerification> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      await caseInScopeOr404(db, scopeFor(session), id);
      void reply.header('cache-control', 'no-store');
      return verifyCase(db, blobs, id, now());
    },
  );
};
