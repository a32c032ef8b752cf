/** /api/dashboard: the five-fast figures of the viewer's brigade, their cases, and the CSV. */
import type { FastifyPluginAsync } from 'fastify';
import { DashboardCasesQuery, FiveFastQuery } from '../../src/contracts/dashboard';
import type { DashboardCasesPage, FiveFastResponse } from '../../src/contracts/dashboard';
import type { Authenticator } from '../auth/authenticate';
import { fiveFastCsv } from '../dashboard/csv';
import { dashboardCases } from '../dashboard/drill-down';
import { fiveFastGroups } from '../dashboard/five-fast';
import { dashboardFilters } from '../dashboard/query';
import type { Db } from '../db/database';
import { parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface DashboardRoutesOptions {
  db: Db;
  auth: Authenticator;
  now?: () => Date;
}

export const dashboardRoutes: FastifyPluginAsync<DashboardRoutesOptions> = async (
  app,
  { db, auth, now = () => new Date() },
) => {
  sessionRoute(
    app,
    auth,
    'dashboard.fiveFast',
    async (request, reply, session): Promise<FiveFastResponse> => {
      const query = parseInput(FiveFastQuery, request.query, 'querystring');
      const f = dashboardFilters(session, query, now());
      void reply.header('cache-control', 'no-store');
      return { groupBy: f.groupBy, from: f.from, to: f.to, groups: await fiveFastGroups(db, f) };
    },
  );
  sessionRoute(app, auth, 'dashboard.fiveFastCsv', async (request, reply, session) => {
    const query = parseInput(FiveFastQuery, request.query, 'querystring');
    const f = dashboardFilters(session, query, now());
    const csv = fiveFastCsv(await fiveFastGroups(db, f), f.groupBy, query.lang ?? 'zh');
    void reply
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="five-fast-${f.groupBy}-${f.from}-${f.to}.csv"`,
      )
      .type('text/csv; charset=utf-8');
    return Buffer.from(csv, 'utf8');
  });
  sessionRoute(
    app,
    auth,
    'dashboard.cases',
    async (request, reply, session): Promise<DashboardCasesPage> => {
      const query = parseInput(DashboardCasesQuery, request.query, 'querystring');
      const f = dashboardFilters(session, query, now());
      void reply.header('cache-control', 'no-store');
      return dashboardCases(db, f, query);
    },
  );
};
